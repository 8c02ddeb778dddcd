export { databasesFromEnv, type HubDatabases, type HubPorts, portsFromEnv, randomPorts, seedScaleFromEnv } from "./config.js";
export { type HubOptions, type RunningHub, startHub } from "./hub.js";
export { composeSupergraph, subgraphSdls } from "./compose.js";
export { ensureDevKeys } from "./keys/dev-keys.js";
export { buildPopulation, DEMO_STAFF, MAX_SEED_SCALE, type Household, STAFF, unitOf, writePopulation } from "./seed/index.js";
export { mintToken } from "./tokens.js";
export { type AuditedGatewayOptions, type RunningAuditedGateway, startAuditedGateway } from "./audited-gateway.js";
export { defaultWitnessPath, openWitness, parseWitness, type WitnessConfig, witnessFromEnv } from "./audit-config.js";
