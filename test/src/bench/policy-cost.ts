import { mintToken, randomPorts, startHub } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import { clientViewBody } from "./client-view.js";
import { compare, row, runLoad } from "./load.js";

/**
 * `npm run bench:policy`: what the field-level policy costs. Two hubs on embedded PGlite with the
 * same seed — one enforcing (subgraphs and gateway guard), one with both switched off — are
 * loaded alternately with the client-view query. Prints throughput, latency and the ratio.
 */
const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const logger = createLogger("bench", {});
logger.level = "warn";
const ports = randomPorts();
const databases = { urlFor: () => undefined };

const withPolicy = await startHub({ ports, databases, logger, seed: true });
const withoutPolicy = await startHub({
  ports,
  databases,
  logger,
  seed: true,
  unsafeSkipSubgraphPolicy: ["social-services", "housing", "police-liaison", "child-services"],
  unsafeDisableGuard: true,
});
const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
const body = clientViewBody();
const load = (url: string) => () => runLoad({ url, token, body, durationMs, concurrency });

await load(withPolicy.url)(); // warm-up: query plans, JIT, connection pools
await load(withoutPolicy.url)();
const { a: on, b: off } = await compare(rounds, load(withPolicy.url), load(withoutPolicy.url));

process.stdout.write(`client-view query, ${concurrency} concurrent clients, ${rounds} alternating rounds of ${durationMs / 1000} s\n`);
process.stdout.write(`${row("policy off (baseline)", off)}\n${row("policy on", on)}\n`);
process.stdout.write(`throughput ratio on/off: ${(on.rps / off.rps).toFixed(3)}  (policy cost ${((1 - on.rps / off.rps) * 100).toFixed(1)}% of throughput; target < 15%)\n`);
await withPolicy.stop();
await withoutPolicy.stop();
