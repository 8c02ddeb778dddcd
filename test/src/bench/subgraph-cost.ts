import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mintToken } from "@skyddsnat/hub";
import {
  AGENCY_SERVICES,
  type AgencyService,
  databaseUrlOf,
  type DeploymentFile,
  gatewayEnvironment,
  readyServiceStarter,
  seedDeploymentDatabase,
  startAgencies,
  writeDeploymentFiles,
} from "../support/deployment.js";
import type { ServiceProcess } from "../support/service-process.js";
import { clientViewBodies } from "./client-view.js";
import { ensureDatabase } from "./database.js";
import { runLoad } from "./load.js";
import { cpuMs } from "./proc-stats.js";

/**
 * `npm run bench:subgraphs`: what the four agency subgraphs spend per client view — CPU ms from
 * /proc/<pid>/stat of each subgraph process, on PostgreSQL, behind a gateway process — with the
 * population at SEED_SCALE 1 and 10 (each on a database of its own, BENCH_DATABASE_URL + _s1 /
 * _s10), over cp-2001's whole caseload at that scale. With BENCH_BASELINE_ROOT (a checkout of
 * another commit, built, e.g. today's main), its services run on the same databases in rounds
 * alternating with this build's (BENCH_ROUNDS, default 2); the answers of both are checked equal
 * before any figure is printed, and the median ratios this/baseline come last: subgraphs' CPU per
 * view, and the whole hub's client views per second (the gateway process of each build included).
 * BENCH_SECONDS per run (default 8), BENCH_CONNECTIONS (default 4), BENCH_SCALES (default 1,10). BENCH_CPU_PROF=<dir> starts
 * this build's subgraphs with --cpu-prof into that directory. Figures, never assertions.
 */

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench_subgraphs";
const baselineRoot = process.env.BENCH_BASELINE_ROOT;
const profileDir = process.env.BENCH_CPU_PROF;
const SCALES = (process.env.BENCH_SCALES ?? "1,10").split(",").map(Number);

interface Build {
  label: string;
  entry?: string;
  nodeArgs?: string[];
}

interface Run {
  perView: Record<AgencyService, number>;
  total: number;
  requests: number;
  rps: number;
  answers: string[];
}

/** An answer as compared across builds: its errors in a fixed order (the gateway joins them as the subgraphs answer). */
function comparable(text: string): string {
  const body = JSON.parse(text) as { errors?: unknown[] };
  if (body.errors) body.errors = body.errors.map((error) => JSON.stringify(error)).sort();
  return JSON.stringify(body);
}

/** The middle value; of an even count, the mean of the middle two (two rounds: their mean, not the larger). */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** One build's agencies and gateway on `databaseUrl`: the answers to every body once, then a timed load. */
async function measure(build: Build, databaseUrl: string, bodies: string[], token: string, file: (name: DeploymentFile) => string): Promise<Run> {
  const processes: ServiceProcess[] = [];
  const start = readyServiceStarter((service) => processes.push(service), { ...(build.entry ? { entry: build.entry } : {}) });
  const agencyStart = readyServiceStarter((service) => processes.push(service), {
    ...(build.entry ? { entry: build.entry } : {}),
    ...(build.nodeArgs ? { nodeArgs: build.nodeArgs } : {}),
  });
  try {
    const common = { DATABASE_URL: databaseUrl, GATEWAY_JWKS_FILE: file("gateway.jwks.json"), LOG_LEVEL: "silent" };
    const agencies = await startAgencies(agencyStart, common);
    const gateway = await start("gateway", { ...common, ...gatewayEnvironment(file, agencies), RATE_LIMIT_PER_MINUTE: "0", MAX_IN_FLIGHT: "100000" });
    const answers: string[] = [];
    for (const body of bodies) {
      const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
      answers.push(`${response.status} ${comparable(await response.text())}`);
    }
    const warm = await runLoad({ url: gateway.url, token, bodies, durationMs: 1500, concurrency: connections });
    if (warm.errors > 0) throw new Error(`${build.label}: warm-up answered ${JSON.stringify(warm.statuses)}`);
    const cpu = async () => Object.fromEntries(await Promise.all(AGENCY_SERVICES.map(async (name) => [name, await cpuMs(agencies[name].pid)] as const)));
    const before = await cpu();
    const result = await runLoad({ url: gateway.url, token, bodies, durationMs: seconds * 1000, concurrency: connections });
    const after = await cpu();
    if (result.errors > 0) throw new Error(`${build.label}: the load was answered ${JSON.stringify(result.statuses)}`);
    const perView = Object.fromEntries(AGENCY_SERVICES.map((name) => [name, ((after[name] ?? 0) - (before[name] ?? 0)) / Math.max(1, result.requests)])) as Record<AgencyService, number>;
    return { perView, total: sum(Object.values(perView)), requests: result.requests, rps: result.rps, answers };
  } finally {
    // SIGTERM: a profiled process writes its profile on a clean exit.
    await Promise.all(processes.map((service) => service.stop("SIGTERM", 15_000).catch(() => service.kill())));
  }
}

