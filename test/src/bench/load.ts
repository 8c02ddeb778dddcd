/** A bounded closed-loop load on loopback: `concurrency` clients, each sending back to back, for `durationMs`. */
export interface LoadResult {
  requests: number;
  errors: number;
  /** Answers by HTTP status (429 rate-limited, 503 shed …). */
  statuses: Record<number, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** p50 and p99 of the 200 answers alone: a shed request's fast 503 does not flatter them. */
  ok?: { p50: number; p99: number };
  /** CPU time the hub's process spent per request (ms), when measured. */
  cpuPerRequest?: number;
  /** The first failed answer's body (its start), to tell why. */
  firstFailure?: string;
}

/**
 * Runs a load against a hub in its own process and adds the CPU time that process spent per
 * request: less disturbed by a busy machine than throughput, which also waits on the scheduler.
 */
export async function runLoadOn(
  hub: { url: string; cpuMicros(): Promise<number> },
  options: Omit<Parameters<typeof runLoad>[0], "url">,
): Promise<LoadResult> {
  const before = await hub.cpuMicros();
  const result = await runLoad({ ...options, url: hub.url });
  const spent = (await hub.cpuMicros()) - before;
  // Figures of refusals would measure nothing: every answer must be a 200.
  if (result.errors > 0) throw new Error(`the load was answered ${JSON.stringify(result.statuses)}: fix the bench before quoting it`);
  return { ...result, cpuPerRequest: spent / 1000 / Math.max(1, result.requests) };
}

export async function runLoad(options: {
  url: string;
  token: string;
  /** Request bodies, sent in rotation. */
  bodies: string[];
  durationMs: number;
  concurrency: number;
  /**
   * Clients that wait as a 429 or 503 tells them (Retry-After, capped at the run's end) before
   * sending again, as agency systems are asked to: a closed loop that retries at once measures a
   * flood, not a load.
   */
  honourRetryAfter?: boolean;
}): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(options.url)) throw new Error("load goes to loopback only");
  const latencies: number[] = [];
  const okLatencies: number[] = [];
  let errors = 0;
  let firstFailure: string | undefined;
  const statuses: Record<number, number> = {};
  const started = performance.now();
  const deadline = started + options.durationMs;
  let next = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const body = options.bodies[next++ % options.bodies.length];
      const t0 = performance.now();
      // A connection refused or reset counts as status 0, not as the end of the run.
      const { status, failed, retryAfter, text } = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
        body,
      }).then(
        async (response) => {
          const text = await response.text();
          return { status: response.status, failed: !response.ok || text.includes('"INTERNAL_SERVER_ERROR"'), retryAfter: Number(response.headers.get("retry-after") ?? 0), text };
        },
        (error: Error) => ({ status: 0, failed: true, retryAfter: 0, text: String(error) }),
      );
      if (failed) firstFailure ??= text.slice(0, 600);
      const ms = performance.now() - t0;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (failed) errors += 1;
      latencies.push(ms);
      if (status === 200) okLatencies.push(ms);
      if (options.honourRetryAfter && (status === 429 || status === 503) && retryAfter > 0) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter * 1000, Math.max(0, deadline - performance.now()))));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  const all = quantiles(latencies);
  const ok = quantiles(okLatencies);
  return { requests: latencies.length, errors, statuses, rps: latencies.length / elapsed, p50: all(0.5), p95: all(0.95), p99: all(0.99), ok: { p50: ok(0.5), p99: ok(0.99) }, ...(firstFailure !== undefined ? { firstFailure } : {}) };
}

/** The q-quantile of `values` (nearest rank; 0 for none). */
function quantiles(values: number[]): (q: number) => number {
  const sorted = [...values].sort((a, b) => a - b);
  return (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Runs A and B alternately (ABBA…), so drift on a noisy machine hits both alike. Returns each side's
 * results summed over the rounds, and the A/B throughput ratio of each round (a round's two runs
 * sit side by side in time, so their ratio is the least disturbed figure; the median of these
 * is the one to quote).
 */
export async function compare(
  rounds: number,
  a: () => Promise<LoadResult>,
  b: () => Promise<LoadResult>,
): Promise<{ a: LoadResult; b: LoadResult; ratios: number[]; medianRatio: number }> {
  const as: LoadResult[] = [];
  const bs: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    // Swap who goes first each round, so what one run leaves behind (garbage, warm caches)
    // doesn't always land on the same side.
    if (round % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  const merge = (results: LoadResult[]): LoadResult => ({
    requests: results.reduce((n, r) => n + r.requests, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    statuses: results.reduce<Record<number, number>>((sum, r) => {
      for (const [status, count] of Object.entries(r.statuses)) sum[Number(status)] = (sum[Number(status)] ?? 0) + count;
      return sum;
    }, {}),
    rps: results.reduce((n, r) => n + r.rps, 0) / results.length,
    p50: median(results.map((r) => r.p50)),
    p95: median(results.map((r) => r.p95)),
    p99: median(results.map((r) => r.p99)),
    ...(results.every((r) => r.cpuPerRequest !== undefined)
      ? { cpuPerRequest: median(results.map((r) => r.cpuPerRequest ?? 0)) }
      : {}),
  });
  const ratios = as.map((r, index) => r.rps / (bs[index]?.rps ?? Number.NaN));
  return { a: merge(as), b: merge(bs), ratios, medianRatio: median(ratios) };
}

/**
 * The verdict lines for a comparison: the throughput ratio (median of rounds, each round's, and
 * the ratio of means) and, when measured, the hub's CPU time per request on each side.
 */
export function ratioLine(what: string, result: { a: LoadResult; b: LoadResult; ratios: number[]; medianRatio: number }, target: string): string {
  const rounds = result.ratios.map((r) => r.toFixed(3)).join(" ");
  const { a, b } = result;
  const cpu =
    a.cpuPerRequest !== undefined && b.cpuPerRequest !== undefined
      ? `hub CPU per request (median of rounds): on ${a.cpuPerRequest.toFixed(2)} ms, off ${b.cpuPerRequest.toFixed(2)} ms, ratio off/on ${(b.cpuPerRequest / a.cpuPerRequest).toFixed(3)}\n`
      : "";
  return (
    `throughput ratio on/off: median of rounds ${result.medianRatio.toFixed(3)} (rounds: ${rounds}; ratio of means ${(a.rps / b.rps).toFixed(3)})\n` +
    cpu +
    `${what} cost ${((1 - result.medianRatio) * 100).toFixed(1)}% of throughput; target ${target}`
  );
}

/** The middle value (for an even count, the mean of the two middle ones). */
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

export function row(label: string, r: LoadResult): string {
  return `${label.padEnd(22)} ${r.rps.toFixed(1).padStart(8)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   (${r.requests} requests, ${r.errors} errors)`;
}
