import type { User, UserManager } from "oidc-client-ts";
import { createContext, useContext } from "react";
import type { AppConfig } from "./config.js";

/** The signed-in caller, as every page sees her. */
export interface Session {
  config: AppConfig;
  manager: UserManager;
  user: User;
  agency: string;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}

/** Claims of the access token the pages show (the hub verifies them; the app only reads). */
export function tokenClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return {};
  }
}
