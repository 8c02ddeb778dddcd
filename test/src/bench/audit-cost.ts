import { mintToken, randomPorts, startHub } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import { clientViewBodies } from "./client-view.js";
import { compare, row, runLoad } from "./load.js";

/**
 * `npm run bench:audit`: what the audit trail costs. Two hubs, both enforcing the policy — one
 * recording every protected decision in the hash chain before release, one releasing without
 * recording — loaded alternately with the client-view query over a contact person's caseload.
 */
const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const url = process.env.BENCH_DATABASE_URL;
const logger = createLogger("bench");
logger.level = "silent";
const databases = { urlFor: () => url };

const withAudit = await startHub({ ports: randomPorts(), databases, logger, seed: true, reset: Boolean(url) });
const withoutAudit = await startHub({ ports: randomPorts(), databases, logger, seed: !url, unsafeSkipAudit: true });
const token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: "cp-2001" });
const bodies = clientViewBodies();
const load = (target: string) => () => runLoad({ url: target, token, bodies, durationMs, concurrency });

await load(withAudit.url)();
await load(withoutAudit.url)();
const { a: on, b: off } = await compare(rounds, load(withAudit.url), load(withoutAudit.url));
const records = await withAudit.audit.store.prisma.auditRecord.count();

process.stdout.write(
  `client-view query over ${bodies.length} clients, ${concurrency} concurrent clients, ${rounds} alternating rounds of ${durationMs / 1000} s, ${url ? "PostgreSQL" : "embedded PGlite"}\n`,
);
process.stdout.write(`${row("audit off (baseline)", off)}\n${row("audit on", on)}\n`);
process.stdout.write(
  `throughput ratio on/off: ${(on.rps / off.rps).toFixed(3)}  (audit cost ${((1 - on.rps / off.rps) * 100).toFixed(1)}% of throughput; target < 20%); ${records} audit records written\n`,
);
await withAudit.stop();
await withoutAudit.stop();
