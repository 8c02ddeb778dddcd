import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Database } from "./database.js";
import { toDriverAdapterError } from "./driver-error.js";
import { bindToSchema } from "./schema-bound-adapter.js";

interface PgliteOptions {
  schema: string;
  dataDir?: string | undefined;
  role?: string | undefined;
}

export async function connectPglite(options: PgliteOptions): Promise<Database> {
  const pglite = new PGlite(options.dataDir);
  await pglite.waitReady;
  // PGlite is a single session, so a session-level search_path holds for everything it runs,
  // the migration engine's unqualified DDL included; it is set again on every start.
  await pglite.exec(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"; SET search_path TO "${options.schema}";`);
  if (options.role) await pglite.exec(`SET ROLE "${options.role}"`);
  // pglite-prisma-adapter is built against an older @prisma/driver-adapter-utils; the shapes agree.
  const stock = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const adapter = bindToSchema(stock, {
    schema: options.schema,
    executeScript: async (script) => {
      await pglite.exec(script).catch(toDriverAdapterError);
    },
  });
  return {
    kind: "pglite",
    schema: options.schema,
    adapter,
    // One session only: the engine's advisory lock is re-entrant within it, so nothing to isolate.
    withDedicatedConnection: (work) => work(adapter),
    execute: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    close: () => pglite.close(),
  };
}
