import type { PrismaClient } from "../generated/prisma/client.js";
import type { ChainedEntry } from "./chain.js";
import { type ChainReport, type ChainVerificationKeys, verifyChain } from "./verify.js";

/** Reads the whole chain in sequence order and verifies it (the CLI and the auditors' API). */
export async function verifyStoredChain(prisma: PrismaClient, keys: ChainVerificationKeys): Promise<ChainReport> {
  const records = (await prisma.auditRecord.findMany({ orderBy: { seq: "asc" } })) as unknown as ChainedEntry[];
  const checkpoints = await prisma.checkpoint.findMany({ orderBy: { seq: "asc" } });
  return verifyChain(
    records.map((r) => ({ ...r, kind: r.kind as ChainedEntry["kind"] })),
    checkpoints,
    keys,
  );
}

export async function readChainStatus(prisma: PrismaClient, keys: ChainVerificationKeys) {
  const report = await verifyStoredChain(prisma, keys);
  return {
    ok: report.ok,
    records: report.records,
    checkpoints: report.checkpoints,
    problemSeq: report.firstProblem?.seq ?? null,
    problem: report.firstProblem ? `${report.firstProblem.problem}: ${report.firstProblem.detail}` : null,
  };
}
