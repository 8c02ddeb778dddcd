import { type Database, hubMetrics } from "@skyddsnat/platform";
import type { PrismaClient } from "../generated/prisma/client.js";
import { type AuditEntry, type ChainedEntry, type ChainKey, chain } from "./chain.js";

/** The record's columns, as jsonb_to_recordset reads them from one JSON parameter. */
const COLUMNS: [name: keyof ChainedEntry, type: string][] = [
  ["seq", "bigint"],
  ["id", "text"],
  ["at", "timestamp(3)"],
  ["kind", "text"],
  ["requestId", "text"],
  ["actorStaffId", "text"],
  ["actorAgency", "text"],
  ["actorRole", "text"],
  ["actorIssuer", "text"],
  ["clientId", "text"],
  ["purpose", "text"],
  ["subjectId", "text"],
  ["fieldPaths", "text[]"],
  ["decision", "text"],
  ["reason", "text"],
  ["rule", "text"],
  ["emergency", "boolean"],
  ["operationHash", "text"],
  ["prevHash", "text"],
  ["hash", "text"],
];
const NAMES = COLUMNS.map(([name]) => `"${name}"`).join(", ");

/**
 * One statement, so one round trip and atomic on its own: the head moves from the expected
 * (seq, hash) to the batch's last record and the batch is inserted, or — when another replica
 * moved the head first — neither happens and no row comes back.
 */
const APPEND_IF_HEAD_IS = `
WITH moved AS (
  UPDATE "ChainHead" SET seq = $1::bigint, hash = $2 WHERE id = 1 AND seq = $3::bigint AND hash = $4 RETURNING 1
)
INSERT INTO "AuditRecord" (${NAMES})
SELECT ${NAMES} FROM jsonb_to_recordset($5::jsonb) AS r(${COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(", ")})
WHERE EXISTS (SELECT 1 FROM moved)
RETURNING 1`;

export interface AuditWriterOptions {
  /** After this many lost races in a row, wait for the head's lock instead of racing again
   * (default 3; 0 always locks). */
  optimisticAttempts?: number;
  /** Told of every batch once committed, in chain order (the checkpointer follows the chain). */
  onCommitted?: (chained: readonly ChainedEntry[]) => void;
  /**
   * The store's own connection (same login, same session settings) for the one-statement append
   * and the head read: the pg driver directly, without Prisma's client and query engine on every
   * append (gateway/README.md, "What each step gained"). Without it they go through Prisma too.
   */
  sql?: Pick<Database, "query">;
}

interface Head {
  seq: bigint;
  hash: string;
}

/**
 * Appends audit entries durably, in one chain order. Concurrent requests are grouped: entries
 * that arrive while a write is in flight go together in the next write (group commit), so the
 * cost is about one statement per batch, not per field or per request. A caller's promise
 * resolves only after its entries are committed; if the write fails, it rejects.
 *
 * The writer remembers the head it last wrote and appends optimistically against it in one
 * statement. Another gateway replica appending in between makes that statement change nothing;
 * the writer then re-reads the head and tries again, and after a few lost races takes the head
 * row's lock in a transaction (Prisma's interactive transactions cost about eight times the CPU of
 * the one statement, which is why they are the fallback and not the rule).
 */
export class AuditWriter {
  private pending: { entries: AuditEntry[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;
  private head: Head | null = null;
  private readonly optimisticAttempts: number;
  private readonly onCommitted: ((chained: readonly ChainedEntry[]) => void) | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly chainKey: ChainKey,
    options: AuditWriterOptions = {},
  ) {
    this.optimisticAttempts = options.optimisticAttempts ?? 3;
    this.onCommitted = options.onCommitted;
    const sql = options.sql;
    this.query = sql ? (text, ...params) => sql.query(text, params) : (text, ...params) => this.prisma.$queryRawUnsafe(text, ...params);
  }

  /** One parameterised statement: its rows. */
  private readonly query: <T>(text: string, ...params: unknown[]) => Promise<T[]>;

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
      const entries = batch.flatMap((item) => item.entries);
      const started = performance.now();
      try {
        await this.write(entries);
        hubMetrics.auditAppendDuration.observe((performance.now() - started) / 1000);
        hubMetrics.auditBatchEntries.observe(entries.length);
        hubMetrics.auditEntries.inc(entries.length);
        for (const item of batch) item.resolve();
      } catch (error) {
        hubMetrics.auditAppendFailures.inc();
        // Whether it committed is unknown: read the head again next time.
        this.head = null;
        for (const item of batch) item.reject(error);
      }
    }
    this.writing = null;
  }

  private async write(entries: AuditEntry[]): Promise<void> {
    for (let attempt = 0; attempt < this.optimisticAttempts; attempt++) {
      this.head ??= await this.readHead();
      const chained = chain(this.chainKey, this.head, entries);
      if (await this.appendIfHeadIs(this.head, chained)) {
        this.head = lastOf(chained);
        this.onCommitted?.(chained);
        return;
      }
      this.head = null;
    }
    const chained = await this.appendLocked(entries);
    this.head = lastOf(chained);
    this.onCommitted?.(chained);
  }

  private async appendIfHeadIs(head: Head, chained: ChainedEntry[]): Promise<boolean> {
    const last = lastOf(chained);
    const rows = await this.query<unknown>(
      APPEND_IF_HEAD_IS,
      last.seq.toString(),
      last.hash,
      head.seq.toString(),
      head.hash,
      JSON.stringify(chained, (_key, value) => (typeof value === "bigint" ? value.toString() : value)),
    );
    if (rows.length !== 0 && rows.length !== chained.length) throw new Error("audit append wrote part of a batch");
    return rows.length === chained.length;
  }

  private async readHead(): Promise<Head> {
    const [head] = await this.query<{ seq: bigint | string; hash: string }>(`SELECT seq, hash FROM "ChainHead" WHERE id = 1`);
    if (!head) throw new Error("audit chain head missing");
    return { seq: BigInt(head.seq), hash: head.hash };
  }

  private appendLocked(entries: AuditEntry[]): Promise<ChainedEntry[]> {
    return this.prisma.$transaction(async (tx) => {
      // The head row is the chain's lock: appenders in other gateway replicas wait here.
      const [head] = await tx.$queryRawUnsafe<{ seq: bigint; hash: string }[]>(
        `SELECT seq, hash FROM "ChainHead" WHERE id = 1 FOR UPDATE`,
      );
      if (!head) throw new Error("audit chain head missing");
      const chained = chain(this.chainKey, { seq: BigInt(head.seq), hash: head.hash }, entries);
      await tx.auditRecord.createMany({ data: chained });
      const last = lastOf(chained);
      await tx.chainHead.update({ where: { id: 1 }, data: { seq: last.seq, hash: last.hash } });
      return chained;
    });
  }
}

function lastOf(chained: ChainedEntry[]): Head {
  const last = chained.at(-1);
  if (!last) throw new Error("empty audit batch");
  return { seq: last.seq, hash: last.hash };
}
