import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { buildPopulation, type RunningHub } from "@skyddsnat/hub";
import { parse, print } from "graphql";
import pg from "pg";
import { recordsOf } from "./support/audit-db.js";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { startExtraHub } from "./support/extra-hub.js";
import { hubUrl, tokenFor } from "./support/http.js";
import { BYSTANDER, QUIET_CLIENTS, SCENARIOS } from "./support/scenarios.js";

/*
 * The side doors of issue 13, tried as an attacker with an ordinary staff token would: names the
 * guard reserves for itself, operation shapes it once crashed on, a classified object it released
 * unchecked, caches shared across actors, and an operation hash that confirmed guesses.
 */
const her = SCENARIOS.PROTECTED_REGISTRATION;
const seeded = buildPopulation();
const herRecord = seeded.socialServices.persons.find((p) => p.id === her.adult)!;
const herChild = her.children[0] as string;
const SECRETS = [herRecord.streetAddress, herRecord.phone, herRecord.residenceMunicipality].filter((s): s is string => typeof s === "string");

interface Answer {
  status: number;
  requestId: string;
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs (or GETs) a raw GraphQL request as a police liaison officer by default; keeps the request id. */
async function send(body: Record<string, unknown>, options: { token?: string; method?: "GET" | "POST"; url?: string } = {}): Promise<Answer> {
  const token = options.token ?? (await tokenFor("POLICE_LIAISON", "pl-4001"));
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", "apollo-require-preflight": "true" };
  const url = new URL(options.url ?? hubUrl());
  if (options.method === "GET") {
    for (const [key, value] of Object.entries(body)) url.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  const response = await fetch(url, options.method === "GET" ? { headers } : { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, requestId: response.headers.get("x-request-id") ?? "", ...((await response.json()) as object) };
}
const query = (text: string, variables: Record<string, unknown> = {}, options: Parameters<typeof send>[1] = {}) => send({ query: text, variables }, options);

const codes = (answer: Answer) => (answer.errors ?? []).map((e) => e.extensions?.code);
const at = (answer: Answer, path: (string | number)[]) =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null | undefined)?.[key], answer.data);
function expectWithheld(answer: Answer, path: (string | number)[]) {
  expect(at(answer, path)).toBeNull();
  expect(answer.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path))?.extensions?.code).toBe("FORBIDDEN_FIELD");
}
const expectNoSecrets = (answer: Answer) => {
  for (const secret of SECRETS) expect(JSON.stringify(answer)).not.toContain(secret);
};

describe("names the guard reserves for itself cannot be taken", () => {
  test.each([
    ["her address as the subject", `{ person(id: "${her.adult}") { __sn_id: streetAddress givenName } }`],
    ["a tenancy's subject", `{ person(id: "${her.adult}") { tenancies { __sn_subject: streetAddress } } }`],
    ["the steward of her tenancy", `{ person(id: "${her.adult}") { tenancies { streetAddress __sn_steward: subjectId } } }`],
    ["the runtime type", `{ person(id: "${her.adult}") { __sn_type: id } }`],
    ["any alias beginning with __", `{ __mine: person(id: "${her.adult}") { id } }`],
    ["inside a fragment", `{ person(id: "${her.adult}") { ...F } } fragment F on Person { __sn_id: phone }`],
  ])("%s: 400 RESERVED_NAME, nothing run and nothing recorded", async (_what, text) => {
    const answer = await query(text);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toContain("RESERVED_NAME");
    expect(answer.data ?? null).toBeNull();
    expectNoSecrets(answer);
    expect(await recordsOf(answer.requestId)).toEqual([]);
  });

  test("a mutation with a reserved alias is refused before it writes", async () => {
    const incidents = async () =>
      ((await query(`{ person(id: "${BYSTANDER}") { incidents { id } } }`)).data?.person?.incidents as unknown[] | undefined)?.length;
    const before = await incidents();
    expect(before).toEqual(expect.any(Number));
    const answer = await query(`mutation { recordIncident(input: { subjectId: "${BYSTANDER}", category: THREAT, occurredAt: "2026-11-01T10:00:00Z", place: "synthetic", description: "synthetic incident, never written" }) { __sn_subject: id } }`);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toContain("RESERVED_NAME");
    expect(await incidents()).toBe(before);
  });
});

