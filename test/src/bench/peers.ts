import { isDeepStrictEqual } from "node:util";
import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDevKeys, mintToken, unitOf } from "@skyddsnat/hub";
import { type Actor, PURPOSES_BY_ROLE, SUPERGRAPH_PATH } from "@skyddsnat/schema";
import { type AgencyService, gatewayEnvironment, sqlOn } from "../support/deployment.js";
import type { ServiceProcess } from "../support/service-process.js";
import { withBenchDeployment } from "./bench-deployment.js";
import { ensureDatabase } from "./database.js";
import { clientViewBodies } from "./client-view.js";
import { runLoad } from "./load.js";
import { cpuMs } from "./proc-stats.js";

/**
 * `npm run bench:peers`: the hub's gateway (guard and audit on) beside plain @apollo/gateway and
 * Hive Gateway with the Rust query planner, each a process of its own in front of the SAME four
 * agency processes on PostgreSQL, loaded with the client-view query over contact person cp-2001's
 * caseload. The peers sign the hub's internal token with the hub's key (bench/peers/peer-token.ts)
 * and have no policy layer and no audit.
 *
 * First the same data must come back from every side (see sameData); then rounds, each running
 * every side for BENCH_SECONDS (default 6) at BENCH_CONNECTIONS (default 8), the order rotating
 * from round to round; BENCH_ROUNDS (default 5). Prints per side the medians of rounds: throughput,
 * p50/p99, CPU ms per request of the gateway process and of the four agencies together
 * (/proc/<pid>/stat); last the median over rounds of each side's gateway CPU per request divided
 * by plain @apollo/gateway's in the same round. BENCH_PEERS_HIVE_JS=1 adds Hive with its JS
 * planner; BENCH_PEERS_CPU_PROF=<dir> runs the hub's gateway under `node --cpu-prof` into <dir>;
 * BENCH_BASELINE_ROOT=<built checkout>[,<another>…] adds each checkout's gateway as a side of its own
 * (same environment and agencies; an audit database of its own, so no gateway's checkpointer reads
 * the others' records), so a change is measured against its base in one run.
 * Figures, never assertions; loopback only; every process ends with the script.
 */

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench_peers";
const cpuProfileDir = process.env.BENCH_PEERS_CPU_PROF;
const baselineRoots = (process.env.BENCH_BASELINE_ROOT ?? "").split(",").filter((root) => root !== "");
const peerEntry = (file: string) => fileURLToPath(new URL(`./peers/${file}`, import.meta.url));

interface Side {
  label: string;
  process: ServiceProcess;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
  gatewayCpu: number;
  agenciesCpu: number;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** The supergraph with every subgraph's URL where this run's processes listen (the audit subgraph is never called by the client view). */
function supergraphFor(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_all, name: string) => `@join__graph(name: "${name}", url: "${urls[name] ?? urls["social-services"]}")`);
}

/** cp-2001 as the hub's gateway verifies her token (mintToken's claims, her directory unit). */
async function benchActor(): Promise<Actor> {
  const { issuers } = await ensureDevKeys();
  const issuer = issuers.find((entry) => entry.agency === "social-services")?.issuer;
  if (!issuer) throw new Error("no dev issuer for social services");
  const unit = unitOf("cp-2001");
  return {
    staffId: "cp-2001",
    agency: "social-services",
    role: "CONTACT_PERSON",
    purpose: PURPOSES_BY_ROLE.CONTACT_PERSON[0] as Actor["purpose"],
    issuer,
    ...(unit ? { unit } : {}),
  } as Actor;
}

