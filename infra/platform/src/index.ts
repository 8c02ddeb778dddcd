export {
  connectDatabase,
  type Database,
  type DatabaseConfig,
  type NotificationEvent,
  type Notifications,
  resetSchema,
} from "./database.js";
export { type EmbeddedPostgres, openEmbeddedPostgres } from "./pglite-database.js";
export { countStatement, statementCounts, statementsBetween } from "./statement-meter.js";
export {
  close,
  DEFAULT_SHUTDOWN_GRACE_MS,
  createGraphQLHttpServer,
  type GraphQLHttpOptions,
  HttpError,
  listen,
  readBody,
  type RouteHandler,
  sendHttpError,
  sendJson,
} from "./http-server.js";
export { createLogger, type Logger, safeError } from "./logger.js";
export { readMigrations } from "./migrations-folder.js";
export { applyMigrations, diffSchemaAgainstMigrations, EMPTY_MIGRATION, firstMigrationSql, grantRuntimeRole, PendingMigrationsError, pendingMigrations } from "./migrations.js";
export { writeNextMigration } from "./next-migration.js";
export {
  countFactsLookups,
  errorCodeLabel,
  hubMetrics,
  MAX_OPERATION_LABELS,
  type MetricsServer,
  metricsRegistry,
  observeBreaker,
  observeFactsFeed,
  operationLabel,
  serveMetrics,
} from "./metrics.js";
export { REQUEST_ID_HEADER, requestIdFrom } from "./request-id.js";
export { currentTraceId, startTelemetry, stopTelemetry, tracingWanted } from "./telemetry.js";
