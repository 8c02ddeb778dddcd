import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Database } from "./database.js";
import { toDriverAdapterError } from "./driver-error.js";
import { bindToSchema } from "./schema-bound-adapter.js";

/**
 * PGlite's default shared_buffers (128 MB) is a server's setting; an embedded demo's tables fill a
 * few megabytes, and each instance's buffers stay resident. 16 MB holds the seeded data ten times
 * over and saves ~180 MB RSS per instance.
 */
const EMBEDDED_SETTINGS = ["shared_buffers=16MB"];

/**
 * One embedded PostgreSQL that several packages share, each in its schema, as they share one
 * PostgreSQL server (npm start's four agencies and the audit store: one PGlite of ~300 MB
 * resident instead of five).
 */
export interface EmbeddedPostgres {
  readonly pglite: PGlite;
  /** The schemas of the packages connected so far; unqualified names resolve in them. */
  readonly schemas: string[];
  close(): Promise<void>;
}

async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  // PGlite creates its own directory, but not the ones above it (PGLITE_DATA_DIR/embedded).
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = new PGlite({ ...(dataDir ? { dataDir } : {}), postgresqlconf: EMBEDDED_SETTINGS });
  await pglite.waitReady;
  return pglite;
}

export async function openEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  const pglite = await openPglite(dataDir);
  return { pglite, schemas: [], close: () => pglite.close() };
}

interface PgliteOptions {
  schema: string;
  dataDir?: string | undefined;
  role?: string | undefined;
  /** Join this instance instead of opening one of the package's own. */
  embedded?: EmbeddedPostgres | undefined;
}

type Session = Pick<PGlite, "exec" | "query" | "transaction">;

const searchPath = (schemas: readonly string[]) => schemas.map((schema) => `"${schema}"`).join(", ");
/** A package's `SET ROLE x` / `RESET ROLE` on a shared session: kept as that package's setting. */
const SET_ROLE = /^\s*SET\s+ROLE\s+"?([A-Za-z_][A-Za-z0-9_]*)"?\s*;?\s*$/i;
const RESET_ROLE = /^\s*RESET\s+ROLE\s*;?\s*$/i;

/**
 * One package's view of a shared PGlite session, as if the session were its own: its search_path
 * and its role (a `SET ROLE` it sends is kept, not sent) hold for its statements only. Without a
 * role, its queries go straight to the session (Prisma qualifies every table); with one, and for
 * every script, each runs in a transaction of its own that starts with SET LOCAL — PGlite runs one
 * transaction at a time, so no other package's statement sees those settings.
 */
function packageSession(pglite: PGlite, schema: string, initialRole: string | undefined) {
  let role = initialRole;
  const settings = () => `SET LOCAL search_path TO "${schema}"${role ? `; SET LOCAL ROLE "${role}"` : ""}`;
  const transaction = (<T>(work: (tx: Parameters<Parameters<PGlite["transaction"]>[0]>[0]) => Promise<T>) =>
    pglite.transaction(async (tx) => {
      await tx.exec(settings());
      return work(tx);
    })) as PGlite["transaction"];
  const scopedQuery = ((sql: string, params?: unknown[], options?: object) => transaction((tx) => tx.query(sql, params, options))) as PGlite["query"];
  const client: Session = {
    query: ((sql: string, params?: unknown[], options?: object) => (role ? scopedQuery(sql, params, options) : pglite.query(sql, params, options))) as PGlite["query"],
    exec: ((sql: string, options?: object) => transaction((tx) => tx.exec(sql, options))) as PGlite["exec"],
    transaction,
  };
  return {
    client,
    scopedQuery,
    /** Keeps a `SET ROLE x` / `RESET ROLE` as this package's setting; true when `sql` was one. */
    setRoleFrom(sql: string): boolean {
      const set = SET_ROLE.exec(sql);
      if (set) role = set[1];
      else if (RESET_ROLE.test(sql)) role = undefined;
      else return false;
      return true;
    },
  };
}

export async function connectPglite(options: PgliteOptions): Promise<Database> {
  const shared = options.embedded;
  const pglite = shared?.pglite ?? (await openPglite(options.dataDir));
  const { schema } = options;
  await pglite.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  if (shared && !shared.schemas.includes(schema)) shared.schemas.push(schema);
  // PGlite is a single session. Alone, its search_path is the package's schema, so the migration
  // engine's unqualified DDL lands there, and a role is the session's. Shared, the session's path
  // lists every package's schema (Prisma qualifies its own queries; a raw query such as social
  // services' facts or the audit's append finds its tables, whose names no other package uses),
  // and each package's scripts, raw SQL and role are its own (packageSession). Both are set again
  // on every start.
  await pglite.exec(`SET search_path TO ${searchPath(shared?.schemas ?? [schema])}`);
  if (options.role && !shared) await pglite.exec(`SET ROLE "${options.role}"`);
  const session = shared ? packageSession(pglite, schema, options.role) : undefined;
  const client: Session = session?.client ?? pglite;
  // pglite-prisma-adapter is built against an older @prisma/driver-adapter-utils; the shapes agree.
  const stock = new PrismaPGlite(client as PGlite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const adapter = bindToSchema(stock, {
    schema,
    executeScript: async (script) => {
      await client.exec(script).catch(toDriverAdapterError);
    },
  });
  return {
    kind: "pglite",
    schema,
    adapter,
    // One session only: the engine's advisory lock is re-entrant within it, so nothing to isolate.
    // Shared, the session's path is the package's alone while the engine works (some of its DDL,
    // such as _prisma_migrations', names no schema), and all packages' again afterwards. The hub
    // migrates each package before it serves anything; a raw query of another package meanwhile
    // would find no table and fail (closed), never read this package's.
    withDedicatedConnection: shared
      ? async (work) => {
          await pglite.exec(`SET search_path TO "${schema}"`);
          try {
            return await work(adapter);
          } finally {
            await pglite.exec(`SET search_path TO ${searchPath(shared.schemas)}`);
          }
        }
      : (work) => work(adapter),
    execute: async (sql) => {
      if (session?.setRoleFrom(sql)) return;
      await client.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await (session?.scopedQuery ?? pglite.query.bind(pglite))<T>(sql, params)).rows,
    // A shared instance is closed by whoever opened it, after every package has let go.
    close: async () => {
      if (!shared) await pglite.close();
    },
  };
}
