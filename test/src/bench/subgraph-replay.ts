import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { Agent, createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mintToken } from "@skyddsnat/hub";
import { INTERNAL_TOKEN_HEADER, type InternalClaims, signInternalToken } from "@skyddsnat/schema";
import type { JWK } from "jose";
import {
  AGENCY_SERVICES,
  type AgencyService,
  databaseUrlOf,
  gatewayEnvironment,
  readyServiceStarter,
  seedDeploymentDatabase,
  startAgencies,
  writeDeploymentFiles,
} from "../support/deployment.js";
import type { ServiceProcess } from "../support/service-process.js";
import { clientViewBodies } from "./client-view.js";
import { ensureDatabase } from "./database.js";
import { cpuMs } from "./proc-stats.js";

/**
 * `npm run bench:replay`: each subgraph's own CPU per request, with nothing else on the machine's
 * two cores but the subgraph, PostgreSQL and this process. bench:subgraphs measures the subgraphs
 * behind a gateway, where they share the cores with it and with each other, and where a
 * subgraph's CPU per request roughly doubles with the load.
 *
 * How it runs:
 * 1. The four agencies run as processes of their own on PostgreSQL (BENCH_DATABASE_URL, seeded at
 *    scale 1). A gateway process runs in front of them, through a recording proxy per agency.
 * 2. The gateway answers cp-2001's client view of every client in her caseload once. The proxy
 *    records each GraphQL fetch the gateway makes.
 * 3. The gateway stops. Each agency in turn gets its recorded fetches replayed straight at it, for
 *    BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 4) at a time, after a second of warm-up.
 *
 * Every replayed fetch carries an internal token newly signed with the gateway's key for that one
 * request (a fresh request id, the recorded claims and audience: an agency that asks social
 * services for policy facts forwards the token, so it must name the facts audience too), as the
 * gateway signs one per request. Every answer must be a 200. Printed: fetches per client view, CPU
 * ms per fetch and per client view (/proc/<pid>/stat). BENCH_AGENCIES picks agencies (comma-separated); BENCH_CPU_PROF=<dir>
 * profiles them; BENCH_HUB_ROOT=<a built checkout> runs that build's services instead (for the
 * figure before a change).
 *
 * BENCH_BASELINE_ROOT=<a built checkout> runs that build's four agencies beside this build's, on the
 * same database: each recorded fetch must get the same answer from both first; then BENCH_ROUNDS
 * (default 6) rounds of BENCH_SECONDS (default 2 here) per agency and build, the order alternating
 * (ABBA), and per round the ratio of this build's CPU per client view (all four) to the baseline's.
 * A round's two runs sit side by side in time, so the median of those ratios holds on a machine whose
 * speed wanders from minute to minute, where two runs one after the other do not.
 * Figures, never assertions.
 */

const baselineRoot = process.env.BENCH_BASELINE_ROOT;
const seconds = Number(process.env.BENCH_SECONDS ?? (baselineRoot ? 2 : 5));
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench_replay";
const profileDir = process.env.BENCH_CPU_PROF;
const hubRoot = process.env.BENCH_HUB_ROOT;
const chosen = (process.env.BENCH_AGENCIES?.split(",") ?? [...AGENCY_SERVICES]) as AgencyService[];

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

interface Fetch {
  path: string;
  headers: Record<string, string>;
  body: string;
  claims: InternalClaims;
  /** The audience the gateway's token named: the agency's own, and social services' facts where it asks for them. */
  audience: string | string[];
}

