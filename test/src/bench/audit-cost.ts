import { mintToken } from "@skyddsnat/hub";
import { clientViewBodies } from "./client-view.js";
import { ensureDatabase } from "./database.js";
import { compare, ratioLine, row, runLoadOn } from "./load.js";
import { type BenchHub, spawnHub } from "./spawn-hub.js";

/**
 * `npm run bench:audit`: what the audit trail costs. Two hubs, each in a process of its own and
 * both enforcing the policy — one recording every protected decision in the hash chain before
 * release, one releasing without recording — loaded alternately with the client-view query over
 * a contact person's caseload.
 */
const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const url = process.env.BENCH_DATABASE_URL;
if (url) await ensureDatabase(url);

const withAudit = await spawnHub({ databaseUrl: url, seed: true, reset: Boolean(url) });
const withoutAudit = await spawnHub({ databaseUrl: url, seed: !url, unsafeSkipAudit: true });
const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
const bodies = clientViewBodies();
const load = (hub: BenchHub) => () => runLoadOn(hub, { token, bodies, durationMs, concurrency });

await load(withAudit)();
await load(withoutAudit)();
const result = await compare(rounds, load(withAudit), load(withoutAudit));
const { a: on, b: off } = result;
const records = await withAudit.auditRecords();

process.stdout.write(
  `client-view query over ${bodies.length} clients, ${concurrency} concurrent clients, ${rounds} alternating rounds of ${durationMs / 1000} s, ${url ? "PostgreSQL" : "embedded PGlite"}\n`,
);
process.stdout.write(`${row("audit off (baseline)", off)}\n${row("audit on", on)}\n`);
process.stdout.write(`${ratioLine("audit", result, "< 20%")}; ${records} audit records written\n`);
await withAudit.stop();
await withoutAudit.stop();
