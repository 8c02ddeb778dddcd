import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

interface Binding {
  /** Reported as the connection's schema: the client qualifies every table with it, and the
   * migration engine looks for _prisma_migrations and introspects there. */
  schema: string;
  /** Runs a migration script as one unit. Both stock adapters get this wrong (see below). */
  executeScript: (script: string) => Promise<void>;
}

/**
 * Wraps a driver-adapter factory so its connections report `schema` and run scripts our way.
 *
 * Why replace executeScript: pglite-prisma-adapter 0.7.2 does not await it, so a failing
 * migration is recorded as applied and its error surfaces as an unhandled rejection; adapter-pg
 * 7.10 splits the script on every ";", which breaks on a semicolon inside a string literal.
 * Sending the whole script in one simple-protocol round trip is also what Prisma's native engine
 * does, so a migration is applied or not as a whole.
 */
export function bindToSchema(
  factory: SqlDriverAdapterFactory & Partial<Pick<SqlMigrationAwareDriverAdapterFactory, "connectToShadowDb">>,
  binding: Binding,
): SqlMigrationAwareDriverAdapterFactory {
  const bind = (adapter: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: binding.executeScript,
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: () => ({
      supportsRelationJoins: true,
      ...adapter.getConnectionInfo?.(),
      schemaName: binding.schema,
    }),
    dispose: () => adapter.dispose(),
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => bind(await factory.connect()),
    // Only `prisma migrate dev` wants a shadow database; we diff on a throwaway PGlite instead.
    connectToShadowDb: async () => {
      if (!factory.connectToShadowDb) throw new Error("no shadow database: diff against a fresh PGlite instead");
      return factory.connectToShadowDb();
    },
  };
}
