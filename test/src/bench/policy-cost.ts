import { mintToken, randomPorts, startHub } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import { clientViewBodies } from "./client-view.js";
import { compare, row, runLoad } from "./load.js";

/**
 * `npm run bench:policy`: what the field-level policy costs. Two hubs with the same seed — one
 * enforcing (subgraphs and gateway guard), one with both switched off — are loaded alternately
 * with the client-view query over a contact person's caseload. Prints throughput, latency and
 * the ratio. Embedded PGlite by default; BENCH_DATABASE_URL runs it on a PostgreSQL server.
 */
const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const url = process.env.BENCH_DATABASE_URL;
const logger = createLogger("bench");
logger.level = "silent";
const databases = { urlFor: () => url };
const all = ["social-services", "housing", "police-liaison", "child-services"] as const;

// Audit off on both sides: this measures the policy alone (bench:audit measures the audit).
const withPolicy = await startHub({ ports: randomPorts(), databases, logger, seed: true, reset: Boolean(url), unsafeSkipAudit: true });
const withoutPolicy = await startHub({
  ports: randomPorts(),
  databases,
  logger,
  seed: !url,
  unsafeSkipSubgraphPolicy: [...all],
  unsafeDisableGuard: true,
  unsafeSkipAudit: true,
});
const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
const bodies = clientViewBodies();
const load = (target: string) => () => runLoad({ url: target, token, bodies, durationMs, concurrency });

await load(withPolicy.url)(); // warm-up: query plans, JIT, connection pools
await load(withoutPolicy.url)();
const { a: on, b: off } = await compare(rounds, load(withPolicy.url), load(withoutPolicy.url));

process.stdout.write(
  `client-view query over ${bodies.length} clients, ${concurrency} concurrent clients, ${rounds} alternating rounds of ${durationMs / 1000} s, ${url ? "PostgreSQL" : "embedded PGlite"}\n`,
);
process.stdout.write(`${row("policy off (baseline)", off)}\n${row("policy on", on)}\n`);
process.stdout.write(
  `throughput ratio on/off: ${(on.rps / off.rps).toFixed(3)}  (policy cost ${((1 - on.rps / off.rps) * 100).toFixed(1)}% of throughput; target < 15%)\n`,
);
await withPolicy.stop();
await withoutPolicy.stop();
