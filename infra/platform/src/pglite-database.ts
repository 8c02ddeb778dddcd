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
 * PostgreSQL server (npm start's four agencies: one PGlite of ~300 MB instead of four).
 */
export interface EmbeddedPostgres {
  readonly pglite: PGlite;
  /** The schemas of the packages connected so far; unqualified names resolve in them. */
  readonly schemas: string[];
  close(): Promise<void>;
}

async function openPglite(dataDir: string | undefined): Promise<PGlite> {
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

const searchPath = (schemas: readonly string[]) => schemas.map((schema) => `"${schema}"`).join(", ");

export async function connectPglite(options: PgliteOptions): Promise<Database> {
  if (options.embedded && options.role) throw new Error("a role holds for the whole PGlite session: give that package an instance of its own");
  const shared = options.embedded;
  const pglite = shared?.pglite ?? (await openPglite(options.dataDir));
  const { schema } = options;
  await pglite.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  if (shared && !shared.schemas.includes(schema)) shared.schemas.push(schema);
  // PGlite is a single session. Alone, its search_path is the package's schema, so the migration
  // engine's unqualified DDL lands there. Shared, the session's path lists every package's schema
  // (Prisma qualifies its own queries; a raw query such as social services' facts finds its
  // tables, whose names no other agency uses), and each package's scripts and raw SQL run in a
  // transaction of their own whose SET LOCAL puts their unqualified names in the package's schema.
  // Both are set again on every start.
  await pglite.exec(`SET search_path TO ${searchPath(shared?.schemas ?? [schema])}`);
  if (options.role) await pglite.exec(`SET ROLE "${options.role}"`);
  const inSchema = shared
    ? <T>(work: (run: Pick<PGlite, "exec" | "query">) => Promise<T>) =>
        pglite.transaction(async (tx) => {
          await tx.exec(`SET LOCAL search_path TO "${schema}"`);
          return work(tx);
        })
    : <T>(work: (run: Pick<PGlite, "exec" | "query">) => Promise<T>) => work(pglite);
  // pglite-prisma-adapter is built against an older @prisma/driver-adapter-utils; the shapes agree.
  const stock = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const adapter = bindToSchema(stock, {
    schema,
    executeScript: async (script) => {
      await inSchema((run) => run.exec(script)).catch(toDriverAdapterError);
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
      await inSchema((run) => run.exec(sql));
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await inSchema((run) => run.query<T>(sql, params))).rows,
    // A shared instance is closed by whoever opened it, after every package has let go.
    close: async () => {
      if (!shared) await pglite.close();
    },
  };
}