const line = (label: string, scale: number, run: Run) =>
  `scale ${String(scale).padStart(2)} ${label.padEnd(9)} subgraphs' CPU ms per client view ${run.total.toFixed(2).padStart(6)} ` +
  `(${AGENCY_SERVICES.map((name) => `${name} ${run.perView[name].toFixed(2)}`).join(", ")}) | ${run.rps.toFixed(1)} req/s, ${run.requests} requests`;

async function main(): Promise<void> {
  if (!["127.0.0.1", "localhost"].includes(new URL(baseUrl).hostname)) throw new Error("the benchmark's database is on loopback only");
  const keysDir = await mkdtemp(join(tmpdir(), "skyddsnat-bench-subgraphs-"));
  const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
  const builds: Build[] = [
    ...(baselineRoot ? [{ label: "baseline", entry: `${baselineRoot}/infra/hub/dist/cli/start-service.js` }] : []),
    { label: "this", ...(profileDir ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}) },
  ];
  const summary: string[] = [];
  try {
    // One set of keys for every run: the audit chain the gateways share is signed with one key.
    const file = await writeDeploymentFiles(keysDir, "gateway-bench-subgraphs");
    process.stdout.write(
      `client view over cp-2001's caseload; four subgraph processes and a gateway process on PostgreSQL; ${connections} connections, ${seconds} s per run, ${rounds} round(s)${baselineRoot ? `, baseline ${baselineRoot}` : ""}\n`,
    );
    for (const scale of SCALES) {
      const databaseUrl = databaseUrlOf(baseUrl, `${new URL(baseUrl).pathname.slice(1)}_s${scale}`);
      await ensureDatabase(databaseUrl);
      await seedDeploymentDatabase(databaseUrl, { reset: true, scale });
      const bodies = clientViewBodies(scale);
      const runs: Record<string, Run[]> = Object.fromEntries(builds.map((build) => [build.label, []]));
      const lines: string[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
          const run = await measure(build, databaseUrl, bodies, token, file);
          runs[build.label]?.push(run);
          lines.push(line(build.label, scale, run));
        }
      }
      // The same data, the same answers: figures of two builds that disagree would compare nothing.
      const answers = Object.values(runs).map((list) => JSON.stringify(list[0]?.answers));
      if (new Set(answers).size > 1) {
        const [first, second] = Object.values(runs).map((list) => list[0]?.answers ?? []);
        const differing = (first ?? []).flatMap((answer, i) => (answer === second?.[i] ? [] : [i]));
        if (process.env.BENCH_DUMP_DIFFERENCES) await writeFile(process.env.BENCH_DUMP_DIFFERENCES, JSON.stringify({ first, second, differing }));
        throw new Error(`scale ${scale}: the builds' answers differ for clients ${differing.join(", ")}; no figures`);
      }
      process.stdout.write(`${lines.join("\n")}\n`);
      const ours = runs.this ?? [];
      const theirs = runs.baseline ?? [];
      summary.push(
        `scale ${scale}: ${bodies.length} clients, ${ours.length ? median(ours.map((r) => r.total)).toFixed(2) : "-"} ms this` +
          (theirs.length ? ` vs ${median(theirs.map((r) => r.total)).toFixed(2)} ms baseline: median ratio ${median(ours.map((r, i) => r.total / (theirs[i]?.total ?? Number.NaN))).toFixed(2)}` : ""),
      );
      // Issue 17's target 3: the whole hub's client views per second, this build's over the baseline's in the same round.
      if (theirs.length) summary.push(
        `scale ${scale}: whole hub (gateway, guard, audit, four subgraphs) ${median(ours.map((r) => r.rps)).toFixed(1)} vs ${median(theirs.map((r) => r.rps)).toFixed(1)} client views/s: median throughput ratio ${median(ours.map((r, i) => r.rps / (theirs[i]?.rps ?? Number.NaN))).toFixed(2)}`,
      );
    }
    process.stdout.write(`subgraphs' CPU ms per client view (answers checked equal first)\n${summary.join("\n")}\n`);
  } finally {
    await rm(keysDir, { recursive: true, force: true });
  }
}

await main();
