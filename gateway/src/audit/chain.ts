import { createHmac, hkdfSync } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/**
 * The chain's secret. Records are linked by HMAC-SHA-256 under it, so someone who can write to
 * the audit schema but does not hold the key cannot append (or re-link) a record that verifies.
 * The gateway and the verifier hold it; it never enters the database.
 */
export type ChainKey = Uint8Array;

/** What an audit record says; everything here is covered by its hash. Never a protected value. */
export interface AuditEntry {
  id: string;
  at: Date;
  kind:
    | "FIELD_ACCESS"
    | "REQUEST_DENIED"
    | "AUDIT_QUERY"
    | "CHANGE_INTENDED"
    | "CHANGE"
    | "CHANGE_FAILED"
    | "EMERGENCY_REQUESTED"
    | "EMERGENCY_GRANTED"
    | "EMERGENCY_REFUSED"
    | "EMERGENCY_REVIEWED";
  requestId: string;
  actorStaffId: string | null;
  actorAgency: string | null;
  actorRole: string | null;
  actorIssuer: string | null;
  clientId: string | null;
  purpose: string | null;
  subjectId: string | null;
  fieldPaths: string[];
  decision: string;
  reason: string | null;
  rule: string | null;
  emergency: boolean;
  operationHash: string;
}

export interface ChainedEntry extends AuditEntry {
  seq: bigint;
  prevHash: string;
  hash: string;
}

/** A fixed field order and ISO time, so the same record always hashes the same. */
function canonical(seq: bigint, entry: AuditEntry): string {
  return JSON.stringify([
    seq.toString(),
    entry.id,
    entry.at.toISOString(),
    entry.kind,
    entry.requestId,
    entry.actorStaffId,
    entry.actorAgency,
    entry.actorRole,
    entry.actorIssuer,
    entry.clientId,
    entry.purpose,
    entry.subjectId,
    entry.fieldPaths,
    entry.decision,
    entry.reason,
    entry.rule,
    entry.emergency,
    entry.operationHash,
  ]);
}

/** Each record's hash covers its own content, its position and the previous record's hash. */
export function hashEntry(key: ChainKey, prevHash: string, seq: bigint, entry: AuditEntry): string {
  return createHmac("sha256", key).update(prevHash).update("\n").update(canonical(seq, entry)).digest("hex");
}

/** Chains entries onto a head, in order. */
export function chain(key: ChainKey, head: { seq: bigint; hash: string }, entries: readonly AuditEntry[]): ChainedEntry[] {
  let { seq, hash } = head;
  return entries.map((entry) => {
    seq += 1n;
    const chained = { ...entry, seq, prevHash: hash, hash: hashEntry(key, hash, seq, entry) };
    hash = chained.hash;
    return chained;
  });
}

/**
 * What a record contributes to the Merkle tree (merkle.ts): its content at its position, the
 * same canonical form the chain hashes. Anyone holding the record can recompute it; no key.
 */
export function recordLeafData(record: Pick<ChainedEntry, "seq"> & AuditEntry): Buffer {
  return Buffer.from(canonical(record.seq, record), "utf8");
}

/** The HKDF label of the operation-hash key: a purpose of its own, never the chain key itself. */
const OPERATION_HASH_INFO = "skyddsnat/audit/operation-hash/v1";

/** The key of the audit's operation hashes, derived from the chain key (HKDF-SHA-256) for that one purpose. */
export function operationHashKey(chainKey: ChainKey): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", chainKey, new Uint8Array(0), OPERATION_HASH_INFO, 32));
}

/**
 * What the audit records of the operation: HMAC-SHA-256 of the executed operation under a key the
 * database never sees. The same operation gives the same hash, so an auditor can tell records of
 * one operation together; without the key nobody can confirm a guessed literal (a municipality, a
 * name) against it, as a plain hash of the text would let them.
 */
export function operationHash(key: Uint8Array, executed: string): string {
  return createHmac("sha256", key).update(executed).digest("hex");
}
