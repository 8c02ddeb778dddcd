import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

export const LOCKFILE = "migration_lock.toml";
export const LOCKFILE_CONTENT = 'provider = "postgresql"\n';

/**
 * A Prisma migrations folder (<timestamp>_<name>/migration.sql + migration_lock.toml) in the
 * shape the engine takes: the wasm engine reads nothing from disk itself. A missing folder is an
 * empty history.
 */
export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockfile = await readFile(join(migrationsDir, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    shadowDbInitScript: "",
    lockfile: { path: LOCKFILE, content: lockfile },
    migrationDirectories: await Promise.all(
      directories.map(async (path) => ({
        path,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(join(migrationsDir, path, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}
