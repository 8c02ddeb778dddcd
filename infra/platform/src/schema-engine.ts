import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createLogger, type Logger } from "./logger.js";

/*
 * Prisma's schema engine compiled to WebAssembly. The CLI would download a native engine, which
 * this network does not allow (PRISMA.md). The package targets bundlers (its entry imports the
 * .wasm as an ES module, which Node refuses), so we do what that entry does, by hand.
 */

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

// Node has the WebAssembly global; @types/node leaves its typing to lib.dom, which we do not load.
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmApi };
const require = createRequire(import.meta.url);

let bindings: Promise<Bindings> | undefined;

/**
 * The engine races its advisory-lock query against a 10 s setTimeout and never clears the timer
 * (it imports no clearTimeout), which kept every process that migrated alive for 10 s after it
 * was done. Unref'd, the timer still fires while anything else is running (a contended lock
 * waits on a live pg socket), but no longer holds the process open on its own.
 */
function withUnrefTimers(module: Bindings): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...module };
  for (const [name, value] of Object.entries(module)) {
    if (name.startsWith("__wbg_setTimeout_") && typeof value === "function") {
      imports[name] = (...args: unknown[]) => {
        const timer = (value as (...args: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | undefined)?.unref?.();
        return timer;
      };
    }
  }
  return imports;
}

/** Compiles and starts the wasm module once per process; each engine after that is cheap. */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const module = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package's exports map does not list the .wasm, so find it beside the entry file.
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": withUnrefTimers(module) });
    module.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return module;
  })();
  bindings.catch(() => {
    bindings = undefined; // let a later call retry rather than cache a failure forever
  });
  return bindings;
}

export interface SchemaFile {
  path: string;
  content: string;
}

let engineLogger: Logger | undefined;

function forwardLog(logger: Logger): (line: string) => void {
  return (line) => {
    try {
      const { fields = {}, target, span } = JSON.parse(line) as {
        fields?: { message?: string } & Record<string, unknown>;
        target?: string;
        span?: { name?: string };
      };
      const { message, ...rest } = fields;
      logger.debug({ engine: { target, span: span?.name, ...rest } }, message ?? "schema engine");
    } catch {
      logger.debug({ engine: { line } }, "schema engine");
    }
  };
}

/** Opens an engine on `adapter` with `datamodel` loaded, runs `work`, frees the engine. */
export async function withSchemaEngine<T>(
  datamodel: SchemaFile,
  adapter: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
  logger?: Logger,
): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  engineLogger ??= createLogger("schema-engine");
  const engine = await SchemaEngine.new(
    { datamodels: [[datamodel.path, datamodel.content]] },
    forwardLog(logger ?? engineLogger),
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}
