import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "./logger.js";
import { LOCKFILE, LOCKFILE_CONTENT, readMigrations } from "./migrations-folder.js";
import { diffSchemaAgainstMigrations, firstMigrationSql } from "./migrations.js";

const MIGRATION_NAME = /^[a-z0-9_]+$/;

/** Prisma's folder prefix: the UTC time to the second, YYYYMMDDHHMMSS. */
function timestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

/**
 * Writes <package>/prisma/migrations/<timestamp>_<name>/migration.sql (and the lockfile) for the
 * difference between schema.prisma and the migrations already there: from an empty database the
 * first time, from what the migrations build after that. Writes nothing when they agree.
 * Returns the files written.
 */
export async function writeNextMigration(options: {
  packageDir: string;
  name: string;
  now?: Date;
  logger?: Logger;
}): Promise<string[]> {
  if (!MIGRATION_NAME.test(options.name)) throw new Error(`migration name must be snake_case: ${options.name}`);
  const prismaDir = join(options.packageDir, "prisma");
  const schemaPath = join(prismaDir, "schema.prisma");
  const migrationsDir = join(prismaDir, "migrations");
  const existing = (await readMigrations(migrationsDir)).migrationDirectories.map((directory) => directory.path);

  const sql =
    existing.length === 0
      ? await firstMigrationSql(schemaPath, options.logger)
      : await diffSchemaAgainstMigrations({ schemaPath, migrationsDir, logger: options.logger }).then((diff) =>
          diff.inSync ? null : diff.sql,
        );
  if (sql === null) return [];

  // Folders apply in name order: never let a new one sort before the last (clock skew, or two
  // migrations made within one second).
  const last = existing.at(-1)?.slice(0, 14) ?? "";
  let stamp = timestamp(options.now ?? new Date());
  if (stamp <= last) stamp = String(BigInt(last) + 1n);

  const folder = join(migrationsDir, `${stamp}_${options.name}`);
  await mkdir(folder, { recursive: true });
  const files = [join(folder, "migration.sql"), join(migrationsDir, LOCKFILE)];
  await writeFile(files[0] as string, sql);
  await writeFile(files[1] as string, LOCKFILE_CONTENT);
  return files;
}
