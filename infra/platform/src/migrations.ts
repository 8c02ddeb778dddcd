import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { connectDatabase, type Database } from "./database.js";
import type { Logger } from "./logger.js";
import { readMigrations } from "./migrations-folder.js";
import { type SchemaFile, withSchemaEngine } from "./schema-engine.js";

const FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
/** What the engine prints for a diff with nothing in it. */
export const EMPTY_MIGRATION = "-- This is an empty migration.\n";

async function readSchemaFile(schemaPath: string): Promise<SchemaFile> {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

/**
 * `prisma migrate deploy`: applies the checked-in migrations not yet applied, in order, each
 * recorded in _prisma_migrations in db.schema. Returns the names applied (none the second time).
 */
export async function applyMigrations(options: {
  db: Database;
  migrationsDir: string;
  schemaPath: string;
  logger?: Logger;
}): Promise<string[]> {
  const [migrationsList, datamodel] = await Promise.all([readMigrations(options.migrationsDir), readSchemaFile(options.schemaPath)]);
  return options.db.withDedicatedConnection((adapter) =>
    withSchemaEngine(
      datamodel,
      adapter,
      async (engine) => (await engine.applyMigrations({ migrationsList, filters: FILTERS })).appliedMigrationNames,
      options.logger,
    ),
  );
}

/** A service started with MIGRATE=never whose schema lacks some of its checked-in migrations. */
export class PendingMigrationsError extends Error {
  constructor(readonly pending: string[]) {
    super(`${pending.length} migration(s) not applied yet (${pending.join(", ")}): run the release's migration Job first`);
  }
}

/**
 * The checked-in migrations not recorded as finished in db.schema's _prisma_migrations (all of
 * them when the table is missing). A service started with MIGRATE=never checks this instead of
 * migrating: its runtime login may read the table but not change the schema.
 */
export async function pendingMigrations(options: { db: Database; migrationsDir: string }): Promise<string[]> {
  const folder = await readMigrations(options.migrationsDir);
  const [table] = await options.db.query<{ present: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
  const applied = table?.present
    ? new Set(
        (await options.db.query<{ name: string }>("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")).map(
          (row) => row.name,
        ),
      )
    : new Set<string>();
  return folder.migrationDirectories.map((directory) => directory.path).filter((name) => !applied.has(name));
}

/**
 * What a runtime login may do in a migrated schema, granted by its owner (the migration Job):
 * use the schema, read and write rows, read the migration history; no DDL, no TRUNCATE, no
 * REFERENCES or TRIGGER. Tables a later migration adds are granted by the next run.
 */
export async function grantRuntimeRole(db: Database, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error("grantRuntimeRole: not a role name");
  await db.execute(`
    GRANT USAGE ON SCHEMA "${db.schema}" TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${db.schema}" TO ${role};
    REVOKE INSERT, UPDATE, DELETE ON _prisma_migrations FROM ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${db.schema}" TO ${role};`);
}

/**
 * The engine prefixes a script that starts from nothing with `CREATE SCHEMA IF NOT EXISTS
 * "<schema>"`. Checked-in migrations must not name a schema (the same file serves every schema on
 * every backend; connectDatabase creates the schema), so that statement goes, and any other
 * qualified name is refused rather than written.
 */
function schemaFreeSql(sql: string, schema: string): string {
  const portable = sql.replace(new RegExp(`-- CreateSchema\\nCREATE SCHEMA IF NOT EXISTS "${schema}";\\n+`, "g"), "");
  if (portable.includes(`"${schema}".`) || /CREATE SCHEMA/i.test(portable)) {
    throw new Error(`the schema engine produced SQL that names the schema "${schema}":\n${portable}`);
  }
  return portable;
}

/** The SQL of a package's first migration: from an empty database to schema.prisma. */
export async function firstMigrationSql(schemaPath: string, logger?: Logger): Promise<string> {
  const datamodel = await readSchemaFile(schemaPath);
  const db = await connectDatabase({ schema: "public" });
  try {
    const { stdout } = await withSchemaEngine(
      datamodel,
      db.adapter,
      (engine) =>
        engine.diff({ from: { tag: "empty" }, to: { tag: "schemaDatamodel", files: [datamodel] }, script: true, exitCode: null, filters: FILTERS }),
      logger,
    );
    return schemaFreeSql(stdout ?? "", db.schema);
  } finally {
    await db.close();
  }
}

/**
 * Does schema.prisma describe what its migrations build? Applies them to a throwaway in-memory
 * PGlite (in `schema`, default public) and diffs the result against the datamodel. In sync →
 * inSync and an empty migration; otherwise `sql` is the next migration. Introspection runs on
 * PGlite only: through adapter-pg it fails on a PostgreSQL server (PRISMA.md item 11).
 */
export async function diffSchemaAgainstMigrations(options: {
  schemaPath: string;
  migrationsDir: string;
  schema?: string;
  logger?: Logger;
}): Promise<{ inSync: boolean; sql: string }> {
  const [migrationsList, datamodel] = await Promise.all([readMigrations(options.migrationsDir), readSchemaFile(options.schemaPath)]);
  const db = await connectDatabase({ schema: options.schema ?? "public" });
  try {
    const { exitCode, stdout } = await withSchemaEngine(
      datamodel,
      db.adapter,
      async (engine) => {
        await engine.applyMigrations({ migrationsList, filters: FILTERS });
        return engine.diff({
          from: { tag: "schemaDatasource", files: [datamodel], configDir: dirname(options.schemaPath) },
          to: { tag: "schemaDatamodel", files: [datamodel] },
          script: true,
          exitCode: true,
          filters: FILTERS,
        });
      },
      options.logger,
    );
    // exitCode: 0 = no difference, 2 = a difference (the engine's --exit-code convention).
    return { inSync: exitCode === 0, sql: schemaFreeSql(stdout ?? "", db.schema) };
  } finally {
    await db.close();
  }
}
