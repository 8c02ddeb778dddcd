import type { JWK } from "jose";
import { type ChainedEntry, type ChainKey, GENESIS_HASH, hashEntry } from "./chain.js";
import { verifyCheckpoint } from "./checkpoint.js";

export type ChainProblem =
  | "CHANGED" // a record's content no longer matches its hash
  | "REMOVED" // a sequence number is missing
  | "INSERTED" // a record that does not belong where it stands (duplicate or foreign sequence)
  | "REORDERED" // records are out of their chain order
  | "BAD_CHECKPOINT" // a checkpoint's signature fails, or it names a head the chain no longer has
  | "TRUNCATED"; // records a checkpoint vouched for are gone

/** What verifying takes: the chain's secret, and the public keys that check its checkpoints. */
export interface ChainVerificationKeys {
  chainKey: ChainKey;
  publicJwks: { keys: JWK[] };
}

export interface ChainReport {
  ok: boolean;
  records: number;
  checkpoints: number;
  firstProblem?: { seq: string; problem: ChainProblem; detail: string };
}

/** A record moved to another position still hashes right at its original one: find it nearby. */
function originalSeq(key: ChainKey, record: ChainedEntry, window = 1000n): bigint | null {
  for (let offset = 1n; offset <= window; offset++) {
    for (const candidate of [record.seq - offset, record.seq + offset]) {
      if (candidate > 0n && hashEntry(key, record.prevHash, candidate, record) === record.hash) return candidate;
    }
  }
  return null;
}

/** Walks the chain in stored order and the checkpoints; reports the first thing that is wrong. */
export async function verifyChain(
  records: readonly ChainedEntry[],
  checkpoints: readonly { seq: bigint; hash: string; jws: string }[],
  keys: ChainVerificationKeys,
): Promise<ChainReport> {
  const report = (seq: bigint | string, problem: ChainProblem, detail: string): ChainReport => ({
    ok: false,
    records: records.length,
    checkpoints: checkpoints.length,
    firstProblem: { seq: seq.toString(), problem, detail },
  });
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  const hashes = new Map<bigint, string>();
  const stored = new Set(records.map((record) => record.hash));
  for (const record of records) {
    if (record.seq !== expectedSeq) {
      if (record.seq > expectedSeq) return report(expectedSeq, "REMOVED", `record ${expectedSeq} is missing`);
      return report(record.seq, record.seq < expectedSeq && hashes.has(record.seq) ? "INSERTED" : "REORDERED", `record ${record.seq} stands where ${expectedSeq} belongs`);
    }
    if (hashEntry(keys.chainKey, record.prevHash, record.seq, record) !== record.hash) {
      const movedFrom = originalSeq(keys.chainKey, record);
      if (movedFrom === null) return report(record.seq, "CHANGED", "content does not match its hash (changed, or written without the chain key)");
      if (movedFrom < record.seq) return report(record.seq, "INSERTED", `written as ${movedFrom}: records were inserted before it`);
      return stored.has(record.prevHash)
        ? report(record.seq, "REORDERED", `holds the record that was written as ${movedFrom}`)
        : report(record.seq, "REMOVED", `written as ${movedFrom}: the records before it were removed`);
    }
    if (record.prevHash !== prevHash) {
      const insertedOrMoved = [...hashes.values()].includes(record.prevHash) ? "REORDERED" : "INSERTED";
      return report(record.seq, insertedOrMoved, "does not follow the previous record");
    }
    hashes.set(record.seq, record.hash);
    prevHash = record.hash;
    expectedSeq += 1n;
  }
  for (const checkpoint of checkpoints) {
    let claims: Awaited<ReturnType<typeof verifyCheckpoint>>;
    try {
      claims = await verifyCheckpoint(checkpoint.jws, keys.publicJwks);
    } catch {
      return report(checkpoint.seq, "BAD_CHECKPOINT", "signature does not verify");
    }
    if (claims.seq !== checkpoint.seq.toString() || claims.hash !== checkpoint.hash) {
      return report(checkpoint.seq, "BAD_CHECKPOINT", "stored checkpoint differs from what was signed");
    }
    const at = hashes.get(BigInt(claims.seq));
    if (at === undefined) return report(claims.seq, "TRUNCATED", "a signed checkpoint vouches for records that are gone");
    if (at !== claims.hash) return report(claims.seq, "BAD_CHECKPOINT", "the chain no longer has the head that was signed");
  }
  return { ok: true, records: records.length, checkpoints: checkpoints.length };
}