/** A proxy in front of `target` that records every GraphQL request passing through it. */
async function recordingProxy(target: URL, recorded: Fetch[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      const token = headers[INTERNAL_TOKEN_HEADER];
      if (req.url?.startsWith("/graphql") && token) {
        const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { act: InternalClaims["actor"]; egr: string[]; aud: string | string[] };
        recorded.push({ path: req.url, headers, body: body.toString(), claims: { actor: payload.act, requestId: "", emergencyGrants: payload.egr }, audience: payload.aud });
      }
      const forwarded = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forwarded.on("error", () => res.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the proxy has no port");
  return { url: `http://127.0.0.1:${address.port}/graphql`, server };
}

/** Sends one fetch to `target` with a token signed for it now; resolves when the whole answer is in. */
function replay(target: URL, agent: Agent, fetch: Fetch, token: string): Promise<void> {
  const { "content-length": _length, ...recorded } = fetch.headers;
  const headers = { ...recorded, [INTERNAL_TOKEN_HEADER]: token, host: target.host };
  return new Promise((resolve, reject) => {
    const sent = request({ agent, host: target.hostname, port: target.port, path: fetch.path, method: "POST", headers }, (answer) => {
      answer.resume();
      answer.on("end", () => (answer.statusCode === 200 ? resolve() : reject(new Error(`answered ${answer.statusCode}`))));
    });
    sent.on("error", reject);
    sent.end(fetch.body);
  });
}

async function main(): Promise<void> {
  if (!["127.0.0.1", "localhost"].includes(new URL(baseUrl).hostname)) throw new Error("the benchmark's database is on loopback only");
  const databaseUrl = databaseUrlOf(baseUrl, `${new URL(baseUrl).pathname.slice(1)}_s1`);
  await ensureDatabase(databaseUrl);
  await seedDeploymentDatabase(databaseUrl, { reset: true, scale: 1 });
  const keysDir = await mkdtemp(join(tmpdir(), "skyddsnat-bench-replay-"));
  const processes: ServiceProcess[] = [];
  const proxies: Server[] = [];
  try {
    const file = await writeDeploymentFiles(keysDir, "gateway-bench-replay");
    const key = JSON.parse(await readFile(file("gateway.private.jwk.json"), "utf8")) as JWK & { kid: string };
    const entry = hubRoot ? { entry: `${hubRoot}/infra/hub/dist/cli/start-service.js` } : {};
    const start = readyServiceStarter((service) => processes.push(service), entry);
    const startAgency = readyServiceStarter((service) => processes.push(service), {
      ...entry,
      ...(profileDir ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}),
    });
    const common = { DATABASE_URL: databaseUrl, GATEWAY_JWKS_FILE: file("gateway.jwks.json"), LOG_LEVEL: "silent" };
    const agencies = await startAgencies(startAgency, common);
    const baseline = baselineRoot
      ? await startAgencies(readyServiceStarter((service) => processes.push(service), { entry: `${baselineRoot}/infra/hub/dist/cli/start-service.js` }), common)
      : undefined;

    const recorded = Object.fromEntries(AGENCY_SERVICES.map((name) => [name, [] as Fetch[]])) as Record<AgencyService, Fetch[]>;
    const proxyUrls: Partial<Record<AgencyService, string>> = {};
    for (const name of AGENCY_SERVICES) {
      const proxy = await recordingProxy(new URL(agencies[name].url), recorded[name]);
      proxies.push(proxy.server);
      proxyUrls[name] = proxy.url;
    }
    const gateway = await start("gateway", {
      ...common,
      ...gatewayEnvironment(file, agencies),
      SOCIAL_SERVICES_URL: proxyUrls["social-services"] as string,
      HOUSING_URL: proxyUrls.housing as string,
      POLICE_LIAISON_URL: proxyUrls["police-liaison"] as string,
      CHILD_SERVICES_URL: proxyUrls["child-services"] as string,
      RATE_LIMIT_PER_MINUTE: "0",
    });
    const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
    const bodies = clientViewBodies(1);
    for (const body of bodies) {
      const answer = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
      if (answer.status !== 200) throw new Error(`the gateway answered a client view with ${answer.status}`);
      await answer.text();
    }
    await gateway.stop("SIGTERM", 15_000);

    process.stdout.write(
      `the gateway's fetches for cp-2001's ${bodies.length} client views, replayed at each agency alone; ${connections} connections, ${seconds} s${hubRoot ? `; services of ${hubRoot}` : ""}\n`,
    );
    const agents: Agent[] = [];
    const load = (name: AgencyService, agency: ServiceProcess) => {
      const fetches = recorded[name];
      const target = new URL(agency.url);
      const agent = new Agent({ keepAlive: true, maxSockets: connections });
      agents.push(agent);
      const run = async (durationMs: number) => {
        let sent = 0;
        let next = 0;
        const end = Date.now() + durationMs;
        await Promise.all(
          Array.from({ length: connections }, async () => {
            while (Date.now() < end) {
              const chosenFetch = fetches[next++ % fetches.length] as Fetch;
              const signed = await signInternalToken({ ...chosenFetch.claims, requestId: randomUUID() }, { privateKey: key, kid: key.kid }, chosenFetch.audience);
              await replay(target, agent, chosenFetch, signed);
              sent += 1;
            }
          }),
        );
        return sent;
      };
      /** CPU ms per fetch of `agency` over a run of `ms` (after a second of warm-up on its first). */
      return async (ms: number) => {
        const before = await cpuMs(agency.pid);
        const sent = await run(ms);
        return { sent, perFetch: ((await cpuMs(agency.pid)) - before) / Math.max(1, sent) };
      };
    };
    const present = chosen.filter((name) => recorded[name].length > 0);
    const perView = (name: AgencyService) => recorded[name].length / bodies.length;

    if (!baseline) {
      for (const name of present) {
        const measure = load(name, agencies[name]);
        await measure(1000);
        const { sent, perFetch } = await measure(seconds * 1000);
        process.stdout.write(
          `${name.padEnd(16)} ${perView(name).toFixed(2)} fetches per view | ${sent} replayed | CPU ms per fetch ${perFetch.toFixed(3)}, per client view ${(perFetch * perView(name)).toFixed(3)}\n`,
        );
      }
      for (const agent of agents) agent.destroy();
      return;
    }

    // The same answer from both builds to every recorded fetch, before any figure (after a warm-up:
    // an agency that has not yet read its policy facts withholds what it cannot decide).
    const sides = present.map((name) => ({ name, mine: load(name, agencies[name]), theirs: load(name, baseline[name]) }));
    for (const side of sides) await Promise.all([side.mine(1000), side.theirs(1000)]);
    for (const name of present) {
      for (const fetch of recorded[name]) {
        const answers = await Promise.all(
          [agencies[name], baseline[name]].map(async (agency) => {
            const signed = await signInternalToken({ ...fetch.claims, requestId: randomUUID() }, { privateKey: key, kid: key.kid }, fetch.audience);
            const { "content-length": _length, ...headers } = fetch.headers;
            const answer = await globalThis.fetch(agency.url, { method: "POST", headers: { ...headers, [INTERNAL_TOKEN_HEADER]: signed }, body: fetch.body });
            return JSON.parse(await answer.text()) as unknown;
          }),
        );
        if (!isDeepStrictEqual(answers[0], answers[1])) {
          if (process.env.BENCH_DUMP_DIFFERENCES) await writeFile(process.env.BENCH_DUMP_DIFFERENCES, JSON.stringify({ fetch: fetch.body, answers }));
          throw new Error(`${name} answers a recorded fetch differently from the baseline's`);
        }
      }
    }
    process.stdout.write(`every recorded fetch answered the same by both builds; baseline ${baselineRoot}\n`);
    const ratios: number[] = [];
    const totals = { mine: [] as number[], theirs: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      let mine = 0;
      let theirs = 0;
      const cells: string[] = [];
      for (const side of sides) {
        const order = round % 2 === 0 ? [side.mine, side.theirs] : [side.theirs, side.mine];
        const first = await (order[0] as typeof side.mine)(seconds * 1000);
        const second = await (order[1] as typeof side.mine)(seconds * 1000);
        const [a, b] = round % 2 === 0 ? [first, second] : [second, first];
        mine += a.perFetch * perView(side.name);
        theirs += b.perFetch * perView(side.name);
        cells.push(`${side.name} ${(a.perFetch * perView(side.name)).toFixed(2)}/${(b.perFetch * perView(side.name)).toFixed(2)}`);
      }
      ratios.push(mine / theirs);
      totals.mine.push(mine);
      totals.theirs.push(theirs);
      process.stdout.write(`round ${round + 1}: CPU ms per client view this/baseline ${cells.join(", ")} | all ${mine.toFixed(2)}/${theirs.toFixed(2)} = ${(mine / theirs).toFixed(2)}\n`);
    }
    process.stdout.write(
      `CPU ms per client view, medians of rounds: this ${median(totals.mine).toFixed(2)}, baseline ${median(totals.theirs).toFixed(2)}; median ratio ${median(ratios).toFixed(2)} (rounds ${ratios.map((r) => r.toFixed(2)).join(" ")})\n`,
    );
    for (const agent of agents) agent.destroy();
  } finally {
    for (const proxy of proxies) proxy.close();
    // SIGTERM: a profiled process writes its profile on a clean exit.
    await Promise.all(processes.map((service) => service.stop("SIGTERM", 15_000).catch(() => service.kill())));
    await rm(keysDir, { recursive: true, force: true });
  }
}

await main();
