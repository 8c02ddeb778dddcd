import { buildPopulation, mintToken } from "@skyddsnat/hub";
import { HOSTILE_DOCUMENTS } from "../support/hostile-documents.js";
import { CLIENT_VIEW } from "./client-view.js";
import { ensureDatabase } from "./database.js";
import { type BenchHub, spawnHub } from "./spawn-hub.js";

/**
 * `npm run bench:hostile`: the CPU time each refusal of the front door costs the hub (issue 15),
 * against an ordinary client view as the baseline. The hub runs in a process of its own; for each
 * case `BENCH_REPEAT` requests are sent one after another and the hub process's CPU time (user +
 * system, process.cpuUsage over IPC) is divided by their number. Prints figures; asserts nothing
 * about them — the hostile-input suite proves each is refused.
 */
const repeat = Number(process.env.BENCH_REPEAT ?? 20);
const url = process.env.BENCH_DATABASE_URL;
if (url) await ensureDatabase(url);

const population = buildPopulation();
const client = population.scenarios.PROTECTED_REGISTRATION.adult;
const token = await mintToken({ agency: "social-services", role: "SOCIAL_SECRETARY", sub: "ss-1001" });

interface Case {
  name: string;
  body: string;
  token: string | null;
}

const cases: Case[] = [
  { name: "baseline: the client view (answered 200)", body: JSON.stringify({ query: CLIENT_VIEW, variables: { id: client } }), token },
  ...HOSTILE_DOCUMENTS(client).map((hostile) => ({
    name: hostile.name,
    body: JSON.stringify({ query: hostile.query, ...(hostile.variables ? { variables: hostile.variables } : {}) }),
    token,
  })),
  { name: "no token, 490,000-level JSON nesting", body: `${"[".repeat(490_000)}${"]".repeat(490_000)}`, token: null },
  { name: "a batch of 100 operations (array body)", body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: CLIENT_VIEW, variables: { id: client } }))), token },
];

async function send(hub: BenchHub, one: Case): Promise<number> {
  const response = await fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(one.token ? { authorization: `Bearer ${one.token}` } : {}) },
    body: one.body,
  });
  const text = await response.text();
  if (response.status >= 500) throw new Error(`${one.name}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return response.status;
}

const hub = await spawnHub({ seed: true, reset: true, ...(url ? { databaseUrl: url } : {}) });
try {
  for (const one of cases) await send(hub, one); // warm-up: JIT, pools, first plans
  const rows: string[][] = [];
  for (const one of cases) {
    const before = await hub.cpuMicros();
    const started = performance.now();
    let status = 0;
    for (let i = 0; i < repeat; i++) status = await send(hub, one);
    const cpu = (await hub.cpuMicros()) - before;
    const wall = performance.now() - started;
    rows.push([one.name, String(status), (cpu / repeat / 1000).toFixed(2), (wall / repeat).toFixed(2)]);
  }
  const baseline = Number(rows[0]?.[2]);
  process.stdout.write(`\nCPU per request of the hub process (${repeat} requests each; ${url ? "PostgreSQL" : "embedded PGlite"})\n\n`);
  process.stdout.write("| case | status | CPU ms / request | × baseline | wall ms / request |\n|---|---|---|---|---|\n");
  for (const [name, status, cpu, wall] of rows) {
    process.stdout.write(`| ${name} | ${status} | ${cpu} | ${(Number(cpu) / baseline).toFixed(2)} | ${wall} |\n`);
  }
} finally {
  await hub.stop();
}
