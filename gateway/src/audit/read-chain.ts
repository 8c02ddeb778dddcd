import type { PrismaClient } from "../generated/prisma/client.js";
import type { ChainedEntry } from "./chain.js";
import { type ChainAnchors, type ChainReport, type ChainVerificationKeys, verifyChain } from "./verify.js";
import type { Witness } from "./witness/witness.js";

/**
 * Reads the whole chain in sequence order with everything that pins it — the stored head, the
 * stored tree heads, the grants, and the witness's heads when there is a witness — and verifies
 * it (the CLI and the auditors' API). Reads only.
 */
export async function verifyStoredChain(prisma: PrismaClient, keys: ChainVerificationKeys, witness?: Witness | null): Promise<ChainReport> {
  // The witness first: heads it takes while the records are read are then covered by them.
  let witnessed: ChainAnchors["witness"];
  if (witness) {
    witnessed = await witness.all().then(
      (heads) => ({ description: witness.description, heads }),
      (error: unknown) => ({ description: witness.description, unreadable: error instanceof Error ? error.message : String(error) }),
    );
  }
  // One snapshot of the store, so a gateway appending meanwhile does not look like damage.
  const [records, checkpoints, head, grants] = await prisma.$transaction(
    [
      prisma.auditRecord.findMany({ orderBy: { seq: "asc" } }),
      prisma.checkpoint.findMany({ orderBy: { seq: "asc" } }),
      prisma.chainHead.findUnique({ where: { id: 1 } }),
      prisma.emergencyGrant.findMany(),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return verifyChain(records as unknown as ChainedEntry[], checkpoints, keys, { head: head ? { seq: head.seq, hash: head.hash } : null, grants, ...(witnessed ? { witness: witnessed } : {}) });
}

export async function readChainStatus(prisma: PrismaClient, keys: ChainVerificationKeys, witness?: Witness | null) {
  const report = await verifyStoredChain(prisma, keys, witness);
  return {
    ok: report.ok,
    records: report.records,
    checkpoints: report.checkpoints,
    problemSeq: report.firstProblem?.seq ?? null,
    problem: report.firstProblem ? `${report.firstProblem.problem}: ${report.firstProblem.detail}` : null,
  };
}
