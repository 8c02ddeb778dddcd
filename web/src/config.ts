/** What the hub tells the app at /app/config.json: which identity providers to sign in with. */
export interface IssuerChoice {
  agency: string;
  issuer: string;
}

export interface AppConfig {
  graphqlPath: string;
  signIn: {
    clientId: string;
    issuers: IssuerChoice[];
    /** The resource indicator the access token is for (the hub's audience). */
    resource?: string;
  };
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch("/app/config.json", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The hub's sign-in configuration could not be read (HTTP ${response.status}).`);
  return (await response.json()) as AppConfig;
}

/** Purposes a caller can state at sign-in (the hub checks which her role may state). */
export const PURPOSES = ["CASE_WORK", "COORDINATED_SUPPORT", "EMERGENCY", "AUDIT"] as const;
export type Purpose = (typeof PURPOSES)[number];

export const PURPOSE_LABELS: Record<Purpose, string> = {
  CASE_WORK: "Handläggning / Case work",
  COORDINATED_SUPPORT: "Samordnat stöd (samtycke) / Coordinated support (consent)",
  EMERGENCY: "Nödsituation / Emergency",
  AUDIT: "Loggkontroll / Audit",
};
