/** A bounded closed-loop load on loopback: `concurrency` clients, each sending back to back, for `durationMs`. */
export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function runLoad(options: {
  url: string;
  token: string;
  /** Request bodies, sent in rotation. */
  bodies: string[];
  durationMs: number;
  concurrency: number;
}): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(options.url)) throw new Error("load goes to loopback only");
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  let next = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const body = options.bodies[next++ % options.bodies.length];
      const t0 = performance.now();
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
        body,
      });
      const text = await response.text();
      if (!response.ok || text.includes('"INTERNAL_SERVER_ERROR"')) errors += 1;
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, errors, rps: latencies.length / elapsed, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Runs A and B alternately, so drift on a noisy machine hits both alike; sums per side. */
export async function compare(
  rounds: number,
  a: () => Promise<LoadResult>,
  b: () => Promise<LoadResult>,
): Promise<{ a: LoadResult; b: LoadResult }> {
  const as: LoadResult[] = [];
  const bs: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    as.push(await a());
    bs.push(await b());
  }
  const merge = (results: LoadResult[]): LoadResult => ({
    requests: results.reduce((n, r) => n + r.requests, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    rps: results.reduce((n, r) => n + r.rps, 0) / results.length,
    p50: median(results.map((r) => r.p50)),
    p95: median(results.map((r) => r.p95)),
    p99: median(results.map((r) => r.p99)),
  });
  return { a: merge(as), b: merge(bs) };
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;

export function row(label: string, r: LoadResult): string {
  return `${label.padEnd(22)} ${r.rps.toFixed(1).padStart(8)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   (${r.requests} requests, ${r.errors} errors)`;
}
