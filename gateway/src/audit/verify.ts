import type { JWK } from "jose";
import { type ChainedEntry, type ChainKey, GENESIS_HASH, hashEntry, recordLeafData } from "./chain.js";
import { type CheckpointClaims, verifyCheckpoint } from "./checkpoint.js";
import { type DecisionRow, deciderOf, decisionKind, decisionRecordId, type ReviewRow, requestRecordId, reviewRecordId } from "./grants.js";
import { intentOf } from "./intents.js";
import { Frontier, leafHash, verifyConsistency } from "./merkle.js";
import type { WitnessedHead } from "./witness/witness.js";

export type ChainProblem =
  | "CHANGED" // a record's content no longer matches its hash
  | "REMOVED" // a sequence number is missing
  | "INSERTED" // a record that does not belong where it stands (duplicate or foreign sequence)
  | "REORDERED" // records are out of their chain order
  | "BAD_CHECKPOINT" // a tree head's signature fails, or the stored row differs from what was signed
  | "TRUNCATED" // records a signed tree head vouched for are gone
  | "FORK" // the records no longer form the tree a signed head was made over, or heads do not extend each other
  | "HEAD_MISMATCH" // the stored chain head disagrees with the records
  | "MISSING_CHECKPOINT" // the witness holds a tree head the audit database no longer has
  | "WITNESS_UNREADABLE" // the witness is gone or holds something that is not a tree head
  | "GRANT_CHANGED" // an emergency grant's row does not match a chained record (changed, extended, or never recorded)
  | "GRANT_REMOVED" // a chained grant has no row any more
  | "REVIEW_UNRECORDED" // a grant's review (or its change) has no chained record
  | "REVIEW_REMOVED"; // a chained review has no matching row

/** What verifying takes: the chain's secret, and the public keys that check its tree heads. */
export interface ChainVerificationKeys {
  chainKey: ChainKey;
  publicJwks: { keys: JWK[] };
}

export interface Finding {
  seq: string;
  problem: ChainProblem;
  detail: string;
}

export interface ChainReport {
  ok: boolean;
  records: number;
  checkpoints: number;
  /** The first thing wrong (the chain walk's first, else the first anchor problem). */
  firstProblem?: Finding;
  /** Everything found wrong. */
  problems: Finding[];
  witness?: { description: string; heads: number; newestSize: string | null; unwitnessedRecords: number };
  /**
   * Changes intended (CHANGE_INTENDED) whose outcome was never recorded: made or not, the record
   * of what became of them is missing (the store failed after the intent). Not chain damage —
   * an auditor's list to follow up in the agency's own data. A request in flight shows here for
   * at most the few seconds it runs.
   */
  intentsWithoutOutcome: { seq: string; id: string; at: string; operation: string; subjectId: string | null }[];
}

