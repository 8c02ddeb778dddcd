import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "@jest/globals";
import { copyLibrary, LIBRARY_MIGRATION_NAMES, LIBRARY_MIGRATIONS, LIBRARY_SCHEMA } from "./__fixtures__/library.js";
import { connectDatabase, type Database } from "./database.js";
import { applyMigrations, diffSchemaAgainstMigrations, EMPTY_MIGRATION, firstMigrationSql, pendingMigrations } from "./migrations.js";

// Each test starts the wasm engine and one or two PGlite instances: seconds, not milliseconds.
const SLOW = 60_000;

async function tablesIn(db: Database, schema: string): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
    [schema],
  );
  return rows.map((row) => row.table_name);
}

describe("pendingMigrations (what a service that must not migrate checks at start)", () => {
  test(
    "names every checked-in migration before any is applied, the newest when only it is missing, none after",
    async () => {
      const db = await connectDatabase({ schema: "library" });
      try {
        expect(await pendingMigrations({ db, migrationsDir: LIBRARY_MIGRATIONS })).toEqual(LIBRARY_MIGRATION_NAMES);
        await applyMigrations({ db, migrationsDir: LIBRARY_MIGRATIONS, schemaPath: LIBRARY_SCHEMA });
        expect(await pendingMigrations({ db, migrationsDir: LIBRARY_MIGRATIONS })).toEqual([]);
        // A release whose newest migration has not run yet (its record gone, as before it ran).
        const newest = LIBRARY_MIGRATION_NAMES.at(-1) as string;
        await db.query(`DELETE FROM _prisma_migrations WHERE migration_name = $1`, [newest]);
        expect(await pendingMigrations({ db, migrationsDir: LIBRARY_MIGRATIONS })).toEqual([newest]);
      } finally {
        await db.close();
      }
    },
    SLOW,
  );
});

describe("applyMigrations on PGlite", () => {
  test(
    "applies every migration into the database's schema, records them, and applies nothing the second time",
    async () => {
      const db = await connectDatabase({ schema: "library" });
      try {
        const first = await applyMigrations({ db, migrationsDir: LIBRARY_MIGRATIONS, schemaPath: LIBRARY_SCHEMA });
        expect(first).toEqual(LIBRARY_MIGRATION_NAMES);
        expect(await tablesIn(db, "library")).toEqual(["Book", "Loan", "_prisma_migrations"]);
        expect(await tablesIn(db, "public")).toEqual([]);

        const history = await db.query<{ migration_name: string; finished: boolean; applied_steps_count: number; checksum: string }>(
          'SELECT migration_name, finished_at IS NOT NULL AS finished, applied_steps_count, checksum FROM library."_prisma_migrations" ORDER BY migration_name',
        );
        expect(history.map((row) => [row.migration_name, row.finished, row.applied_steps_count])).toEqual(
          LIBRARY_MIGRATION_NAMES.map((name) => [name, true, 1]),
        );
        expect(history.every((row) => /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);

        // The second migration's column exists, and the default with a ';' in it survived intact.
        await db.execute(`INSERT INTO "Book" (id, title, genre) VALUES ('b1', 'Röda rummet', 'FICTION')`);
        await db.execute(`INSERT INTO "Loan" ("bookId") VALUES ('b1')`);
        expect(await db.query('SELECT b.shelf, l."returnedAt" FROM "Book" b JOIN "Loan" l ON l."bookId" = b.id')).toEqual([
          { shelf: "A;1", returnedAt: null },
        ]);

        expect(await applyMigrations({ db, migrationsDir: LIBRARY_MIGRATIONS, schemaPath: LIBRARY_SCHEMA })).toEqual([]);
      } finally {
        await db.close();
      }
    },
    SLOW,
  );

  test(
    "a failing migration fails the call and is not recorded as finished",
    async () => {
      const library = await copyLibrary();
      const db = await connectDatabase({ schema: "library" });
      try {
        const migrationsDir = join(library.dir, "prisma", "migrations");
        await mkdir(join(migrationsDir, "20261125020000_broken"));
        await writeFile(join(migrationsDir, "20261125020000_broken", "migration.sql"), 'ALTER TABLE "Nowhere" ADD COLUMN "x" INTEGER;\n');
        const schemaPath = join(library.dir, "prisma", "schema.prisma");

        await expect(applyMigrations({ db, migrationsDir, schemaPath })).rejects.toThrow(/Nowhere/);
        const rows = await db.query<{ migration_name: string; finished: boolean }>(
          'SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name',
        );
        expect(rows.at(-1)).toEqual({ migration_name: "20261125020000_broken", finished: false });
        // Like `prisma migrate deploy`: a failed migration blocks the next run until resolved.
        await expect(applyMigrations({ db, migrationsDir, schemaPath })).rejects.toThrow(/failed migrations/);
      } finally {
        await db.close();
        await library.remove();
      }
    },
    SLOW,
  );
});

describe("diffSchemaAgainstMigrations", () => {
  test(
    "is in sync when schema.prisma and the migrations agree",
    async () => {
      const diff = await diffSchemaAgainstMigrations({ schemaPath: LIBRARY_SCHEMA, migrationsDir: LIBRARY_MIGRATIONS, schema: "library" });
      expect(diff).toEqual({ inSync: true, sql: EMPTY_MIGRATION });
    },
    SLOW,
  );

  test(
    "reports the next migration's SQL, naming no schema, when schema.prisma has moved on",
    async () => {
      const library = await copyLibrary();
      try {
        const schemaPath = join(library.dir, "prisma", "schema.prisma");
        const schema = await readFile(schemaPath, "utf8");
        await writeFile(
          schemaPath,
          `${schema.replace("  title   String\n", "  title   String\n  isbn    String?\n")}\nmodel Member {\n  id   String @id\n  name String\n}\n`,
        );
        const diff = await diffSchemaAgainstMigrations({ schemaPath, migrationsDir: join(library.dir, "prisma", "migrations"), schema: "library" });
        expect(diff.inSync).toBe(false);
        expect(diff.sql).toContain('ALTER TABLE "Book" ADD COLUMN     "isbn" TEXT;');
        expect(diff.sql).toContain('CREATE TABLE "Member"');
        expect(diff.sql).not.toContain('"library".');
        expect(diff.sql).not.toContain("CREATE SCHEMA");
      } finally {
        await library.remove();
      }
    },
    SLOW,
  );
});

describe("firstMigrationSql", () => {
  test(
    "is the empty-to-datamodel script without the engine's CREATE SCHEMA",
    async () => {
      const library = await copyLibrary();
      try {
        // The schema before the second migration: the first migration must come out the same.
        const schemaPath = join(library.dir, "prisma", "schema.prisma");
        const schema = await readFile(schemaPath, "utf8");
        await writeFile(schemaPath, schema.replace(/ {2}\/\/ added by the second migration\n.*\n/, ""));
        const sql = await firstMigrationSql(schemaPath);
        expect(sql).toBe(await readFile(join(LIBRARY_MIGRATIONS, (await readdir(LIBRARY_MIGRATIONS)).sort()[0] as string, "migration.sql"), "utf8"));
        expect(sql).not.toContain("CREATE SCHEMA");
        expect(sql).not.toContain('"public".');
      } finally {
        await library.remove();
      }
    },
    SLOW,
  );
});
