import { SUBGRAPHS, type SubgraphName } from "@skyddsnat/schema";
import { MAX_SEED_SCALE } from "./seed/population.js";

/** How the hub reaches its databases: one PostgreSQL server, or embedded PGlite (the default). */
export interface HubDatabases {
  /** Per subgraph (and "audit"): a postgres:// URL, or undefined for embedded PGlite. */
  urlFor(name: SubgraphName | "audit"): string | undefined;
  /** Where embedded PGlite keeps its files; undefined keeps them in memory. */
  dataDir?: string;
  /** The audit writer's own login; default: the audit URL with the writer role as user. */
  auditWriterUrl?: string;
}

const envName = (name: string) => `${name.toUpperCase().replaceAll("-", "_")}_DATABASE_URL`;

/**
 * DATABASE_URL switches every subgraph to PostgreSQL (each in its own schema); a per-subgraph
 * <NAME>_DATABASE_URL (e.g. HOUSING_DATABASE_URL) overrides it for one. The audit store's URL
 * is its owner's, which only migrates: AUDIT_OWNER_DATABASE_URL, else AUDIT_DATABASE_URL; its
 * records are written through AUDIT_WRITER_DATABASE_URL (default: that URL with the writer role
 * as user, for development servers with trust or peer authentication).
 */
export function databasesFromEnv(env: NodeJS.ProcessEnv = process.env): HubDatabases {
  return {
    urlFor: (name) => (name === "audit" ? env.AUDIT_OWNER_DATABASE_URL : undefined) || env[envName(name)] || env.DATABASE_URL || undefined,
    ...(env.PGLITE_DATA_DIR ? { dataDir: env.PGLITE_DATA_DIR } : {}),
    ...(env.AUDIT_WRITER_DATABASE_URL ? { auditWriterUrl: env.AUDIT_WRITER_DATABASE_URL } : {}),
  };
}

export interface HubPorts {
  gateway: number;
  subgraphs: Record<SubgraphName, number>;
}

/** Default ports; PORT moves the gateway, and port 0 everywhere gives free ports (tests). */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): HubPorts {
  const base = env.HUB_PORTS === "random" ? 0 : undefined;
  return {
    gateway: base ?? Number(env.PORT ?? 4000),
    subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, base ?? s.port])) as Record<SubgraphName, number>,
  };
}

/** Free ports everywhere (tests, benchmarks, a second hub beside the first). */
export function randomPorts(): HubPorts {
  return { gateway: 0, subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, 0])) as Record<SubgraphName, number> };
}

/** SEED_SCALE (1–100, default 1): the seeded population as a multiple of the demo's; anything else is refused. */
export function seedScaleFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.SEED_SCALE?.trim() || "1";
  const scale = Number(text);
  if (!/^\d+$/.test(text) || scale < 1 || scale > MAX_SEED_SCALE) throw new RangeError(`SEED_SCALE must be a whole number from 1 to ${MAX_SEED_SCALE}, not "${text}"`);
  return scale;
}
