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

  test("a role is refused: it would hold for every package in the session", async () => {
    const embedded = await openEmbeddedPostgres();
    try {
      await expect(connectDatabase({ schema: "audit", role: "writer", embedded })).rejects.toThrow(/instance of its own/);
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
