import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "@jest/globals";
import { connectDatabase, resetSchema } from "./database.js";

const tablesIn = async (db: Awaited<ReturnType<typeof connectDatabase>>, schema: string) =>
  (await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1", [schema])).map(
    (row) => row.table_name,
  );

describe("connectDatabase on PGlite", () => {
  test("creates the schema and resolves unqualified names in it", async () => {
    const db = await connectDatabase({ schema: "library" });
    try {
      expect(db.kind).toBe("pglite");
      expect(db.schema).toBe("library");
      await db.execute('CREATE TABLE "Shelf" (id int)');
      expect(await tablesIn(db, "library")).toEqual(["Shelf"]);
      expect(await tablesIn(db, "public")).toEqual([]);
    } finally {
      await db.close();
    }
  });

  test("reports the schema to Prisma through the adapter's connection info", async () => {
    const db = await connectDatabase({ schema: "library" });
    try {
      const connection = await db.adapter.connect();
      expect(connection.getConnectionInfo?.().schemaName).toBe("library");
      await connection.dispose();
    } finally {
      await db.close();
    }
  });

  test("a failing script fails its caller (the stock PGlite adapter does not await it)", async () => {
    const db = await connectDatabase({ schema: "library" });
    try {
      const connection = await db.adapter.connect();
      await expect(connection.executeScript('CREATE TABLE "T" (id int); CREATE TABLE "T" (id int);')).rejects.toThrow();
      // One script, one implicit transaction: the first statement did not survive the second's failure.
      expect(await tablesIn(db, "library")).toEqual([]);
    } finally {
      await db.close();
    }
  });

  test("resetSchema drops everything in the schema and leaves it empty", async () => {
    const db = await connectDatabase({ schema: "library" });
    try {
      await db.execute('CREATE TABLE "Shelf" (id int)');
      await resetSchema(db);
      expect(await tablesIn(db, "library")).toEqual([]);
      await db.execute('CREATE TABLE "Again" (id int)');
      expect(await tablesIn(db, "library")).toEqual(["Again"]);
    } finally {
      await db.close();
    }
  });

  test("keeps its tables in dataDir across restarts, search_path included", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "platform-pglite-"));
    try {
      const first = await connectDatabase({ schema: "library", dataDir });
      await first.execute('CREATE TABLE "Shelf" (id int); INSERT INTO "Shelf" VALUES (7);');
      await first.close();
      const second = await connectDatabase({ schema: "library", dataDir });
      try {
        expect(await second.query('SELECT id FROM "Shelf"')).toEqual([{ id: 7 }]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test("takes the configured role for the whole session", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "platform-pglite-"));
    try {
      const owner = await connectDatabase({ schema: "library", dataDir });
      await owner.execute("CREATE ROLE library_reader; GRANT USAGE ON SCHEMA library TO library_reader;");
      await owner.close();
      const reader = await connectDatabase({ schema: "library", dataDir, role: "library_reader" });
      try {
        expect(await reader.query("SELECT current_user AS role")).toEqual([{ role: "library_reader" }]);
        await expect(reader.execute('CREATE TABLE "Nope" (id int)')).rejects.toThrow(/permission denied/);
      } finally {
        await reader.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test("refuses a schema name it would have to quote", async () => {
    await expect(connectDatabase({ schema: 'x"; DROP SCHEMA public; --' })).rejects.toThrow(/invalid Postgres schema name/);
    await expect(connectDatabase({ schema: "Housing" })).rejects.toThrow(/invalid Postgres schema name/);
    await expect(connectDatabase({ schema: "library", role: "x; DROP" })).rejects.toThrow(/invalid Postgres role name/);
  });
});
