import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { applyMigrations, connectDatabase, type Database, type DatabaseConfig, PendingMigrationsError, pendingMigrations, resetSchema } from "@skyddsnat/platform";
import { PrismaClient } from "../generated/prisma/client.js";

export const AUDIT_SCHEMA = "audit";
/** Logs in to append: INSERT and SELECT on the records, nothing that changes or removes one. */
export const AUDIT_WRITER_ROLE = "skyddsnat_audit_writer";
/** Logs in to verify: SELECT only. */
export const AUDIT_READER_ROLE = "skyddsnat_audit_reader";
const PRISMA_DIR = fileURLToPath(new URL("../../prisma", import.meta.url));
const MIGRATIONS_DIR = `${PRISMA_DIR}/migrations`;
const APPEND_ONLY_SQL = fileURLToPath(new URL("../../src/audit/append-only.sql", import.meta.url));

/**
 * How long a release waits for its audit record at most; past it the protected fields are
 * withheld (AUDIT_UNAVAILABLE). The writer's session has lock_timeout 500 ms and
 * statement_timeout 1500 ms (append-only.sql), so a locked store also frees its connection.
 */
export const AUDIT_WAIT_MS = 2000;

export interface AuditStore {
  prisma: PrismaClient;
  db: Database;
  close(): Promise<void>;
}

export type AuditDatabase = Omit<DatabaseConfig, "schema" | "role"> & {
  /** The writer's own login (postgres://skyddsnat_audit_writer:…@…). Default: `url` with the
   * writer as user and no password — development servers with trust or peer authentication. */
  writerUrl?: string;
};

/** The same server and database as `url`, logging in as `user`. */
export function loginAs(url: string, user: string): string {
  const login = new URL(url);
  login.username = user;
  login.password = "";
  return login.toString();
}

/** `at-start`: the owner migrates and locks the store down first; `never`: the writer alone opens it. */
export type AuditMigrate = "at-start" | "never";

export interface OpenAuditStoreOptions {
  /** Drop the schema first (tests and demo resets; the owner's, so `at-start` only). */
  reset?: boolean;
  schema?: string;
  /** Default `at-start`. */
  migrate?: AuditMigrate;
}

/**
 * Opens the audit store and appends through the writer's own login, which can insert records but
 * never change, remove or disable anything — and is checked to be so before a record is written.
 * With `migrate: "at-start"` the owner's URL (`url`) migrates and locks the store down first and
 * is closed; with `"never"` (a deployment's gateway: the release's Job migrated as the owner) no
 * owner login is used at all, and the store is refused while a migration is pending
 * (PendingMigrationsError). On embedded PGlite (one session, one process) the session takes the
 * writer role instead, which holds only as long as nothing in the process resets it (see the
 * gateway's README).
 */
export async function openAuditStore(database: AuditDatabase, options: OpenAuditStoreOptions = {}): Promise<AuditStore> {
  const schema = options.schema ?? AUDIT_SCHEMA;
  if (options.migrate === "never") return openMigratedStore(database, schema, options.reset ?? false);
  const { writerUrl, ...config } = database;
  const owner = await connectDatabase({ ...config, schema });
  let db = owner;
  try {
    if (options.reset) await resetSchema(owner);
    await applyMigrations({ db: owner, migrationsDir: MIGRATIONS_DIR, schemaPath: `${PRISMA_DIR}/schema.prisma` });
    await owner.execute(await readFile(APPEND_ONLY_SQL, "utf8"));
    if (owner.kind === "postgres" && config.url) {
      await owner.close();
      db = await connectDatabase({ url: writerUrl ?? loginAs(config.url, AUDIT_WRITER_ROLE), schema, poolSize: config.poolSize ?? 5 });
    } else {
      await owner.execute(`SET ROLE ${AUDIT_WRITER_ROLE}`);
    }
    await assertAppendOnly(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return storeOver(db);
}

/**
 * The store as the release's Job left it, through the writer's login only: every checked-in
 * migration applied (the writer may read _prisma_migrations), and the writer's rights still
 * append-only. It creates, grants and migrates nothing — it could not.
 */
async function openMigratedStore(database: AuditDatabase, schema: string, reset: boolean): Promise<AuditStore> {
  if (reset) throw new Error("openAuditStore: reset needs the owner's login (migrate: at-start)");
  const url = database.writerUrl ?? (database.url ? loginAs(database.url, AUDIT_WRITER_ROLE) : undefined);
  if (!url) throw new Error("openAuditStore: migrate: never needs the writer's PostgreSQL login (writerUrl)");
  const db = await connectDatabase({ url, schema, poolSize: database.poolSize ?? 5, createSchema: false });
  try {
    const pending = await pendingMigrations({ db, migrationsDir: MIGRATIONS_DIR });
    if (pending.length > 0) throw new PendingMigrationsError(pending);
    await assertAppendOnly(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return storeOver(db);
}

/**
 * Opens the store to read it (the verifier): its own read-only login, no migration, no grant.
 * Default login: `url` with the reader as user (development, as for the writer).
 */
export async function openAuditReader(database: { url?: string; readerUrl?: string; dataDir?: string }, schema = AUDIT_SCHEMA): Promise<AuditStore> {
  const db = database.url
    ? await connectDatabase({ url: database.readerUrl ?? loginAs(database.url, AUDIT_READER_ROLE), schema, poolSize: 2 })
    : await connectDatabase({ ...(database.dataDir ? { dataDir: database.dataDir } : {}), schema, role: AUDIT_READER_ROLE });
  return storeOver(db);
}

/** A Prisma client over an opened connection, closed together. */
function storeOver(db: Database): AuditStore {
  const prisma = new PrismaClient({ adapter: db.adapter });
  return {
    prisma,
    db,
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

/** Refuses to write through a connection that could change the past: a superuser, the owner… */
async function assertAppendOnly(db: Database): Promise<void> {
  const [me] = await db.query<{ role: string; superuser: boolean; changes: boolean }>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            has_table_privilege('"AuditRecord"', 'UPDATE, DELETE, TRUNCATE, TRIGGER')
              OR has_table_privilege('"Checkpoint"', 'UPDATE, DELETE, TRUNCATE, TRIGGER')
              OR pg_has_role((SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'AuditRecord'), 'USAGE') AS changes`,
  );
  if (!me || me.role !== AUDIT_WRITER_ROLE || me.superuser || me.changes) {
    throw new Error(`the audit writer must log in as ${AUDIT_WRITER_ROLE} with append-only rights, not as ${me?.role ?? "unknown"}`);
  }
}
