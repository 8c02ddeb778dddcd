import { setPriority } from "node:os";
import { mintToken } from "@skyddsnat/hub";
import { type AgencyService, gatewayEnvironment } from "../support/deployment.js";
import { withBenchDeployment } from "./bench-deployment.js";
import { clientViewBodies } from "./client-view.js";
import { type LoadResult, runLoad } from "./load.js";
import { cpuMs, rssBytes, sampler } from "./proc-stats.js";

/**
 * `npm run bench:load`: the hub as a deployment runs it — every service a process of its own
 * (infra/hub's start-service), on PostgreSQL — under 8, 32 and 200 connections of the client-view
 * query, with the gateway's cap MAX_IN_FLIGHT (BENCH_MAX_IN_FLIGHT, default 16) and the per-caller
 * limit off; 200 connections again without a cap, so the two 200 rows side by side show what the
 * cap does; and 32 connections of one caller over RATE_LIMIT_PER_MINUTE=120 (the 429 path).
 * Each run lasts BENCH_SECONDS (default 6) on a fresh gateway process; the agencies stay up.
 * Prints throughput, p50/p99 of all answers and of the 200s, answers by status, CPU per request
 * of the gateway, of the four agencies together (/proc/<pid>/stat) and of the load generator
 * itself (it shares the machine), and the gateway's RSS
 * (start/max/end). Figures, never assertions. Loopback only; every process ends with the script.
 */

interface Scenario {
  label: string;
  connections: number;
  env: Record<string, string>;
  /** Clients wait as Retry-After says before sending again (the default); false: they retry at once. */
  honourRetryAfter?: boolean;
}

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const cap = process.env.BENCH_MAX_IN_FLIGHT ?? "16";
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench_loadbench";
const UNLIMITED = { RATE_LIMIT_PER_MINUTE: "0" };
const SCENARIOS: Scenario[] = [
  { label: "8 connections", connections: 8, env: { ...UNLIMITED, MAX_IN_FLIGHT: cap } },
  { label: "32 connections", connections: 32, env: { ...UNLIMITED, MAX_IN_FLIGHT: cap } },
  { label: "200 connections", connections: 200, env: { ...UNLIMITED, MAX_IN_FLIGHT: cap } },
  // The settings allow no 0; a cap no run reaches is no cap.
  { label: "200, no cap", connections: 200, env: { ...UNLIMITED, MAX_IN_FLIGHT: "100000" } },
  // Clients that ignore Retry-After and retry at once: the flood a shed request invites.
  { label: "200, retrying at once", connections: 200, env: { ...UNLIMITED, MAX_IN_FLIGHT: cap }, honourRetryAfter: false },
  { label: "32, one caller 120/min", connections: 32, env: { RATE_LIMIT_PER_MINUTE: "120", MAX_IN_FLIGHT: cap } },
];

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);
const mb = (bytes: number) => Math.round(bytes / 1e6);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function line(scenario: Scenario, result: LoadResult, cpu: { gateway: number; agencies: number; client: number }, rss: number[]): string {
  const { 200: ok = 0, 429: limited = 0, 503: shed = 0 } = result.statuses;
  const other = result.requests - ok - limited - shed;
  const perRequest = (total: number) => (total / Math.max(1, result.requests)).toFixed(2);
  const perAnswer = (total: number) => (total / Math.max(1, ok)).toFixed(2);
  return (
    `${scenario.label.padEnd(24)} ${result.rps.toFixed(1).padStart(7)} req/s | all p50 ${ms(result.p50).padStart(6)} p99 ${ms(result.p99).padStart(6)} | ` +
    `200s p50 ${ms(result.ok?.p50 ?? 0).padStart(6)} p99 ${ms(result.ok?.p99 ?? 0).padStart(6)} | 200/429/503/other ${ok}/${limited}/${shed}/${other} | ` +
    `CPU ms per request gateway ${perRequest(cpu.gateway)} agencies ${perRequest(cpu.agencies)} (per 200: ${perAnswer(cpu.gateway)} / ${perAnswer(cpu.agencies)}) load generator ${perRequest(cpu.client)} | ` +
    `gateway RSS MB ${mb(rss[0] ?? 0)}/${mb(Math.max(...rss))}/${mb(rss.at(-1) ?? 0)}`
  );
}

async function main(): Promise<void> {
  await withBenchDeployment(databaseUrl, "gateway-bench-load", async ({ start, file, common, agencies }) => {
    const gatewayEnv = { ...common, ...gatewayEnvironment(file, agencies) };
    const agencyPids = (Object.keys(agencies) as AgencyService[]).map((name) => agencies[name].pid);
    // In a deployment the gateway has cores of its own; on one small machine the agencies and
    // PostgreSQL take them from it, and then even a 503 waits for CPU. BENCH_GATEWAY_FIRST=1 (the
    // default) lowers the agencies' priority so the gateway gets the CPU it would have; 0 measures
    // them as equals. PostgreSQL is the machine's own service and keeps its priority.
    const gatewayFirst = (process.env.BENCH_GATEWAY_FIRST ?? "1") === "1";
    if (gatewayFirst) for (const pid of agencyPids) if (pid) setPriority(pid, 15);
    const agenciesCpu = async () => sum(await Promise.all(agencyPids.map(cpuMs)));

    const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
    const bodies = clientViewBodies();
    process.stdout.write(
      `client-view query over ${bodies.length} clients; every service a process of its own on PostgreSQL; ${seconds} s per run; MAX_IN_FLIGHT ${cap}; ${gatewayFirst ? "agencies at lower CPU priority than the gateway (BENCH_GATEWAY_FIRST=0: equals)" : "gateway and agencies at equal priority"}; loopback\n`,
    );
    for (const scenario of SCENARIOS) {
      const gateway = await start("gateway", { ...gatewayEnv, ...scenario.env });
      try {
        const url = gateway.url;
        // Warm-up (plans, pools, JIT), and a check that the query is answered at all: figures of
        // 400s would measure nothing.
        const warm = await runLoad({ url, token, bodies, durationMs: 1000, concurrency: 4 });
        if (warm.errors > 0) throw new Error(`warm-up answered ${JSON.stringify(warm.statuses)}: is the client-view query still valid for the schema?`);
        const before = { gateway: await cpuMs(gateway.pid), agencies: await agenciesCpu(), client: process.cpuUsage() };
        const rss = sampler(() => rssBytes(gateway.pid), 250);
        const result = await runLoad({ url, token, bodies, durationMs: seconds * 1000, concurrency: scenario.connections, honourRetryAfter: scenario.honourRetryAfter ?? true });
        const samples = await rss.stop();
        const client = process.cpuUsage(before.client);
        // The load generator shares the machine: its CPU is what the hub did not get.
        const cpu = { gateway: (await cpuMs(gateway.pid)) - before.gateway, agencies: (await agenciesCpu()) - before.agencies, client: (client.user + client.system) / 1000 };
        process.stdout.write(`${line(scenario, result, cpu, samples)}\n`);
      } finally {
        await gateway.stop("SIGTERM", 15_000).catch(() => gateway.kill());
      }
    }
  });
}

await main();
