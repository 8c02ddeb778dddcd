import { SUBGRAPHS, type SubgraphName } from "@skyddsnat/schema";
import type { Settings } from "./environment/read-environment.js";

/** How the hub reaches its databases: one PostgreSQL server, or embedded PGlite (the default). */
export interface HubDatabases {
  /** Per subgraph (and "audit"): a postgres:// URL, or undefined for embedded PGlite. */
  urlFor(name: SubgraphName | "audit"): string | undefined;
  /** Where embedded PGlite keeps its files; undefined keeps them in memory. */
  dataDir?: string;
  /** The audit writer's own login; default: the audit URL with the writer role as user. */
  auditWriterUrl?: string;
}

type DatabaseSettings = Pick<
  Settings,
  | "DATABASE_URL"
  | "SOCIAL_SERVICES_DATABASE_URL"
  | "HOUSING_DATABASE_URL"
  | "POLICE_LIAISON_DATABASE_URL"
  | "CHILD_SERVICES_DATABASE_URL"
  | "AUDIT_DATABASE_URL"
  | "AUDIT_OWNER_DATABASE_URL"
  | "AUDIT_WRITER_DATABASE_URL"
  | "PGLITE_DATA_DIR"
>;

const OWN_URL = {
  "social-services": "SOCIAL_SERVICES_DATABASE_URL",
  housing: "HOUSING_DATABASE_URL",
  "police-liaison": "POLICE_LIAISON_DATABASE_URL",
  "child-services": "CHILD_SERVICES_DATABASE_URL",
  audit: "AUDIT_DATABASE_URL",
} as const satisfies Record<SubgraphName, keyof DatabaseSettings>;

/**
 * DATABASE_URL switches every subgraph to PostgreSQL (each in its own schema); a per-subgraph
 * <NAME>_DATABASE_URL (e.g. HOUSING_DATABASE_URL) overrides it for one. The audit store's URL
 * is its owner's, which only migrates: AUDIT_OWNER_DATABASE_URL, else AUDIT_DATABASE_URL; its
 * records are written through AUDIT_WRITER_DATABASE_URL (default: that URL with the writer role
 * as user, for development servers with trust or peer authentication).
 */
export function databasesFrom(settings: DatabaseSettings): HubDatabases {
  return {
    urlFor: (name) => (name === "audit" ? settings.AUDIT_OWNER_DATABASE_URL : undefined) || settings[OWN_URL[name]] || settings.DATABASE_URL || undefined,
    ...(settings.PGLITE_DATA_DIR ? { dataDir: settings.PGLITE_DATA_DIR } : {}),
    ...(settings.AUDIT_WRITER_DATABASE_URL ? { auditWriterUrl: settings.AUDIT_WRITER_DATABASE_URL } : {}),
  };
}

const STORES: readonly SubgraphName[] = ["social-services", "housing", "police-liaison", "child-services", "audit"];

/** Whether any store has no server, and so lives in the hub's one embedded PGlite. */
export const usesEmbedded = (databases: HubDatabases): boolean => STORES.some((name) => !databases.urlFor(name));

export interface HubPorts {
  gateway: number;
  subgraphs: Record<SubgraphName, number>;
  /** The development identity providers' one server (default a free port). */
  identityProviders?: number;
}

/** Default ports; PORT moves the gateway, IDP_PORT the identity providers, and HUB_PORTS=random gives free ports everywhere. */
export function portsFrom(settings: Pick<Settings, "HUB_PORTS" | "PORT" | "IDP_PORT">): HubPorts {
  if (settings.HUB_PORTS === "random") return { ...randomPorts(), identityProviders: 0 };
  return {
    gateway: settings.PORT ?? 4000,
    identityProviders: settings.IDP_PORT,
    subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.port])) as Record<SubgraphName, number>,
  };
}

/** Free ports everywhere (tests, benchmarks, a second hub beside the first). */
export function randomPorts(): HubPorts {
  return { gateway: 0, subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, 0])) as Record<SubgraphName, number> };
}

