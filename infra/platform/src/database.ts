import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { assertIdentifier } from "./identifier.js";
import { connectPglite, type EmbeddedPostgres } from "./pglite-database.js";
import { connectPostgres } from "./postgres-database.js";

export interface DatabaseConfig {
  /** postgres:// URL of a PostgreSQL server; absent → an embedded PGlite. */
  url?: string;
  /** The Postgres schema the package's tables live in, on either backend. */
  schema: string;
  /** Where PGlite keeps its files; absent → in memory. Ignored with a url or `embedded`. */
  dataDir?: string;
  /** An embedded PostgreSQL other packages share (openEmbeddedPostgres), instead of a PGlite of
   * the package's own. Ignored with a url. */
  embedded?: EmbeddedPostgres;
  /** Connections in the pg pool (default 10). Ignored for PGlite, which has one session. */
  poolSize?: number;
  /** A role every session takes (SET ROLE), e.g. the audit writer that may only append; the
   * login user must be a member. The schema must then exist already: the role may not be allowed
   * to create it. PGlite (one session) takes the role too. */
  role?: string;
  /** Create the schema when it is missing (default); false for a runtime login without DDL
   * rights, which finds it missing as "not migrated yet" (pendingMigrations). */
  createSchema?: boolean;
}

export interface Database {
  kind: "pglite" | "postgres";
  /** The schema every table, enum and _prisma_migrations row lives in. */
  schema: string;
  /** Pass to `new PrismaClient({ adapter })`: its queries are qualified with `schema`. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /**
   * Runs `work` with a factory bound to a connection of its own, closed afterwards, so that
   * session state ends with it: the migration engine takes a session-level advisory lock that it
   * never releases, which on a pool would stay with an idle connection and stall every other
   * package's migrations on the same server until that connection timed out.
   */
  withDedicatedConnection<T>(work: (adapter: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
  /** Raw SQL for set-up and tests (DDL, counts); application code goes through Prisma. Unqualified
   * names resolve in `schema` (search_path). */
  execute(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Processes sharing a PostgreSQL server tell each other about changes: `notify` reaches every
   * `listen` on the channel, in any process. Absent on PGlite, which only one process can open.
   */
  notifications?: Notifications;
  close(): Promise<void>;
}

/** What a listener hears: its connection is up, a notification arrived, or it was lost. */
export type NotificationEvent = "listening" | "notified" | "lost";

export interface Notifications {
  notify(channel: string): Promise<void>;
  /**
   * Listens on a connection of its own; after a loss it reconnects (a second later) until
   * closed. Notifications sent while it is not listening are gone: treat "lost" and
   * "listening" as "anything may have changed".
   */
  listen(channel: string, onEvent: (event: NotificationEvent) => void): { close(): Promise<void> };
}

/**
 * One database per agency in spirit. On a shared PostgreSQL server each package gets a schema
 * of its own; embedded, the same in one shared PGlite (`embedded`), or in a PGlite instance of
 * its own, so the same migration SQL (which names no schema) applies everywhere and lands in
 * that schema.
 */
export async function connectDatabase(config: DatabaseConfig): Promise<Database> {
  assertIdentifier(config.schema, "schema");
  if (config.role) assertIdentifier(config.role, "role");
  return config.url
    ? connectPostgres({ url: config.url, schema: config.schema, poolSize: config.poolSize ?? 10, role: config.role, createSchema: config.createSchema ?? true })
    : connectPglite({ schema: config.schema, dataDir: config.dataDir, role: config.role, embedded: config.embedded });
}

/** Drops the package's schema with everything in it and creates it empty (tests, seed). */
export async function resetSchema(db: Database): Promise<void> {
  await db.execute(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE; CREATE SCHEMA "${db.schema}";`);
}
