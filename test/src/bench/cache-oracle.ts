import { readFileSync } from "node:fs";
import { mintToken } from "@skyddsnat/hub";
import { SUPERGRAPH_PATH } from "@skyddsnat/schema";
import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { ensureDatabase } from "./database.js";
import { type BenchHub, spawnHub } from "./spawn-hub.js";

/**
 * `npm run bench:cache-oracle`: whether a query text another actor sent answers measurably faster
 * (issue 13: timing told which municipality was searched). Two hubs, each in a process of its own:
 * one with the caches shared across actors as they were (`unsafeSharedCaches`: Apollo's parsed-
 * document cache and one query-plan cache), one as the hub runs now (document cache off, plans per
 * actor). For each of `BENCH_PROBES` fresh search texts (a municipality literal nobody sent), the
 * attacker's first request is timed once the text is
 *   - new to everyone ("cold"), or
 *   - already sent by another actor ("sent by another").
 * Prints the medians and their difference per hub. Then, in this process, what a document-cache
 * hit could save at most: parsing and validating the same text. Not a test: figures to quote.
 */
const probes = Number(process.env.BENCH_PROBES ?? 40);
const url = process.env.BENCH_DATABASE_URL;
if (url) await ensureDatabase(url);

const PERSON = `id givenName familyName protectionLevel handlingInstructions streetAddress phone
  cases { status type openedAt assignments { role staffId } }
  housingApplications { status urgency requestedArea }
  tenancies { status streetAddress city }
  incidents { category occurredAt place }
  restrainingOrders { kind validTo active }
  household { id givenName childCases { status concern } schoolPlacements { kind schoolName } }`;
const search = (municipality: string) =>
  JSON.stringify({ query: `{ persons(filter: { residenceMunicipality: "${municipality}" }, first: 5) { nodes { ${PERSON} } } }` });

const victim = await mintToken({ agency: "social-services", role: "SOCIAL_SECRETARY", sub: "ss-1001" });
const attacker = await mintToken({ agency: "police-liaison", role: "POLICE_LIAISON", sub: "pl-4001" });

async function timed(hub: BenchHub, token: string, body: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(hub.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
  await response.text();
  if (!response.ok) throw new Error(`probe answered ${response.status}`);
  return performance.now() - t0;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Alternates the two kinds of probe, each on a text of its own, so drift hits both alike. */
async function probe(hub: BenchHub, tag: string) {
  for (let i = 0; i < 5; i++) await timed(hub, attacker, search(`warm-up-${tag}-${i}`)); // JIT, pools
  const cold: number[] = [];
  const sentByAnother: number[] = [];
  for (let i = 0; i < probes; i++) {
    cold.push(await timed(hub, attacker, search(`cold-${tag}-${i}`)));
    const text = search(`sent-${tag}-${i}`);
    await timed(hub, victim, text);
    sentByAnother.push(await timed(hub, attacker, text));
  }
  return { cold: median(cold), sentByAnother: median(sentByAnother) };
}

const shared = await spawnHub({ databaseUrl: url, seed: true, reset: Boolean(url), unsafeSkipAudit: true, unsafeSharedCaches: true });
const perActor = await spawnHub({ databaseUrl: url, seed: !url, unsafeSkipAudit: true });
process.stdout.write(`${probes} probes per kind, a search across the four agencies, ${url ? "PostgreSQL" : "embedded PGlite"}; medians of the attacker's first request\n`);
for (const [name, hub] of [["caches shared across actors (before)", shared], ["caches per actor / off (now)", perActor]] as const) {
  const { cold, sentByAnother } = await probe(hub, name.startsWith("caches shared") ? "a" : "b");
  process.stdout.write(
    `${name.padEnd(38)} cold ${cold.toFixed(2)} ms, sent by another ${sentByAnother.toFixed(2)} ms, difference ${(cold - sentByAnother).toFixed(2)} ms\n`,
  );
}
await shared.stop();
await perActor.stop();

// The most a parsed-document cache hit could save: parsing and validating the text.
const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, "utf8"), { assumeValidSDL: true });
const text = (JSON.parse(search("parse-probe")) as { query: string }).query;
const samples: number[] = [];
for (let i = 0; i < 2000; i++) {
  const t0 = performance.now();
  validate(schema, parse(text), specifiedRules);
  samples.push(performance.now() - t0);
}
process.stdout.write(`parse + validate of the probe text in process (what a document-cache hit skips): median ${median(samples.slice(500)).toFixed(3)} ms\n`);