interface Answer {
  data?: unknown;
  errors?: { path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function ask(url: string, token: string, body: string): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Answer;
}

/**
 * Where `peer` differs from `hub`, compared on what the hub's gateway allows: a value the hub
 * answers null with an error at that path (its guard withholding a field the peers, without the
 * policy layer, pass on) is not compared; everything else must be equal. Extensions (the guard's
 * withheld-field notes, the audit reference) are not data and are not compared.
 */
function differences(hub: unknown, peer: unknown, withheld: Set<string>, path: (string | number)[] = []): { diff: string[]; skipped: number } {
  if (isDeepStrictEqual(hub, peer)) return { diff: [], skipped: 0 };
  if (hub === null && withheld.has(path.join("."))) return { diff: [], skipped: 1 };
  if (typeof hub !== "object" || hub === null || typeof peer !== "object" || peer === null || Array.isArray(hub) !== Array.isArray(peer)) {
    return { diff: [path.join(".") || "(root)"], skipped: 0 };
  }
  const keys = new Set([...Object.keys(hub), ...Object.keys(peer)]);
  let skipped = 0;
  const diff: string[] = [];
  for (const key of keys) {
    const step = Array.isArray(hub) ? Number(key) : key;
    const inner = differences((hub as Record<string, unknown>)[key], (peer as Record<string, unknown>)[key], withheld, [...path, step]);
    diff.push(...inner.diff);
    skipped += inner.skipped;
  }
  return { diff, skipped };
}

const errorKey = (error: NonNullable<Answer["errors"]>[number]) => `${(error.path ?? []).join(".")} ${error.extensions?.code ?? ""}`;

/** Every client of the caseload asked of every side: the peers' data must be the hub's allowed data. Throws otherwise. */
async function sameData(sides: Side[], token: string, bodies: string[]): Promise<string> {
  const [hub, ...peers] = sides as [Side, ...Side[]];
  let withheldFields = 0;
  let hubErrors = 0;
  for (const body of bodies) {
    const reference = await ask(hub.process.url, token, body);
    if (reference.data === undefined || reference.data === null) throw new Error(`the hub answered no data: ${JSON.stringify(reference.errors)}`);
    hubErrors += reference.errors?.length ?? 0;
    const withheld = new Set((reference.errors ?? []).map((error) => (error.path ?? []).join(".")));
    const hubErrorKeys = new Set((reference.errors ?? []).map(errorKey));
    for (const peer of peers) {
      const answer = await ask(peer.process.url, token, body).catch((error: Error) => {
        throw new Error(`${peer.label}: ${error.message}\n${peer.process.output().slice(-4000)}`);
      });
      const { diff, skipped } = differences(reference.data, answer.data, withheld);
      if (diff.length > 0) throw new Error(`${peer.label} answered other data than the hub at ${diff.slice(0, 5).join(", ")} (${JSON.parse(body).variables.id})`);
      // The agencies withhold fields themselves, with an error at the field: a peer passes the
      // same errors on; the hub may answer more (its guard's).
      const unexplained = (answer.errors ?? []).filter((error) => !hubErrorKeys.has(errorKey(error)));
      if (unexplained.length > 0) throw new Error(`${peer.label} answered errors the hub did not: ${JSON.stringify(unexplained.map(errorKey))}`);
      if (peer === peers[0]) withheldFields += skipped;
    }
  }
  return (
    `same data from every side for all ${bodies.length} clients, compared on what the hub allows: ${hubErrors} fields withheld by the hub (the agencies' own ` +
    `enforcement withholds them from the peers too, with the same errors), ${withheldFields} values only the hub's guard withheld left out`
  );
}

async function measure(side: Side, agencyPids: number[], token: string, bodies: string[]): Promise<Run> {
  const agencies = async () => sum(await Promise.all(agencyPids.map(cpuMs)));
  // A second of load first, not counted: after the other sides' runs, a gateway's idle keep-alive
  // connections may have been closed by the agencies (Apollo's default fetcher then answers
  // "socket hang up" once per stale socket), and the run should measure the steady state.
  await runLoad({ url: side.process.url, token, bodies, durationMs: 1000, concurrency: connections });
  const before = { gateway: await cpuMs(side.process.pid), agencies: await agencies() };
  const result = await runLoad({ url: side.process.url, token, bodies, durationMs: seconds * 1000, concurrency: connections });
  const gatewayCpu = (await cpuMs(side.process.pid)) - before.gateway;
  const agenciesCpu = (await agencies()) - before.agencies;
  // Apollo's default fetcher may still reuse a keep-alive socket an agency has just closed
  // ("socket hang up"): counted and shown, but more than 1% would make the figures meaningless.
  if (result.errors > result.requests / 100) throw new Error(`${side.label}: ${result.errors} of ${result.requests} answers failed (${JSON.stringify(result.statuses)}), the first: ${result.firstFailure}`);
  const perRequest = (total: number) => total / Math.max(1, result.requests);
  return { rps: result.rps, p50: result.p50, p99: result.p99, requests: result.requests, failed: result.errors, gatewayCpu: perRequest(gatewayCpu), agenciesCpu: perRequest(agenciesCpu) };
}

/** A database beside the bench's own for a baseline gateway's audit chain, emptied; the gateway migrates it. */
async function emptyAuditDatabase(index: number): Promise<string> {
  const url = new URL(databaseUrl);
  url.pathname = `${url.pathname}_audit${index + 1}`;
  await ensureDatabase(url.toString());
  await sqlOn(url.toString(), "DROP SCHEMA IF EXISTS audit CASCADE");
  return url.toString();
}

async function main(): Promise<void> {
  await withBenchDeployment(databaseUrl, "gateway-bench-peers", async ({ start, dir, file, common, agencies }) => {
    const urls = Object.fromEntries((Object.keys(agencies) as AgencyService[]).map((name) => [name, agencies[name].url]));
    const supergraphFile = join(dir, "supergraph.graphql");
    await writeFile(supergraphFile, supergraphFor(await readFile(SUPERGRAPH_PATH, "utf8"), urls));
    // Apollo's usage metrics (an export every minute, to the Internet) are off in every Apollo-based side alike.
    const peerEnv = { APOLLO_TELEMETRY_DISABLED: "true", PEER_SUPERGRAPH_FILE: supergraphFile, PEER_PRIVATE_JWK_FILE: file("gateway.private.jwk.json"), PEER_ACTOR: JSON.stringify(await benchActor()) };
    const profile = cpuProfileDir ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] } : undefined;
    const hubEnv = { ...common, ...gatewayEnvironment(file, agencies), RATE_LIMIT_PER_MINUTE: "0", MAX_IN_FLIGHT: "100000" };
    const sides: Side[] = [
      { label: "Skyddsnät gateway (guard+audit)", process: await start("gateway", hubEnv, undefined, profile) },
      ...(await Promise.all(
        baselineRoots.map(async (root, index) => ({
          label: `Skyddsnät, ${basename(root)}`,
          process: await start("gateway", { ...hubEnv, AUDIT_DATABASE_URL: await emptyAuditDatabase(index) }, undefined, { entry: `${root}/infra/hub/dist/cli/start-service.js` }),
        })),
      )),
      { label: "plain @apollo/gateway", process: await start("apollo-peer", peerEnv, undefined, { entry: peerEntry("apollo-peer.js") }) },
      { label: "Hive Gateway + Rust planner", process: await start("hive-peer", { ...peerEnv, PEER_PLANNER: "rust" }, undefined, { entry: peerEntry("hive-peer.js") }) },
      ...(process.env.BENCH_PEERS_HIVE_JS === "1"
        ? [{ label: "Hive Gateway, JS planner", process: await start("hive-js-peer", { ...peerEnv, PEER_PLANNER: "js" }, undefined, { entry: peerEntry("hive-peer.js") }) }]
        : []),
    ];
    const baseline = sides.find((side) => side.label === "plain @apollo/gateway") as Side;
    const agencyPids = (Object.keys(agencies) as AgencyService[]).map((name) => agencies[name].pid);
    const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
    const bodies = clientViewBodies();

    process.stdout.write(`${await sameData(sides, token, bodies)}\n`);
    process.stdout.write(
      `client-view query over ${bodies.length} clients of cp-2001; ${connections} connections; ${rounds} rounds of ${seconds} s per side, order rotating; every gateway and agency a process of its own on PostgreSQL; loopback; Node ${process.version}\n`,
    );
    // Warm-up: plans, pools, JIT.
    for (const side of sides) await runLoad({ url: side.process.url, token, bodies, durationMs: 2000, concurrency: connections });

    const runs = new Map<Side, Run[]>(sides.map((side) => [side, []]));
    for (let round = 0; round < rounds; round++) {
      const order = sides.map((_, index) => sides[(index + round) % sides.length] as Side);
      for (const side of order) runs.get(side)?.push(await measure(side, agencyPids, token, bodies));
    }

    const baseRuns = runs.get(baseline) ?? [];
    for (const side of sides) {
      const own = runs.get(side) ?? [];
      const of = (pick: (run: Run) => number) => median(own.map(pick));
      process.stdout.write(
        `${side.label.padEnd(32)} ${of((r) => r.rps).toFixed(1).padStart(7)} req/s | p50 ${of((r) => r.p50).toFixed(1).padStart(6)} ms p99 ${of((r) => r.p99).toFixed(1).padStart(6)} ms | ` +
          `CPU ms per request: gateway ${of((r) => r.gatewayCpu).toFixed(2).padStart(5)}, agencies together ${of((r) => r.agenciesCpu).toFixed(2).padStart(5)} | ${sum(own.map((r) => r.requests))} requests, ${sum(own.map((r) => r.failed))} failed\n`,
      );
    }
    process.stdout.write("median of rounds, against plain @apollo/gateway in the same round (gateway CPU per request; throughput):\n");
    for (const side of sides) {
      const own = runs.get(side) ?? [];
      const cpu = own.map((run, index) => run.gatewayCpu / (baseRuns[index]?.gatewayCpu ?? Number.NaN));
      const rps = own.map((run, index) => run.rps / (baseRuns[index]?.rps ?? Number.NaN));
      process.stdout.write(
        `  ${side.label.padEnd(32)} gateway CPU ${median(cpu).toFixed(2)}× (rounds ${cpu.map((r) => r.toFixed(2)).join(" ")}); throughput ${median(rps).toFixed(2)}×\n`,
      );
    }
  });
}

await main();
