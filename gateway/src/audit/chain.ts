import { createHash, createHmac } from "node:crypto";

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
  kind: "FIELD_ACCESS" | "REQUEST_DENIED" | "AUDIT_QUERY" | "CHANGE" | "EMERGENCY_GRANTED" | "EMERGENCY_REVIEWED";
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

export function operationHash(query: string | undefined): string {
  return createHash("sha256").update(query ?? "").digest("hex");
}