/** What the chain is checked against, beyond its own links. */
export interface ChainAnchors {
  /** The stored chain head row. */
  head?: { seq: bigint; hash: string } | null;
  /** The witness's heads, in the order published; absent when no witness is configured. */
  witness?: { description: string; heads: readonly WitnessedHead[] } | { description: string; unreadable: string };
  grants?: readonly (DecisionRow & ReviewRow)[];
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

/** Walks the chain in stored order; the first break, or null. */
function walkChain(records: readonly ChainedEntry[], key: ChainKey): Finding | null {
  const finding = (seq: bigint | string, problem: ChainProblem, detail: string): Finding => ({ seq: seq.toString(), problem, detail });
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  const hashes = new Set<string>();
  const seen = new Set<bigint>();
  const stored = new Set(records.map((record) => record.hash));
  for (const record of records) {
    if (record.seq !== expectedSeq) {
      if (record.seq > expectedSeq) return finding(expectedSeq, "REMOVED", `record ${expectedSeq} is missing`);
      return finding(record.seq, seen.has(record.seq) ? "INSERTED" : "REORDERED", `record ${record.seq} stands where ${expectedSeq} belongs`);
    }
    if (hashEntry(key, record.prevHash, record.seq, record) !== record.hash) {
      const movedFrom = originalSeq(key, record);
      if (movedFrom === null) return finding(record.seq, "CHANGED", "content does not match its hash (changed, or written without the chain key)");
      if (movedFrom < record.seq) return finding(record.seq, "INSERTED", `written as ${movedFrom}: records were inserted before it`);
      return stored.has(record.prevHash)
        ? finding(record.seq, "REORDERED", `holds the record that was written as ${movedFrom}`)
        : finding(record.seq, "REMOVED", `written as ${movedFrom}: the records before it were removed`);
    }
    if (record.prevHash !== prevHash) {
      return finding(record.seq, hashes.has(record.prevHash) ? "REORDERED" : "INSERTED", "does not follow the previous record");
    }
    hashes.add(record.hash);
    seen.add(record.seq);
    prevHash = record.hash;
    expectedSeq += 1n;
  }
  return null;
}

interface CheckedHead {
  claims: CheckpointClaims;
  size: number;
}

/**
 * Checks the chain's own links, then everything that pins it from outside: the stored head, the
 * signed tree heads in the database and — the one the database's administrator cannot rewrite —
 * the witness's. Reports every problem found, the first one first.
 */
export async function verifyChain(
  records: readonly ChainedEntry[],
  checkpoints: readonly { seq: bigint; hash: string; jws: string }[],
  keys: ChainVerificationKeys,
  anchors: ChainAnchors = {},
): Promise<ChainReport> {
  const problems: Finding[] = [];
  const add = (seq: bigint | string | number, problem: ChainProblem, detail: string) => problems.push({ seq: seq.toString(), problem, detail });
  const walked = walkChain(records, keys.chainKey);
  if (walked) problems.push(walked);

  // The tree as the stored records make it, with its root at every size a head names.
  const heads = anchors.witness && "heads" in anchors.witness ? anchors.witness.heads : [];
  const claimed = await Promise.all(heads.map((head) => verifyCheckpoint(head.jws, keys.publicJwks).catch(() => null)));
  const wanted = new Set<number>([...checkpoints.map((c) => Number(c.seq)), ...claimed.flatMap((c) => (c ? [Number(c.seq)] : []))]);
  const roots = new Map<number, string>();
  const tree = new Frontier();
  for (const record of records) {
    tree.append(leafHash(recordLeafData(record)));
    if (wanted.has(tree.size)) roots.set(tree.size, tree.root().toString("hex"));
  }
  const chainHashAt = (size: number) => records[size - 1]?.hash;

  /** A signed head against the records: gone (truncated) or different (forked). */
  const checkAgainstRecords = (claims: CheckpointClaims, where: string): boolean => {
    const size = Number(claims.seq);
    if (size > records.length) {
      add(claims.seq, "TRUNCATED", `${where} vouches for ${size} records; the store has ${records.length}`);
      return false;
    }
    if (roots.get(size) !== claims.root || chainHashAt(size) !== claims.hash) {
      add(claims.seq, "FORK", `${where} was signed over other records than the store now holds at ${size}`);
      return false;
    }
    return true;
  };

  for (const checkpoint of checkpoints) {
    let claims: CheckpointClaims;
    try {
      claims = await verifyCheckpoint(checkpoint.jws, keys.publicJwks);
    } catch {
      add(checkpoint.seq, "BAD_CHECKPOINT", "a stored tree head's signature does not verify");
      continue;
    }
    if (claims.seq !== checkpoint.seq.toString() || claims.hash !== checkpoint.hash) {
      add(checkpoint.seq, "BAD_CHECKPOINT", "stored checkpoint differs from what was signed");
      continue;
    }
    checkAgainstRecords(claims, "a stored tree head");
  }

  const last = records.at(-1);
  if (anchors.head !== undefined) {
    const head = anchors.head;
    const size = last ? last.seq : 0n;
    if (!head || head.seq !== size || head.hash !== (last?.hash ?? GENESIS_HASH)) {
      add(head?.seq ?? 0n, "HEAD_MISMATCH", `the stored head (${head?.seq ?? "none"}) is not the last record (${size})`);
    }
  }

  let witness: ChainReport["witness"];
  if (anchors.witness) {
    const description = anchors.witness.description;
    if ("unreadable" in anchors.witness) {
      add(0, "WITNESS_UNREADABLE", `${description}: ${anchors.witness.unreadable}`);
      witness = { description, heads: 0, newestSize: null, unwitnessedRecords: records.length };
    } else {
      const stored = new Set(checkpoints.map((c) => c.jws));
      const bySize = new Map<number, CheckedHead>();
      for (const [i, head] of heads.entries()) {
        const claims = claimed[i];
        if (!claims) {
          add(0, "WITNESS_UNREADABLE", `${description} holds a head (#${i + 1}) the gateway's keys did not sign`);
          continue;
        }
        const size = Number(claims.seq);
        const twin = bySize.get(size);
        if (twin && twin.claims.root !== claims.root) add(claims.seq, "FORK", `${description} holds two different heads of ${size} records`);
        bySize.set(size, { claims, size });
        checkAgainstRecords(claims, `the witness's head #${i + 1}`);
        if (!stored.has(head.jws)) add(claims.seq, "MISSING_CHECKPOINT", `the witness's head #${i + 1} (${size} records) is not among the stored checkpoints`);
      }
      // The witness's own check, without the records: each head extends the one it names.
      for (const [i, head] of heads.entries()) {
        const claims = claimed[i];
        if (!claims || !head.consistency) continue;
        const from = bySize.get(Number(head.consistency.fromSize));
        const extends_ =
          from !== undefined &&
          verifyConsistency(
            from.size,
            Buffer.from(from.claims.root, "hex"),
            Number(claims.seq),
            Buffer.from(claims.root, "hex"),
            head.consistency.proof.map((p) => Buffer.from(p, "hex")),
          );
        if (!extends_) add(claims.seq, "FORK", `the witness's head #${i + 1} does not extend its head of ${head.consistency.fromSize} records`);
      }
      const newest = Math.max(0, ...bySize.keys());
      witness = { description, heads: heads.length, newestSize: newest ? String(newest) : null, unwitnessedRecords: Math.max(0, records.length - newest) };
    }
  }

  if (anchors.grants) checkGrants(records, anchors.grants, add);
  const settled = new Set(records.flatMap((record) => intentOf(record.id) ?? []));
  const intentsWithoutOutcome = records
    .filter((record) => record.kind === "CHANGE_INTENDED" && !settled.has(record.id))
    .map((record) => ({ seq: record.seq.toString(), id: record.id, at: record.at.toISOString(), operation: record.fieldPaths[0] ?? "", subjectId: record.subjectId }));

  return {
    ok: problems.length === 0,
    records: records.length,
    checkpoints: checkpoints.length,
    ...(problems[0] ? { firstProblem: problems[0] } : {}),
    problems,
    ...(witness ? { witness } : {}),
    intentsWithoutOutcome,
  };
}

/** Every request, decision and review row against the chained record carrying its digest, and back. */
function checkGrants(
  records: readonly ChainedEntry[],
  grants: readonly (DecisionRow & ReviewRow)[],
  add: (seq: bigint | string | number, problem: ChainProblem, detail: string) => void,
) {
  const byId = new Map(records.map((record) => [record.id, record]));
  const vouched = new Set<string>();
  const reviewIds = new Set<string>();
  for (const grant of grants) {
    // A grant made before the two-person rule was recorded once, as its grant; every other row as its request first.
    if (grant.status !== "SELF_GRANTED") {
      const requestId = requestRecordId(grant);
      vouched.add(requestId);
      const request = byId.get(requestId);
      if (request?.kind !== "EMERGENCY_REQUESTED" || request.subjectId !== grant.subjectId || request.actorStaffId !== grant.staffId) {
        add(request?.seq ?? 0, "GRANT_CHANGED", `emergency request ${grant.id} matches no chained request record (changed, or never recorded)`);
      }
    }
    const decisionId = decisionRecordId(grant);
    if (decisionId) {
      vouched.add(decisionId);
      const record = byId.get(decisionId);
      if (record?.kind !== decisionKind(grant.status) || record.subjectId !== grant.subjectId || record.actorStaffId !== deciderOf(grant)) {
        add(record?.seq ?? 0, "GRANT_CHANGED", `emergency grant ${grant.id} matches no chained decision record (changed, extended, re-grounded, or never recorded)`);
      }
    } else if (grant.status !== "PENDING" || grant.decidedBy || grant.decidedAt || grant.ground || grant.expiresAt || grant.decisionNote) {
      add(0, "GRANT_CHANGED", `emergency request ${grant.id} carries a decision no chained record vouches for`);
    }
    if (grant.reviewedAt || grant.reviewedBy || grant.outcome) {
      const reviewId = reviewRecordId(grant);
      reviewIds.add(reviewId);
      if (byId.get(reviewId)?.kind !== "EMERGENCY_REVIEWED") add(0, "REVIEW_UNRECORDED", `the review of emergency grant ${grant.id} has no chained record`);
    }
  }
  const anchored: Record<string, string> = { EMERGENCY_REQUESTED: "request-", EMERGENCY_GRANTED: "grant-", EMERGENCY_REFUSED: "refusal-" };
  for (const record of records) {
    const prefix = anchored[record.kind];
    if (prefix && record.id.startsWith(prefix) && !vouched.has(record.id)) {
      add(record.seq, "GRANT_REMOVED", "a chained emergency request or decision has no matching row (removed or changed)");
    }
    if (record.kind === "EMERGENCY_REVIEWED" && record.id.startsWith("review-") && !reviewIds.has(record.id)) {
      add(record.seq, "REVIEW_REMOVED", "a chained review has no matching grant row (undone or changed)");
    }
  }
}
