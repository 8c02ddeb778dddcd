import { existsSync, readdirSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "@jest/globals";
import { applyMigrations, connectDatabase, type Database, diffSchemaAgainstMigrations, EMPTY_MIGRATION, resetSchema } from "@skyddsnat/platform";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";

// Each agency subgraph's Prisma schema against its checked-in migrations, and those migrations on
// both backends. When the first test fails: npm run migration:new -- subgraphs/<name> <change_name>
const SUBGRAPHS_DIR = fileURLToPath(new URL("../../subgraphs/", import.meta.url));
// The audit store's Prisma schema lives with the gateway, which owns it.
const AUDIT_PRISMA_DIR = fileURLToPath(new URL("../../gateway/prisma", import.meta.url));
const prismaDir = (name: string) => (name === "audit" ? AUDIT_PRISMA_DIR : `${SUBGRAPHS_DIR}${name}/prisma`);
// Every package under subgraphs/ that has a Prisma schema (a new agency is covered without edits).
const PRISMA_SUBGRAPHS = readdirSync(SUBGRAPHS_DIR)
  .filter((name) => existsSync(`${prismaDir(name)}/schema.prisma`))
  .concat("audit")
  .sort();

test("finds the agency subgraphs' Prisma schemas", () => {
  expect(PRISMA_SUBGRAPHS).toEqual(expect.arrayContaining(["child-services", "housing", "police-liaison", "social-services"]));
});

async function tablesIn(db: Database): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
    [db.schema],
  );
  return rows.map((row) => row.table_name);
}

describe.each(PRISMA_SUBGRAPHS)("%s migrations", (name) => {
  const schemaPath = `${prismaDir(name)}/schema.prisma`;
  const migrationsDir = `${prismaDir(name)}/migrations`;
  const schema = `mig_check_${name.replaceAll("-", "_")}`;
  const tablesByBackend = new Map<string, string[]>();

  test("schema.prisma and the checked-in migrations agree", async () => {
    const { inSync, sql } = await diffSchemaAgainstMigrations({ schemaPath, migrationsDir, schema });
    expect(sql).toBe(EMPTY_MIGRATION);
    expect(inSync).toBe(true);
  });

  test("no migration names a schema (one file serves every schema and backend)", async () => {
    const folders = (await readdir(migrationsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory());
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const sql = await readFile(`${migrationsDir}/${folder.name}/migration.sql`, "utf8");
      expect(sql).not.toMatch(/CREATE SCHEMA|SET search_path|"public"\./i);
    }
  });

  test.each(["pglite", "postgres"] as const)("the same migrations apply on %s into the package's schema, once", async (kind) => {
    const db = await connectDatabase({ ...(kind === "postgres" ? { url: TEST_DATABASE_URL } : {}), schema });
    try {
      await resetSchema(db);
      const applied = await applyMigrations({ db, migrationsDir, schemaPath });
      expect(applied).toEqual((await readdir(migrationsDir)).filter((entry) => /^\d{14}_/.test(entry)).sort());
      expect(await applyMigrations({ db, migrationsDir, schemaPath })).toEqual([]);

      const tables = await tablesIn(db);
      expect(tables).toContain("_prisma_migrations");
      tablesByBackend.set(kind, tables);
      if (tablesByBackend.size === 2) expect(tablesByBackend.get("postgres")).toEqual(tablesByBackend.get("pglite"));

      const [unfinished] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}"."_prisma_migrations" WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL`,
      );
      expect(unfinished?.n).toBe(0);
    } finally {
      if (kind === "postgres") await db.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    }
  });
});
