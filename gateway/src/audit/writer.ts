import type { PrismaClient } from "../generated/prisma/client.js";
import { type AuditEntry, type ChainKey, chain } from "./chain.js";

/**
 * Appends audit entries durably, in one chain order. Concurrent requests are grouped: entries
 * that arrive while a write is in flight go together in the next transaction (group commit), so
 * the cost is about one INSERT per batch, not per field or per request. A caller's promise
 * resolves only after its entries are committed; if the write fails, it rejects.
 */
export class AuditWriter {
  private pending: { entries: AuditEntry[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly chainKey: ChainKey,
  ) {}

  append(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending.push({ entries, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.write(batch.flatMap((item) => item.entries));
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.writing = null;
  }

  private write(entries: AuditEntry[]): Promise<void> {
    return this.prisma.$transaction(async (tx) => {
      // The head row is the chain's lock: appenders in other gateway replicas wait here.
      const [head] = await tx.$queryRawUnsafe<{ seq: bigint; hash: string }[]>(
        `SELECT seq, hash FROM "ChainHead" WHERE id = 1 FOR UPDATE`,
      );
      if (!head) throw new Error("audit chain head missing");
      const chained = chain(this.chainKey, { seq: BigInt(head.seq), hash: head.hash }, entries);
      await tx.auditRecord.createMany({ data: chained });
      const last = chained.at(-1);
      if (last) await tx.chainHead.update({ where: { id: 1 }, data: { seq: last.seq, hash: last.hash } });
    });
  }
}
