import { mintToken } from "@skyddsnat/hub";
import { clientViewBodies } from "./client-view.js";
import { ensureDatabase } from "./database.js";
import { compare, ratioLine, row, runLoadOn } from "./load.js";
import { type BenchHub, spawnHub } from "./spawn-hub.js";

/**
 * `npm run bench:policy`: what the field-level policy costs. Two hubs with the same seed, each in
 * a process of its own — one enforcing (subgraphs and gateway guard), one with both switched
 * off — are loaded alternately from this process with the client-view query over a contact
 * person's caseload. Prints throughput, latency and the ratio. Embedded PGlite by default;
 * BENCH_DATABASE_URL runs it on a PostgreSQL server.
 */
const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const url = process.env.BENCH_DATABASE_URL;
if (url) await ensureDatabase(url);
const all = ["social-services", "housing", "police-liaison", "child-services"] as const;

// Audit off on both sides: this measures the policy alone (bench:audit measures the audit).
// Each hub runs in a process of its own; on PostgreSQL the first seeds and the second shares it.
const withPolicy = await spawnHub({ databaseUrl: url, seed: true, reset: Boolean(url), unsafeSkipAudit: true });
const withoutPolicy = await spawnHub({
  databaseUrl: url,
  seed: !url,
  unsafeSkipSubgraphPolicy: [...all],
  unsafeDisableGuard: true,
  unsafeSkipAudit: true,
});
const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
const bodies = clientViewBodies();
const load = (hub: BenchHub) => () => runLoadOn(hub, { token, bodies, durationMs, concurrency });

await load(withPolicy)(); // warm-up: query plans, JIT, connection pools
await load(withoutPolicy)();
const result = await compare(rounds, load(withPolicy), load(withoutPolicy));
const { a: on, b: off } = result;

process.stdout.write(
  `client-view query over ${bodies.length} clients, ${concurrency} concurrent clients, ${rounds} alternating rounds of ${durationMs / 1000} s, ${url ? "PostgreSQL" : "embedded PGlite"}\n`,
);
process.stdout.write(`${row("policy off (baseline)", off)}\n${row("policy on", on)}\n`);
process.stdout.write(`${ratioLine("policy", result, "< 15%")}\n`);
await withPolicy.stop();
await withoutPolicy.stop();
