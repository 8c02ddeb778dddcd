import { randomUUID } from "node:crypto";
import type { JWK } from "jose";
import type { PrismaClient } from "../generated/prisma/client.js";
import { type ChainedEntry, GENESIS_HASH, recordLeafData } from "./chain.js";
import { type CheckpointClaims, signTreeHead } from "./checkpoint.js";
import { consistencyProof, Frontier, type Hash, leafHash } from "./merkle.js";
import type { Witness } from "./witness/witness.js";

const PAGE = 5000;
/** Leaves kept for the next consistency proof while the witness is unreachable; past this the
 * next head goes out without one (the verifier, which reads the records, still checks it). */
const MAX_HELD_LEAVES = 1_000_000;

/** The head consistency proofs start from: the last one the witness took. */
interface Published {
  frontier: Frontier;
  /** Leaves appended since. */
  since: Hash[];
}

/**
 * Signs tree heads and hands them to the witness. It follows the chain incrementally: records
 * its own writer committed arrive through `observe` (no read back), others' (another replica's)
 * are read from the store. The release of protected data never waits for it; the window in which
 * the newest records could be removed unnoticed is one checkpoint interval plus one publish.
 */
export class Checkpointer {
  private tree: Frontier | null = null;
  private chainHash = GENESIS_HASH;
  private published: Published | null = null;
  /** The size the witness already holds: no head below it is ever signed. */
  private floor = 0;
  private readonly observed = new Map<bigint, ChainedEntry>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly key: { privateJwk: JWK; kid: string },
    private readonly witness: Witness | null,
  ) {}

  /** What this process's writer committed: spares reading it back. */
  observe(chained: readonly ChainedEntry[]): void {
    if (this.observed.size > MAX_HELD_LEAVES) return;
    for (const record of chained) this.observed.set(record.seq, record);
  }

  /** Signs and publishes a head over everything committed so far, unless nothing is new. */
  checkpoint(): Promise<CheckpointClaims | null> {
    const run = this.queue.then(() => this.signNow());
    this.queue = run.catch(() => {});
    return run;
  }

  private async signNow(): Promise<CheckpointClaims | null> {
    const [head] = await this.prisma.$queryRawUnsafe<{ seq: bigint }[]>(`SELECT seq FROM "ChainHead" WHERE id = 1`);
    const headSeq = Number(head?.seq ?? 0);
    if (!this.tree) await this.start(headSeq);
    const tree = this.tree as Frontier;
    if (headSeq < Math.max(tree.size, this.floor)) {
      // Never vouch for a chain shorter than one already vouched for: that is a truncation.
      throw new Error(`audit chain head moved back from ${Math.max(tree.size, this.floor)} to ${headSeq}: no tree head signed`);
    }
    await this.extend(tree, headSeq, this.published);
    if (tree.size === 0 || (this.published && this.published.frontier.size === tree.size)) return null;
    const claims: CheckpointClaims = { seq: String(tree.size), hash: this.chainHash, root: tree.root().toString("hex"), signedAt: new Date().toISOString() };
    const jws = await signTreeHead(claims, this.key);
    const from = this.published;
    const consistency =
      from && from.frontier.size > 0
        ? { fromSize: String(from.frontier.size), proof: consistencyProof(from.frontier.size, tree.size, from.frontier.rangeHashWith(from.since)).map((h) => h.toString("hex")) }
        : null;
    // The store's copy first: a head the witness holds is then always among the stored ones,
    // unless the store lost it. The witness's copy goes out even if the store refused.
    const stored = await this.prisma.checkpoint
      .create({ data: { id: randomUUID(), seq: BigInt(claims.seq), hash: claims.hash, signedAt: new Date(claims.signedAt), jws } })
      .then(
        () => null,
        (error: unknown) => error,
      );
    if (this.witness) await this.witness.publish({ jws, consistency });
    // The next proof starts here only once the witness holds this head.
    this.published = { frontier: tree.clone(), since: [] };
    if (stored) throw stored;
    return claims;
  }

  /**
   * On the first checkpoint: rebuild the tree from the records, and pick up the consistency
   * proofs from the witness's newest head (the frontier at its size is captured on the way).
   */
  private async start(headSeq: number): Promise<void> {
    const newest = await this.witness?.newest();
    const witnessedSize = newest ? witnessedSizeOf(newest.jws) : 0;
    const tree = new Frontier();
    if (witnessedSize > 0 && witnessedSize <= headSeq) {
      await this.extend(tree, witnessedSize, null);
      this.published = { frontier: tree.clone(), since: [] };
    }
    this.tree = tree;
    this.floor = witnessedSize;
    if (witnessedSize > headSeq) throw new Error(`the witness holds a tree head of ${witnessedSize} records, the chain has ${headSeq}`);
  }

  /** Appends records (tree.size, to] to the tree (and to the leaves held for the next proof). */
  private async extend(tree: Frontier, to: number, published: Published | null): Promise<void> {
    while (tree.size < to) {
      const next = BigInt(tree.size + 1);
      let records: ChainedEntry[];
      const mine = this.observed.get(next);
      if (mine) {
        records = [];
        for (let seq = next; seq <= BigInt(to) && this.observed.has(seq); seq++) records.push(this.observed.get(seq) as ChainedEntry);
      } else {
        records = (await this.prisma.auditRecord.findMany({
          where: { seq: { gte: next, lte: BigInt(to) } },
          orderBy: { seq: "asc" },
          take: PAGE,
        })) as unknown as ChainedEntry[];
      }
      if (records[0]?.seq !== next) throw new Error(`audit record ${next} is missing: no tree head signed`);
      for (const record of records) {
        if (record.seq !== BigInt(tree.size + 1)) throw new Error(`audit record ${tree.size + 1} is missing: no tree head signed`);
        const leaf = leafHash(recordLeafData(record));
        tree.append(leaf);
        this.chainHash = record.hash;
        this.observed.delete(record.seq);
        if (published) {
          if (published.since.length < MAX_HELD_LEAVES) published.since.push(leaf);
          else this.published = null;
        }
      }
    }
  }
}

function witnessedSizeOf(jws: string): number {
  const claims = JSON.parse(Buffer.from(jws.split(".")[1] ?? "", "base64url").toString("utf8")) as { seq?: string };
  return Number(claims.seq ?? 0);
}

/** Signs a tree head over the whole chain now (tools and tests; the gateway keeps a Checkpointer). */
export function signCheckpoint(prisma: PrismaClient, key: { privateJwk: JWK; kid: string }, witness?: Witness): Promise<CheckpointClaims | null> {
  return new Checkpointer(prisma, key, witness ?? null).checkpoint();
}
