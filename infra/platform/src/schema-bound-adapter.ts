import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { countStatement } from "./statement-meter.js";

interface Binding {
  /** Reported as the connection's schema: the client qualifies every table with it, and the
   * migration engine looks for _prisma_migrations and introspects there. */
  schema: string;
  /** Runs a migration script as one unit. Both stock adapters get this wrong (see below). */
  executeScript: (script: string) => Promise<void>;
}

/**
 * Wraps a driver-adapter factory so its connections report `schema`, run scripts our way and
 * count their statements (statement-meter.ts).
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
  const queryRaw = (on: SqlQueryable): SqlQueryable["queryRaw"] => (query) => {
    countStatement(binding.schema);
    return on.queryRaw(query);
  };
  const executeRaw = (on: SqlQueryable): SqlQueryable["executeRaw"] => (query) => {
    countStatement(binding.schema);
    return on.executeRaw(query);
  };
  const counted = (transaction: Transaction): Transaction => ({
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: queryRaw(transaction),
    executeRaw: executeRaw(transaction),
    commit: () => transaction.commit(),
    rollback: () => transaction.rollback(),
    ...(transaction.createSavepoint ? { createSavepoint: (name: string) => transaction.createSavepoint!(name) } : {}),
    ...(transaction.rollbackToSavepoint ? { rollbackToSavepoint: (name: string) => transaction.rollbackToSavepoint!(name) } : {}),
    ...(transaction.releaseSavepoint ? { releaseSavepoint: (name: string) => transaction.releaseSavepoint!(name) } : {}),
  });
  const bind = (adapter: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: queryRaw(adapter),
    executeRaw: executeRaw(adapter),
    executeScript: binding.executeScript,
    startTransaction: async (isolationLevel) => counted(await adapter.startTransaction(isolationLevel)),
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
