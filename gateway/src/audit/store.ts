import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { applyMigrations, connectDatabase, type Database, type DatabaseConfig, resetSchema } from "@skyddsnat/platform";
import { PrismaClient } from "../generated/prisma/client.js";

export const AUDIT_SCHEMA = "audit";
export const AUDIT_WRITER_ROLE = "skyddsnat_audit_writer";
const PRISMA_DIR = fileURLToPath(new URL("../../prisma", import.meta.url));
const APPEND_ONLY_SQL = fileURLToPath(new URL("../../src/audit/append-only.sql", import.meta.url));

export interface AuditStore {
  prisma: PrismaClient;
  db: Database;
  close(): Promise<void>;
}

/**
 * Opens the audit store: migrates and locks it down as the owner, then connects as the writer
 * role, which may append but never change or remove a record.
 */
export async function openAuditStore(
  database: Omit<DatabaseConfig, "schema">,
  options: { reset?: boolean; schema?: string } = {},
): Promise<AuditStore> {
  const schema = options.schema ?? AUDIT_SCHEMA;
  const owner = await connectDatabase({ ...database, schema });
  if (options.reset) await resetSchema(owner);
  await applyMigrations({ db: owner, migrationsDir: `${PRISMA_DIR}/migrations`, schemaPath: `${PRISMA_DIR}/schema.prisma` });
  await owner.execute(await readFile(APPEND_ONLY_SQL, "utf8"));
  let db = owner;
  if (owner.kind === "postgres") {
    await owner.close();
    db = await connectDatabase({ ...database, schema, role: AUDIT_WRITER_ROLE, poolSize: 5 });
  } else {
    // Embedded PGlite has one session: it becomes the writer for the rest of its life.
    await owner.execute(`SET ROLE ${AUDIT_WRITER_ROLE}`);
  }
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
