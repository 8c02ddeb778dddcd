import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "@jest/globals";
import { copyLibrary, LIBRARY_MIGRATION_NAMES } from "./__fixtures__/library.js";
import { diffSchemaAgainstMigrations } from "./migrations.js";
import { writeNextMigration } from "./next-migration.js";

const SLOW = 60_000;

describe("writeNextMigration", () => {
  test(
    "writes the first migration from an empty database, then nothing while in sync",
    async () => {
      const library = await copyLibrary();
      try {
        const migrationsDir = join(library.dir, "prisma", "migrations");
        await rm(migrationsDir, { recursive: true });
        const written = await writeNextMigration({ packageDir: library.dir, name: "init", now: new Date("2026-12-01T10:20:30Z") });
        expect(written).toEqual([join(migrationsDir, "20261201102030_init", "migration.sql"), join(migrationsDir, "migration_lock.toml")]);
        expect(await readFile(join(migrationsDir, "migration_lock.toml"), "utf8")).toBe('provider = "postgresql"\n');
        expect(await readFile(written[0] as string, "utf8")).toMatch(/^-- CreateEnum\nCREATE TYPE "Genre"/);
        const schemaPath = join(library.dir, "prisma", "schema.prisma");
        expect((await diffSchemaAgainstMigrations({ schemaPath, migrationsDir })).inSync).toBe(true);

        expect(await writeNextMigration({ packageDir: library.dir, name: "again" })).toEqual([]);
        expect(await readdir(migrationsDir)).toEqual(["20261201102030_init", "migration_lock.toml"]);
      } finally {
        await library.remove();
      }
    },
    SLOW,
  );

  test(
    "writes the difference as the next migration, ordered after the last even if the clock is behind",
    async () => {
      const library = await copyLibrary();
      try {
        const schemaPath = join(library.dir, "prisma", "schema.prisma");
        await writeFile(schemaPath, (await readFile(schemaPath, "utf8")).replace("  title   String\n", "  title   String\n  isbn    String?\n"));
        const written = await writeNextMigration({ packageDir: library.dir, name: "add_isbn", now: new Date("2000-01-01T00:00:00Z") });
        const migrationsDir = join(library.dir, "prisma", "migrations");
        const last = LIBRARY_MIGRATION_NAMES.at(-1) as string;
        const expected = `${BigInt(last.slice(0, 14)) + 1n}_add_isbn`;
        expect(written[0]).toBe(join(migrationsDir, expected, "migration.sql"));
        expect(await readFile(written[0] as string, "utf8")).toBe('-- AlterTable\nALTER TABLE "Book" ADD COLUMN     "isbn" TEXT;\n');
        expect((await diffSchemaAgainstMigrations({ schemaPath, migrationsDir })).inSync).toBe(true);
      } finally {
        await library.remove();
      }
    },
    SLOW,
  );

  test("refuses a name that is not snake_case", async () => {
    await expect(writeNextMigration({ packageDir: "/nowhere", name: "Add ISBN" })).rejects.toThrow(/snake_case/);
  });
});
