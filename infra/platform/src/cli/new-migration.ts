import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { diffSchemaAgainstMigrations } from "../migrations.js";

/**
 * `npm run migration:new -- <package-dir> <name>`: writes the next Prisma migration for a
 * package from the difference between its schema.prisma and its migrations. Writes nothing when
 * they already agree.
 */
const [packageDir, name] = process.argv.slice(2);
if (!packageDir || !name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("usage: npm run migration:new -- <package-dir> <snake_case_name>\n");
  process.exit(2);
}
const prismaDir = resolve(packageDir, "prisma");
const migrationsDir = join(prismaDir, "migrations");
const { inSync, sql } = await diffSchemaAgainstMigrations({ schemaPath: join(prismaDir, "schema.prisma"), migrationsDir });
if (inSync) {
  process.stdout.write("schema.prisma and the migrations agree: nothing to write\n");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, "migration.sql"), sql);
await writeFile(join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
process.stdout.write(`wrote ${dir}/migration.sql\n`);
