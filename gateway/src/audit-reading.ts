/**
 * What reads and verifies a stored audit trail and its witness, without the rest of the gateway:
 * `npm run -s audit:verify` (infra/hub's cli/audit-verify.ts), run by auditors and once per
 * attack in test/src/audit-anchoring.test.ts, starts in about half the time this way.
 */
export { readChainStatus, verifyStoredChain } from "./audit/read-chain.js";
export { openAuditReader } from "./audit/store.js";
export { FileWitness } from "./audit/witness/file-witness.js";
export { JetStreamWitness } from "./audit/witness/jetstream-witness.js";
export { type Witness, WitnessDamaged, type WitnessedHead, WitnessMissing } from "./audit/witness/witness.js";
