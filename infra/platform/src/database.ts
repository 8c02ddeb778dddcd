import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";

export interface DatabaseConfig {
  /** postgres:// URL of a PostgreSQL server; absent → embedded PGlite. */
  url?: string;
  /** The Postgres schema this package's tables live in on a shared server. */
  schema: string;
  /** PGlite's directory; absent → in memory. */
  dataDir?: string;
  poolSize?: number;
}

export interface Database {
  kind: "pglite" | "postgres";
  /** The schema tables actually live in: the configured one on a server, "public" in PGlite. */
  schema: string;
  /** Pass to `new PrismaClient({ adapter })` and to the migration engine. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** Raw SQL for set-up and tests (DDL, counts); application code uses Prisma. */
  execute(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * One database per agency in spirit: on a shared PostgreSQL server each package gets its own
 * schema (search_path for the migrations, Prisma's schema option for queries); embedded, each
 * gets its own PGlite instance. The same migration SQL applies to both.
 */
export async function connectDatabase(config: DatabaseConfig): Promise<Database> {
  if (!SCHEMA_NAME.test(config.schema)) throw new Error(`invalid schema name: ${config.schema}`);
  if (config.url) {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      options: `-c search_path=${config.schema}`,
    });
    pool.on("error", () => {
      // An idle client lost its server; the pool replaces it. Queries in flight still fail loudly.
    });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${config.schema}"`);
    return {
      kind: "postgres",
      schema: config.schema,
      adapter: new PrismaPg(pool, { schema: config.schema }) as unknown as SqlMigrationAwareDriverAdapterFactory,
      execute: async (sql) => {
        await pool.query(sql);
      },
      query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
      close: () => pool.end(),
    };
  }
  const pglite = new PGlite(config.dataDir);
  await pglite.waitReady;
  return {
    kind: "pglite",
    schema: "public",
    adapter: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    execute: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    close: () => pglite.close(),
  };
}

/** Empties the package's schema (tests, demo resets); the next migration run rebuilds it. */
export async function resetSchema(db: Database): Promise<void> {
  await db.execute(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE; CREATE SCHEMA "${db.schema}";`);
}
