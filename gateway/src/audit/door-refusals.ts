import { randomUUID } from "node:crypto";
import type { AuditEntry } from "./chain.js";
import { eventEntry } from "./entries.js";

export interface DoorRefusalOptions {
  /** One aggregate per source and reason per this long (default one minute). */
  intervalMs?: number;
  /** Sources told apart per interval; the rest count together as "other" (default 100). */
  maxSources?: number;
  /** Refusals recorded one by one per interval before counting starts, whatever their source
   * (default 20): an occasional refusal keeps its own record and request id. */
  individually?: number;
}

/**
 * Requests refused at the door (no token, a bad or expired one) come without an actor, and a
 * flood of them must not grow the append-only chain without bound. Per interval, the first
 * `individually` refusals, and the first of each further source and reason, are recorded as
 * they happen, with their request ids; the rest as one record per source and reason with their
 * count when the interval ends. So an interval adds at most
 * individually + 2 × (maxSources + 1) × reasons records, however many requests came: a flood
 * from one source with one reason, at most individually + 2.
 */
export class DoorRefusals {
  private counts = new Map<string, { source: string; reason: string; count: number }>();
  private readonly intervalMs: number;
  private readonly maxSources: number;
  private readonly individually: number;
  private recorded = 0;
  private readonly sources = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private windowStart = new Date();

  constructor(
    private readonly record: (entries: AuditEntry[]) => Promise<void>,
    options: DoorRefusalOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.maxSources = options.maxSources ?? 100;
    this.individually = options.individually ?? 20;
  }

  start(): void {
    this.timer = setInterval(() => void this.flush().catch(() => {}), this.intervalMs);
    this.timer.unref();
  }

  /** Resolves once the refusal is on record, or counted towards the interval's aggregate. */
  refused(reason: string, requestId: string, address: string | undefined): Promise<void> {
    let source = address ?? "unknown";
    if (!this.sources.has(source)) {
      if (this.sources.size >= this.maxSources) source = "other";
      this.sources.add(source);
    }
    const key = `${source}|${reason}`;
    const slot = this.counts.get(key);
    if (slot && this.recorded >= this.individually) {
      slot.count += 1;
      return Promise.resolve();
    }
    if (!slot) this.counts.set(key, { source, reason, count: 0 });
    this.recorded += 1;
    return this.record([eventEntry("REQUEST_DENIED", null, { requestId, decision: "DENY", reason, fieldPaths: [`source=${source}`] })]);
  }

  /** Records the interval's aggregates and starts the next interval. */
  async flush(): Promise<void> {
    const ended = [...this.counts.values()].filter((slot) => slot.count > 0);
    const from = this.windowStart;
    this.counts = new Map();
    this.sources.clear();
    this.recorded = 0;
    this.windowStart = new Date();
    if (ended.length === 0) return;
    await this.record(
      ended.map((slot) => ({
        ...eventEntry("REQUEST_DENIED", null, {
          requestId: `door-${randomUUID()}`,
          decision: "DENY",
          reason: slot.reason,
          fieldPaths: [`source=${slot.source}`, `count=${slot.count}`, `since=${from.toISOString()}`],
        }),
        rule: "door-refusals-aggregated",
      })),
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
