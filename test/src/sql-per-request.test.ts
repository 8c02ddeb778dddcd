import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { buildPopulation, mintToken, randomPorts, type RunningHub, startHub } from "@skyddsnat/hub";
import { createLogger, statementCounts, statementsBetween } from "@skyddsnat/platform";
import pg from "pg";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { databaseUrlOf } from "./support/deployment.js";
import { gql } from "./support/http.js";
import { claimTestDatabase } from "./support/test-database.mjs";

/*
 * Issue 17: cost grows with the work, not with the data. Two hubs in this process, one over the
 * demo population and one over ten times it, each on a scratch database of its own; the
 * statements each agency's database receives for one request are counted where they are sent
 * (@skyddsnat/platform's statement meter, in every driver adapter). A resolver that queried per
 * row (N+1) would send more statements for a longer caseload page or a larger population.
 */

const CLIENT_VIEW = await readFile(fileURLToPath(new URL("../../infra/deploy/documents/client-view.graphql", import.meta.url)), "utf8");
const CASELOAD = `query Caseload($first: Int!) {
  persons(first: $first) {
    nodes { id givenName cases { status assignments { staffId } } tenancies { status } incidents { category } childCases { status } household { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const AGENCY_SCHEMAS = ["social_services", "housing", "police_liaison", "child_services"];
const CONTACT_PERSON = "cp-2001";
/** A caseload page, and what each agency may be sent for it: a fixed set of batched reads. */
const PAGE = 20;
const MAX_PER_PAGE = 16;
/** What one client view may send an agency, whichever client: a fixed set of batched reads. */
const MAX_PER_VIEW = 16;

/** cp-2001's clients in the population of `scale`, scenario clients first (the same at every scale). */
function caseloadOf(scale: number): string[] {
  const population = buildPopulation(undefined, { scale });
  const theirCases = new Set(population.socialServices.assignments.filter((a) => a.staffId === CONTACT_PERSON && a.endedAt === null).map((a) => a.caseId));
  return [...new Set(population.socialServices.cases.filter((c) => theirCases.has(c.id) && c.status === "OPEN").map((c) => c.personId))];
}

/** The statements each agency's database received while `work` ran (zero where none). */
async function statementsOf(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = statementCounts();
  await work();
  const sent = statementsBetween(before, statementCounts());
  return Object.fromEntries(AGENCY_SCHEMAS.map((schema) => [schema, sent[schema] ?? 0]));
}

/**
 * The fewest statements each agency's database received over `runs` runs of `work`. What else the
 * hub does meanwhile can only add to a run (a clean-clone CI run once counted 17 to social
 * services for a page that sends 7 here, cause not found; a facts copy that expired between the
 * runs and is fetched again would be such an addition), while a read per row is sent on every
 * run: so the fewest still shows an N+1, and the noise does not.
 */
async function fewestStatementsOf(work: () => Promise<unknown>, runs = 3): Promise<Record<string, number>> {
  let fewest: Record<string, number> | undefined;
  for (let run = 0; run < runs; run += 1) {
    const sent = await statementsOf(work);
    fewest = Object.fromEntries(AGENCY_SCHEMAS.map((schema) => [schema, Math.min(fewest?.[schema] ?? Infinity, sent[schema] ?? 0)]));
  }
  return fewest as Record<string, number>;
}

interface ScaledHub {
  scale: number;
  hub: RunningHub;
  url: string;
  clients: string[];
}

const scratchUrl = (scale: number) => databaseUrlOf(TEST_DATABASE_URL, `${new URL(TEST_DATABASE_URL).pathname.slice(1)}_scale${scale}`);

async function startScaledHub(scale: number): Promise<ScaledHub> {
  const url = scratchUrl(scale);
  await claimTestDatabase(url);
  const logger = createLogger(`scale-${scale}`);
  logger.level = "warn";
  const hub = await startHub({ ports: randomPorts(), databases: { urlFor: () => url }, logger, reset: true, seed: true, seedScale: scale, witness: { kind: "none" } });
  return { scale, hub, url, clients: caseloadOf(scale) };
}

async function dropScratch(url: string): Promise<void> {
  const maintenance = databaseUrlOf(url, "postgres");
  const client = new pg.Client({ connectionString: maintenance });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const hubs: ScaledHub[] = [];
let token: string;

beforeAll(async () => {
  token = await mintToken({ agency: "social-services", role: "CONTACT_PERSON", sub: CONTACT_PERSON });
  // One after the other: the migration engine takes a database-wide lock, and the machine is small.
  for (const scale of [1, 10]) hubs.push(await startScaledHub(scale));
}, 240_000);

afterAll(async () => {
  for (const { hub, url } of hubs) {
    await hub.stop();
    await dropScratch(url);
  }
});

const small = () => hubs[0] as ScaledHub;
const large = () => hubs[1] as ScaledHub;

async function clientView(on: ScaledHub, id: string) {
  const response = await gql<{ person: { id: string } | null }>(CLIENT_VIEW, { token, url: on.hub.url, variables: { id } });
  expect(response.status).toBe(200);
  expect(response.data?.person?.id).toBe(id);
  return response;
}

async function caseload(on: ScaledHub, first: number) {
  const response = await gql<{ persons: { nodes: { id: string }[] } }>(CASELOAD, { token, url: on.hub.url, variables: { first } });
  expect(response.status === 200 ? 200 : response.errors).toBe(200);
  return response.data?.persons.nodes ?? [];
}

describe("the SQL one request sends to each agency's database does not grow with the data", () => {
  test("the ten-times population gives cp-2001 a caseload several times longer (else the comparison proves nothing)", () => {
    expect(large().clients.length).toBeGreaterThanOrEqual(3 * small().clients.length);
    expect(small().clients.length).toBeGreaterThan(1);
  });

  test("nothing is sent while no request is made", async () => {
    const idle = await statementsOf(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(idle).toEqual(Object.fromEntries(AGENCY_SCHEMAS.map((schema) => [schema, 0])));
  });

  test("the client view of the same client sends the same statements at scale 1 and at scale 10, cold and warm", async () => {
    const client = small().clients[0] as string;
    expect(large().clients).toContain(client);
    const counts = [];
    for (const on of [small(), large()]) {
      const cold = await statementsOf(() => clientView(on, client));
      const warm = await statementsOf(() => clientView(on, client));
      counts.push({ cold, warm });
    }
    expect(counts[1]).toEqual(counts[0]);
    // Every agency is asked, and each answers in a handful of statements, not one per row.
    for (const schema of AGENCY_SCHEMAS) expect(counts[0]?.cold[schema]).toBeGreaterThan(0);
    for (const schema of AGENCY_SCHEMAS) expect(counts[0]?.cold[schema]).toBeLessThanOrEqual(MAX_PER_VIEW);
  });

  test("the client view of any of a dozen clients of the larger caseload sends each agency a bounded number of statements", async () => {
    const on = large();
    const over: { client: string; schema: string; statements: number }[] = [];
    for (const id of on.clients.slice(0, 12)) {
      await clientView(on, id);
      const sent = await fewestStatementsOf(() => clientView(on, id));
      for (const [schema, statements] of Object.entries(sent)) if (statements > MAX_PER_VIEW) over.push({ client: id, schema, statements });
    }
    // Warm, a client view sends no more than the fixed set of batched queries, whoever the client is.
    expect(over).toEqual([]);
  });

  test("a caseload page of 20 rows sends each agency fewer statements than it has rows, at scale 1 and at scale 10", async () => {
    for (const on of [small(), large()]) {
      await caseload(on, PAGE);
      let rows = 0;
      const sent = await fewestStatementsOf(async () => {
        rows = (await caseload(on, PAGE)).length;
      });
      // Per row and field one query would be ≥ 20 to social services alone (cases, assignments,
      // household) and to each agency whose list a row's person may see; batched, it is a few
      // reads per field, and the page's refills (kit/pagination.ts) at most five.
      const over = Object.entries(sent).filter(([, statements]) => statements > MAX_PER_PAGE);
      expect({ scale: on.scale, over }).toEqual({ scale: on.scale, over: [] });
      if (on === large()) expect(rows).toBe(PAGE);
    }
  });
});
