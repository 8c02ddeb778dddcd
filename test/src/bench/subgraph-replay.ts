import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { Agent, createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mintToken } from "@skyddsnat/hub";
import { INTERNAL_TOKEN_HEADER, type InternalClaims, signInternalToken, subgraphAudience } from "@skyddsnat/schema";
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
 * request (a fresh request id, the recorded claims), as the gateway signs one per request. Every
 * answer must be a 200. Printed: fetches per client view, CPU ms per fetch and per client view
 * (/proc/<pid>/stat). BENCH_AGENCIES picks agencies (comma-separated); BENCH_CPU_PROF=<dir>
 * profiles them; BENCH_HUB_ROOT=<a built checkout> runs that build's services instead (for the
 * figure before a change). Figures, never assertions.
 */

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench_replay";
const profileDir = process.env.BENCH_CPU_PROF;
const hubRoot = process.env.BENCH_HUB_ROOT;
const chosen = (process.env.BENCH_AGENCIES?.split(",") ?? [...AGENCY_SERVICES]) as AgencyService[];

interface Fetch {
  path: string;
  headers: Record<string, string>;
  body: string;
  claims: InternalClaims;
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
        const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { act: InternalClaims["actor"]; egr: string[] };
        recorded.push({ path: req.url, headers, body: body.toString(), claims: { actor: payload.act, requestId: "", emergencyGrants: payload.egr } });
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
    for (const name of chosen) {
      const fetches = recorded[name];
      if (fetches.length === 0) continue;
      const target = new URL(agencies[name].url);
      const agent = new Agent({ keepAlive: true, maxSockets: connections });
      const run = async (durationMs: number) => {
        let sent = 0;
        let next = 0;
        const end = Date.now() + durationMs;
        await Promise.all(
          Array.from({ length: connections }, async () => {
            while (Date.now() < end) {
              const chosenFetch = fetches[next++ % fetches.length] as Fetch;
              const signed = await signInternalToken({ ...chosenFetch.claims, requestId: randomUUID() }, { privateKey: key, kid: key.kid }, subgraphAudience(name));
              await replay(target, agent, chosenFetch, signed);
              sent += 1;
            }
          }),
        );
        return sent;
      };
      await run(1000);
      const before = await cpuMs(agencies[name].pid);
      const sent = await run(seconds * 1000);
      const perFetch = ((await cpuMs(agencies[name].pid)) - before) / Math.max(1, sent);
      const perView = fetches.length / bodies.length;
      agent.destroy();
      process.stdout.write(
        `${name.padEnd(16)} ${perView.toFixed(2)} fetches per view | ${sent} replayed | CPU ms per fetch ${perFetch.toFixed(3)}, per client view ${(perFetch * perView).toFixed(3)}\n`,
      );
    }
  } finally {
    for (const proxy of proxies) proxy.close();
    // SIGTERM: a profiled process writes its profile on a clean exit.
    await Promise.all(processes.map((service) => service.stop("SIGTERM", 15_000).catch(() => service.kill())));
    await rm(keysDir, { recursive: true, force: true });
  }
}

await main();
