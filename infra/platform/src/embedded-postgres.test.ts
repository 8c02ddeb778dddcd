import { describe, expect, test } from "@jest/globals";
import { LIBRARY_MIGRATION_NAMES, LIBRARY_MIGRATIONS, LIBRARY_SCHEMA } from "./__fixtures__/library.js";
import { connectDatabase } from "./database.js";
import { applyMigrations } from "./migrations.js";
import { openEmbeddedPostgres } from "./pglite-database.js";
import { statementCounts, statementsBetween } from "./statement-meter.js";

const tablesIn = async (db: Awaited<ReturnType<typeof connectDatabase>>, schema: string) =>
  (await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1", [schema])).map(
    (row) => row.table_name,
  );

describe("several packages in one embedded PostgreSQL", () => {
  test("each package's unqualified SQL lands in its own schema, and closing one leaves the other working", async () => {
    const embedded = await openEmbeddedPostgres();
    try {
      const library = await connectDatabase({ schema: "library", embedded });
      const archive = await connectDatabase({ schema: "archive", embedded });
      await library.execute('CREATE TABLE "Shelf" (id int); INSERT INTO "Shelf" VALUES (1)');
      await archive.execute('CREATE TABLE "Shelf" (id int); INSERT INTO "Shelf" VALUES (2), (3)');
      expect(await tablesIn(library, "library")).toEqual(["Shelf"]);
      expect(await tablesIn(archive, "archive")).toEqual(["Shelf"]);
      expect(await library.query('SELECT id FROM "Shelf" ORDER BY id')).toEqual([{ id: 1 }]);
      expect(await archive.query('SELECT id FROM "Shelf" ORDER BY id')).toEqual([{ id: 2 }, { id: 3 }]);
      await library.close();
      expect(embedded.pglite.closed).toBe(false);
      expect(await archive.query('SELECT count(*)::int AS n FROM "Shelf"')).toEqual([{ n: 2 }]);
    } finally {
      await embedded.close();
    }
  });

  test("a package's role holds for its own statements only, never for the other packages' on the session", async () => {
    const embedded = await openEmbeddedPostgres();
    try {
      const owner = await connectDatabase({ schema: "ledger", embedded });
      await owner.execute('CREATE ROLE "ledger_reader"; CREATE TABLE "Entry" (id int); GRANT USAGE ON SCHEMA "ledger" TO "ledger_reader"; GRANT SELECT ON "Entry" TO "ledger_reader"');
      const reader = await connectDatabase({ schema: "ledger", embedded, role: "ledger_reader" });
      const other = await connectDatabase({ schema: "other", embedded });
      expect(await reader.query("SELECT current_user AS who")).toEqual([{ who: "ledger_reader" }]);
      await expect(reader.execute('INSERT INTO "Entry" VALUES (1)')).rejects.toThrow(/permission denied/);
      expect(await other.query("SELECT current_user AS who")).toEqual([{ who: "postgres" }]);
      // A package that takes a role the way a session does keeps it as its own.
      await owner.execute('SET ROLE "ledger_reader"');
      expect(await owner.query("SELECT current_user AS who")).toEqual([{ who: "ledger_reader" }]);
      expect(await other.query("SELECT current_user AS who")).toEqual([{ who: "postgres" }]);
      const connection = await owner.adapter.connect();
      const viaPrisma = await connection.queryRaw({ sql: "SELECT current_user AS who", args: [], argTypes: [] });
      expect(viaPrisma.rows).toEqual([["ledger_reader"]]);
      await connection.dispose();
    } finally {
      await embedded.close();
    }
  });

  test("two packages' migrations, one after the other, each build their tables and _prisma_migrations in their own schema", async () => {
    const embedded = await openEmbeddedPostgres();
    try {
      for (const schema of ["first_agency", "second_agency"]) {
        const db = await connectDatabase({ schema, embedded });
        expect(await applyMigrations({ db, migrationsDir: LIBRARY_MIGRATIONS, schemaPath: LIBRARY_SCHEMA })).toEqual(LIBRARY_MIGRATION_NAMES);
        expect(await tablesIn(db, schema)).toContain("_prisma_migrations");
      }
      const db = await connectDatabase({ schema: "first_agency", embedded });
      expect(await tablesIn(db, "second_agency")).toEqual(await tablesIn(db, "first_agency"));
    } finally {
      await embedded.close();
    }
  });
});

describe("the statement meter", () => {
  test("counts what a package's Prisma adapter sends, per schema", async () => {
    const embedded = await openEmbeddedPostgres();
    try {
      const db = await connectDatabase({ schema: "metered", embedded });
      await db.execute('CREATE TABLE "Shelf" (id int)');
      const connection = await db.adapter.connect();
      const before = statementCounts();
      for (let i = 0; i < 3; i++) await connection.queryRaw({ sql: 'SELECT id FROM "metered"."Shelf"', args: [], argTypes: [] });
      await connection.executeRaw({ sql: 'INSERT INTO "metered"."Shelf" VALUES (1)', args: [], argTypes: [] });
      expect(statementsBetween(before, statementCounts())).toEqual({ metered: 4 });
      await connection.dispose();
    } finally {
      await embedded.close();
    }
  });
});
