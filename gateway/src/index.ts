export { buildAuditSchema } from "./audit/api/schema.js";
export { EMERGENCY_GRANT_MINUTES, startAuditSubgraph } from "./audit/api/server.js";
export { type AuditKeys, AuditTrail, type AuditTrailOptions } from "./audit/audit-trail.js";
export { type AuditEntry, type ChainedEntry, type ChainKey, chain, GENESIS_HASH, hashEntry, recordLeafData } from "./audit/chain.js";
export { type CheckpointClaims, verifyCheckpoint } from "./audit/checkpoint.js";
export { Checkpointer, signCheckpoint } from "./audit/checkpointer.js";
export { type DoorRefusalOptions, DoorRefusals } from "./audit/door-refusals.js";
export { decisionRecordId, EMERGENCY_REASON_RULE, emergencyReasonProblem, requestRecordId, reviewRecordId } from "./audit/grants.js";
export { EMERGENCY_MINUTES_MAX, EMERGENCY_MINUTES_MIN } from "./audit/api/emergency.resolver.js";
export { consistencyProof, Frontier, inclusionProof, leafHash, nodeHash, rangeHashOver, verifyConsistency, verifyInclusion } from "./audit/merkle.js";
export { readChainStatus, verifyStoredChain } from "./audit/read-chain.js";
export {
  AUDIT_READER_ROLE,
  AUDIT_WAIT_MS,
  AUDIT_WRITER_ROLE,
  type AuditDatabase,
  type AuditMigrate,
  type AuditStore,
  loginAs,
  openAuditReader,
  openAuditStore,
  type OpenAuditStoreOptions,
} from "./audit/store.js";
export { type ChainProblem, type ChainReport, type ChainVerificationKeys, type Finding, verifyChain } from "./audit/verify.js";
export { FileWitness } from "./audit/witness/file-witness.js";
export { JetStreamWitness, unsafeStreamSetting, witnessStreamConfig } from "./audit/witness/jetstream-witness.js";
export { type Witness, WitnessDamaged, type WitnessedHead, WitnessMissing } from "./audit/witness/witness.js";
export { AuditWriter, type AuditWriterOptions } from "./audit/writer.js";
export { createIssuerRegistry, type IssuerConfig } from "./auth/issuers.js";
export { type ClaimMapping, DEFAULT_CLAIMS } from "./auth/claim-mapping.js";
export type { GatewayContext } from "./context.js";
export { type GatewayOptions, type RunningGateway, startGateway } from "./server.js";
export { contentSecurityPolicy, type SignInIssuer, type WebAppOptions, webAppRoutes } from "./web-app.js";
export { FrontDoorSettingError, type FrontDoorSettings, frontDoorFromEnv, OPEN_FRONT_DOOR } from "./front-door-settings.js";
export { DEFAULT_LIMITS, LIMIT_VARIABLES, LimitCode, limitsFromEnv, type OperationLimits } from "./limits/index.js";
export { documentHash, parseManifest, type TrustedManifest } from "./trusted-documents/manifest.js";
export { PERSISTED_QUERY_NOT_ALLOWED } from "./trusted-documents/trusted-documents.js";
export { CallerMistake } from "./caller-mistakes.js";
export type { DoorRequest, GatewayStep, LoadedGateway, OperationStage } from "./pipeline.js";
export { callerKey } from "./traffic/caller-key.js";
export { OVERLOADED } from "./traffic/load-shedding.js";
export { RATE_LIMITED } from "./traffic/rate-limit.js";
export { DEFAULT_TRAFFIC, type TrafficSettings, trafficFromEnv } from "./traffic/settings.js";
export { DEFAULT_FAULTS, type FaultSettings, faultsFromEnv } from "./faults/settings.js";
export { subgraphUnavailable } from "./subgraph-transport.js";
