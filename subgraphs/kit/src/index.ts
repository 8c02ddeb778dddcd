// Decorated classes below read TypeScript's emitted metadata: the polyfill must load first.
import "reflect-metadata";
export { buildAgencySchema, type AgencySchemaOptions } from "./build-schema.js";
export { Classified } from "./classified.js";
export type { SubgraphContext } from "./context.js";
export { actingUnit, requireOperation, requireRole } from "./guards.js";
export { newId, OPAQUE_ID, STAFF_ID } from "./ids.js";
export { Connection, decodeCursor, PageArgs, PageInfo, pageById } from "./pagination.js";
export {
  type AgencySubgraphOptions,
  type RunningSubgraph,
  startAgencySubgraph,
} from "./subgraph-server.js";
export { applyClassificationRules, classOfField, classOfNode, fieldClassesOf, objectFields } from "./classification-sdl.js";
export { enforcePolicy } from "./enforce.js";
export { decodeRows, openRowReader, placeholders, type RowReader, rowReaderOver } from "./rows.js";
export { heldBy, PolicyContext, type RecordRef, type RowHolder } from "./policy-context.js";
export { type AgencyDefinition, type AgencyOptions, migrateAgency, openAgencyDatabase, startAgency } from "./agency.js";
// Defined beside pendingMigrations: the gateway's audit store refuses to start with it too.
export { PendingMigrationsError } from "@skyddsnat/platform";