describe("the guard evaluates every operation shape, or refuses it with a 400", () => {
  test("@include with a variable that has a default and no value", async () => {
    const answer = await query(`query($v: Boolean = true) { person(id: "${her.adult}") { id streetAddress @include(if: $v) } }`);
    expect(answer.status).toBe(200);
    expect(at(answer, ["person", "id"])).toBe(her.adult);
    expectWithheld(answer, ["person", "streetAddress"]);
    expectNoSecrets(answer);
  });

  test("@skip with a variable that has a default and no value", async () => {
    const answer = await query(`query($hide: Boolean = false) { person(id: "${her.adult}") { phone @skip(if: $hide) } }`);
    expect(answer.status).toBe(200);
    expectWithheld(answer, ["person", "phone"]);
  });

  test("a defaulted variable that hides the field really hides it", async () => {
    const answer = await query(`query($v: Boolean = false) { person(id: "${her.adult}") { id streetAddress @include(if: $v) } }`);
    expect(answer.status).toBe(200);
    expect(answer.data?.person).toEqual({ id: her.adult });
  });

  test("nested fragments with directives on defaulted variables", async () => {
    // Whom she lives with is location (co-residence tells where she is): the police liaison of her
    // coordinated plan handles her, but gets the household link withheld whole, fragments and all.
    const answer = await query(
      `query($deep: Boolean = true, $hide: Boolean = false) { person(id: "${her.adult}") { id ...Household } }
       fragment Household on Person { household @include(if: $deep) { ...Where @skip(if: $hide) } }
       fragment Where on Person { id streetAddress ... on Person @include(if: $deep) { city } }`,
    );
    expect(answer.status).toBe(200);
    expect(at(answer, ["person", "id"])).toBe(her.adult);
    expectWithheld(answer, ["person", "household"]);
    expect(JSON.stringify(answer.data)).not.toContain(herChild);
    expectNoSecrets(answer);
  });

  test("inline fragments on the root and without a type condition (the supergraph has no abstract types; the guard's unit tests cover a union)", async () => {
    const answer = await query(`query($v: Boolean = true) { ... on Query { person(id: "${her.adult}") { ... @include(if: $v) { streetAddress } } } }`);
    expect(answer.status).toBe(200);
    expectWithheld(answer, ["person", "streetAddress"]);
  });

  test("aliases of the same field with different arguments are judged each for its own person", async () => {
    // Her name is open to the police liaison of her coordinated plan; a stranger's is not (no directory).
    const answer = await query(`query($other: ID! = "${BYSTANDER}") { hers: person(id: "${her.adult}") { givenName } theirs: person(id: $other) { givenName } }`);
    expect(answer.status).toBe(200);
    expect(at(answer, ["hers", "givenName"])).toBe(herRecord.givenName);
    expectWithheld(answer, ["theirs", "givenName"]);
  });

  test("variables that don't coerce are the caller's error, not the hub's", async () => {
    const answer = await query(`query($v: Boolean = true) { person(id: "${her.adult}") { streetAddress @include(if: $v) } }`, { v: "yes" });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
  });

  test("a shape too large to judge is refused with a 400 and no data", async () => {
    const levels = Array.from({ length: 16 }, (_, i) => `fragment F${i} on Person { a: household { ...F${i + 1} } b: household { ...F${i + 1} } }`);
    const answer = await query(`{ person(id: "${her.adult}") { ...F0 } } ${levels.join(" ")} fragment F16 on Person { streetAddress }`);
    expect(answer.status).toBe(400);
    // The front door's operation limits refuse it now, before the guard would (its own refusal,
    // OPERATION_NOT_EVALUABLE, is driven in guard/operation-shape.test.ts).
    expect(codes(answer).sort()).toEqual(["OPERATION_TOO_DEEP", "TOO_MANY_ALIASES"]);
    expect(answer.data ?? null).toBeNull();
  });
});

