import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { applyMigrations, connectDatabase, type Database, type DatabaseConfig, resetSchema } from "@skyddsnat/platform";
import { PrismaClient } from "../generated/prisma/client.js";

export const AUDIT_SCHEMA = "audit";
/** Logs in to append: INSERT and SELECT on the records, nothing that changes or removes one. */
export const AUDIT_WRITER_ROLE = "skyddsnat_audit_writer";
/** Logs in to verify: SELECT only. */
export const AUDIT_READER_ROLE = "skyddsnat_audit_reader";
const PRISMA_DIR = fileURLToPath(new URL("../../prisma", import.meta.url));
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

/**
 * Opens the audit store: migrates and locks it down with the owner's URL, closes that, and
 * appends through the writer's own login, which can insert records but never change, remove or
 * disable anything — and is checked to be so before a record is written. On embedded PGlite
 * (one session, one process) the session takes the writer role instead, which holds only as
 * long as nothing in the process resets it (see the gateway's README).
 */
export async function openAuditStore(database: AuditDatabase, options: { reset?: boolean; schema?: string } = {}): Promise<AuditStore> {
  const schema = options.schema ?? AUDIT_SCHEMA;
  const { writerUrl, ...config } = database;
  const owner = await connectDatabase({ ...config, schema });
  let db = owner;
  try {
    if (options.reset) await resetSchema(owner);
    await applyMigrations({ db: owner, migrationsDir: `${PRISMA_DIR}/migrations`, schemaPath: `${PRISMA_DIR}/schema.prisma` });
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
