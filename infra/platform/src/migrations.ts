import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Database } from "./database.js";

/*
 * Prisma's own migrations, run by Prisma's schema engine compiled to WebAssembly: the CLI would
 * download a native engine, which this network does not allow (see PRISMA.md). The engine reads
 * nothing from disk: we hand it the migrations folder's contents.
 */

interface Engine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}
interface EngineModule {
  SchemaEngine: { new: (options: unknown, log: (message: string) => void, adapter: object) => Promise<Engine> };
}

const require = createRequire(import.meta.url);

// Node's WebAssembly global, typed to the little we use (@types/node leaves it to lib.dom).
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmApi };
let engineModule: Promise<EngineModule> | undefined;

/** Instantiates the wasm module once per process (wasm-bindgen's bundler target, loaded by hand). */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Record<string, unknown> & {
      __wbg_set_wasm(exports: Record<string, unknown>): void;
    };
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings as unknown as EngineModule;
  })();
  return engineModule;
}

const FILTERS = { externalTables: [], externalEnums: [] };

async function withEngine<T>(
  schemaPath: string,
  adapter: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: Engine, datamodel: { path: string; content: string }) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const datamodel = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
  const engine = await SchemaEngine.new(
    { datamodels: [[datamodel.path, datamodel.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    return await work(engine, datamodel);
  } finally {
    engine.free();
  }
}

/** The migrations folder in the shape the engine takes (Prisma's layout on disk). */
export async function readMigrations(migrationsDir: string) {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const lockfile = await readFile(join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: lockfile },
    migrationDirectories: await Promise.all(
      directories.map(async (path) => ({
        path,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok", value: await readFile(join(migrationsDir, path, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** `prisma migrate deploy`: applies pending migrations, records them in _prisma_migrations. */
export async function applyMigrations(options: { db: Database; migrationsDir: string; schemaPath: string }): Promise<string[]> {
  const migrationsList = await readMigrations(options.migrationsDir);
  return withEngine(options.schemaPath, options.db.adapter, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * Compares schema.prisma with what its migrations build: applies them to a fresh in-memory
 * PGlite and diffs. In sync → inSync and an empty migration; otherwise the SQL of the next one.
 */
export async function diffSchemaAgainstMigrations(options: {
  schemaPath: string;
  migrationsDir: string;
}): Promise<{ inSync: boolean; sql: string }> {
  const pglite = new PGlite();
  try {
    const adapter = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
    const migrationsList = await readMigrations(options.migrationsDir);
    return await withEngine(options.schemaPath, adapter, async (engine, datamodel) => {
      if (migrationsList.migrationDirectories.length > 0) {
        await engine.applyMigrations({ migrationsList, filters: FILTERS });
      }
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files: [datamodel], configDir: dirname(options.schemaPath) },
        to: { tag: "schemaDatamodel", files: [datamodel] },
        script: true,
        exitCode: true,
        filters: FILTERS,
      });
      return { inSync: result.exitCode === 0, sql: result.stdout ?? "" };
    });
  } finally {
    await pglite.close();
  }
}