describe("a released classified object is judged inside: the restrained person's location", () => {
  // A synthetic restraining order whose restrained person is herself protected: SAFETY of the
  // order is the police's own record (allowed), her address inside it is not.
  const orderId = "ord_sidedoor01";
  const protectedParty = QUIET_CLIENTS[QUIET_CLIENTS.length - 1] as string;
  const police = () => new pg.Client({ connectionString: TEST_DATABASE_URL, options: "-c search_path=police_liaison" });
  const orders = `{ person(id: "${protectedParty}") { restrainingOrders { kind restrainedPerson { id streetAddress city phone } } } }`;
  let broken: RunningHub;

  beforeAll(async () => {
    const client = police();
    await client.connect();
    await client.query(
      `INSERT INTO "RestrainingOrder" (id, "protectedPersonId", "restrainedPersonId", kind, "validFrom", "validTo", unit) VALUES ($1, $2, $3, 'BASIC', now() - interval '1 day', now() + interval '1 year', 'police-liaison/malmo')`,
      [orderId, protectedParty, her.adult],
    );
    await client.end();
    broken = await startExtraHub({ unsafeSkipSubgraphPolicy: ["social-services", "housing", "police-liaison", "child-services"] });
  });
  afterAll(async () => {
    await broken?.stop();
    const client = police();
    await client.connect();
    await client.query(`DELETE FROM "RestrainingOrder" WHERE id = $1`, [orderId]);
    await client.end();
  });

  const expectOrderWithoutHerLocation = (answer: Answer) => {
    expect(answer.status).toBe(200);
    const orders = (answer.data?.person?.restrainingOrders ?? []) as { restrainedPerson: { id: string } | null }[];
    const index = orders.findIndex((o) => o.restrainedPerson?.id === her.adult);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(at(answer, ["person", "restrainingOrders", index, "kind"])).toBe("BASIC");
    for (const field of ["streetAddress", "city", "phone"]) expectWithheld(answer, ["person", "restrainingOrders", index, "restrainedPerson", field]);
    expectNoSecrets(answer);
    return index;
  };

  test("a police liaison officer who may see the order's SAFETY data gets no location of the person inside it", async () => {
    const answer = await query(orders);
    const index = expectOrderWithoutHerLocation(answer);
    // Recorded against her, the person inside, not against the order's subject.
    const records = await recordsOf(answer.requestId);
    expect(records.find((r) => r.subjectId === her.adult && r.decision === "REDACT")?.fieldPaths).toContain(
      `Person.streetAddress at person.restrainingOrders.${index}.restrainedPerson.streetAddress`,
    );
  });

  test("the gateway's guard alone withholds it when the subgraphs' own checks are off", async () => {
    expectOrderWithoutHerLocation(await query(orders, {}, { url: broken.url }));
  });
});

describe("no cache answers one actor with what another sent", () => {
  const text = `{ person(id: "${her.adult}") { id givenName } }`;
  const sha256Hash = createHash("sha256").update(text).digest("hex");
  const persistedQuery = { version: 1, sha256Hash };

  test("a query sent as an automatic persisted query is not registered (and not run)", async () => {
    const answer = await send({ query: text, extensions: { persistedQuery } }, { token: await tokenFor("SOCIAL_SECRETARY", "ss-1001") });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(["PERSISTED_QUERY_NOT_SUPPORTED"]);
    expect(answer.data ?? null).toBeNull();
  });

  test.each(["POST", "GET"] as const)("another actor's hash by %s gets a 400 and no data", async (method) => {
    // The social secretary sends the text the ordinary way too: whatever a hub caches, it has it now.
    await query(text, {}, { token: await tokenFor("SOCIAL_SECRETARY", "ss-1001") });
    const answer = await send({ extensions: { persistedQuery } }, { method });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(["PERSISTED_QUERY_NOT_SUPPORTED"]);
    expect(answer.data ?? null).toBeNull();
    expect(JSON.stringify(answer)).not.toContain(String(herRecord.givenName));
  });

  test("the query plan is not the caller's to see", async () => {
    const token = await tokenFor("POLICE_LIAISON", "pl-4001");
    const response = await fetch(hubUrl(), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "apollo-query-plan-experimental": "1" },
      body: JSON.stringify({ query: text }),
    });
    const body = (await response.json()) as { extensions?: Record<string, unknown> };
    expect(body.extensions?.__queryPlanExperimental).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("__sn_");
  });
});

describe("the audit's operation hash confirms no guess", () => {
  const text = `{ person(id: "${her.adult}") { id streetAddress } }`;
  const hashOf = async (sent: string) => {
    const answer = await query(sent);
    const records = await recordsOf(answer.requestId);
    expect(records.length).toBeGreaterThan(0);
    return records[0]?.operationHash;
  };

  test("the recorded hash is neither the plain SHA-256 of the text nor of the document", async () => {
    const recorded = await hashOf(text);
    expect(recorded).toMatch(/^[0-9a-f]{64}$/);
    for (const guess of [text, print(parse(text)), `\n${print(parse(text))}`]) {
      expect(recorded).not.toBe(createHash("sha256").update(guess).digest("hex"));
    }
  });

  test("the same operation gives the same hash, a different one another", async () => {
    const first = await hashOf(text);
    expect(await hashOf(text)).toBe(first);
    expect(await hashOf(text.replace("{ id", "{  id"))).toBe(first); // the executed document, not the bytes
    expect(await hashOf(`{ person(id: "${her.adult}") { id phone } }`)).not.toBe(first);
  });
});
