import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Agent } from "node:http";
import { buildPopulation } from "@skyddsnat/hub";
import { countRows } from "./support/database.js";
import { gqlAs, hubUrl, tokenFor } from "./support/http.js";
import { rawRequest } from "./support/raw-http.js";
import { HOSTILE_DOCUMENTS } from "./support/hostile-documents.js";
import { SCENARIOS } from "./support/scenarios.js";

/*
 * The front door under hostile input (issue 15; OWASP's GraphQL Cheat Sheet): every request here
 * is refused early with a 4xx and a stable code, writes nothing to the audit trail (beyond the
 * door's own bounded record of callers without a token), leaks nothing protected, and leaves the
 * hub answering the next ordinary request.
 */

const her = SCENARIOS.PROTECTED_REGISTRATION;
const herRecord = buildPopulation().socialServices.persons.find((p) => p.id === her.adult)!;
const SECRETS = [herRecord.streetAddress, herRecord.phone, herRecord.residenceMunicipality].filter((s): s is string => typeof s === "string");

let token: string;
beforeAll(async () => {
  token = await tokenFor("SOCIAL_SECRETARY", "ss-1001");
});

const auditRecords = () => countRows("audit", "AuditRecord");
const headers = (extra: Record<string, string> = {}) => ({ "content-type": "application/json", authorization: `Bearer ${token}`, ...extra });
const codesOf = (answer: { json(): { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  [...new Set((answer.json().errors ?? []).map((error) => String(error.extensions?.code)))];

/** The ordinary request that must still be answered after each refusal. */
async function expectHubAnswers() {
  const answer = await gqlAs("SOCIAL_SECRETARY", "ss-1001", `{ person(id: "${her.adult}") { id } }`);
  expect(answer.status).toBe(200);
  expect(answer.data).toEqual({ person: { id: her.adult } });
}

/** Sends the body as the case's own secretary, expects a 4xx with one of `codes`, nothing recorded, no secret. */
async function expectRefused(body: unknown, codes: string[], options: { status?: number; headers?: Record<string, string>; method?: string; url?: string } = {}) {
  const before = await auditRecords();
  const answer = await rawRequest(options.url ?? hubUrl(), {
    method: options.method ?? "POST",
    headers: options.headers ?? headers(),
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  expect(answer.status).toBe(options.status ?? 400);
  const found = codesOf(answer);
  expect(found.length).toBeGreaterThan(0);
  for (const code of found) expect(codes).toContain(code);
  expect(answer.json().data ?? null).toBeNull();
  for (const secret of SECRETS) expect(answer.text).not.toContain(secret);
  expect(answer.text).not.toMatch(/Did you mean/);
  expect(await auditRecords()).toBe(before);
  await expectHubAnswers();
  return answer;
}

describe("operation limits refuse a hostile document before anything is planned", () => {
  test.each(HOSTILE_DOCUMENTS(her.adult).map((c) => [c.name, c] as const))("%s", async (_name, hostile) => {
    await expectRefused({ query: hostile.query, ...(hostile.variables ? { variables: hostile.variables } : {}) }, hostile.codes);
  });

  test("an ordinary client view within every limit runs (the control)", async () => {
    const answer = await gqlAs(
      "SOCIAL_SECRETARY",
      "ss-1001",
      `query ClientView($id: ID!) { person(id: $id) { id givenName familyName protectionLevel streetAddress
         household { id givenName schoolPlacements { id schoolName } }
         cases { id status assignments { staffId } } incidents { id } tenancies { id } housingApplications { id } } }`,
      { variables: { id: her.adult } },
    );
    expect(answer.status).toBe(200);
    expect((answer.data as { person: { id: string } }).person.id).toBe(her.adult);
  });

  test("no error suggests a field, type or enum value of the schema", async () => {
    await expectRefused({ query: `{ persn(id: "${her.adult}") { id } }` }, ["GRAPHQL_VALIDATION_FAILED"]);
    await expectRefused(
      { query: "query($level: ProtectionLevel) { persons(filter: { protectionLevel: $level }) { nodes { id } } }", variables: { level: "PROTECTED" } },
      ["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"],
    );
  });
});

describe("caller mistakes are a 400 with a stable code, never a 500", () => {
  const two = "query A { __typename } query B { __typename }";
  test.each([
    ["an operationName the document does not define", { query: two, operationName: "C" }, ["OPERATION_NOT_FOUND"]],
    ["several operations and no operationName", { query: two }, ["OPERATION_NAME_REQUIRED"]],
    ["a subscription", { query: "subscription { __typename }" }, ["SUBSCRIPTION_NOT_SUPPORTED"]],
    ["two anonymous operations", { query: "{ __typename } { __typename }" }, ["GRAPHQL_VALIDATION_FAILED"]],
    ["no query at all", { variables: {} }, ["BAD_REQUEST"]],
    ["variables that are not an object", { query: "{ __typename }", variables: "[]" }, ["BAD_REQUEST"]],
    ["a batch (an array body): one request, one operation", [{ query: "{ __typename }" }, { query: "{ __typename }" }], ["BAD_REQUEST"]],
    ["an automatic persisted query (APQ is off)", { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }, ["PERSISTED_QUERY_NOT_SUPPORTED"]],
  ])("%s", async (_name, body, codes) => {
    await expectRefused(body, codes);
  });

  test("malformed JSON", async () => {
    await expectRefused('{"query": "{ __typename }"', ["BAD_REQUEST"]);
  });

  test("a body that is not JSON (wrong content type)", async () => {
    await expectRefused("{ __typename }", ["BAD_REQUEST"], { headers: headers({ "content-type": "text/plain" }) });
  });

  test("a mutation over GET", async () => {
    const url = `${hubUrl()}?query=${encodeURIComponent('mutation { closeCase(id: "x") { id } }')}`;
    await expectRefused(undefined, ["BAD_REQUEST"], { method: "GET", url, status: 405, headers: headers({ "apollo-require-preflight": "1" }) });
  });
});

describe("the door: callers without a token, preflights, landing pages", () => {
  test("a caller without a token is refused before its body is read: a 490,000-level nesting never parsed, an unfinished body not waited for", async () => {
    const nesting = `${"[".repeat(490_000)}${"]".repeat(490_000)}`;
    const started = Date.now();
    const answer = await rawRequest(hubUrl(), { headers: { "content-type": "application/json" }, body: [nesting.slice(0, 1000), nesting.slice(1000)], pauseMs: 3000, endBody: false });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toBe('Bearer realm="skyddsnat"');
    expect(answer.headers.connection).toBe("close");
    expect(codesOf(answer)).toEqual(["UNAUTHENTICATED"]);
  });

  test("a bad token gets WWW-Authenticate with invalid_token", async () => {
    const answer = await rawRequest(hubUrl(), { headers: { "content-type": "application/json", authorization: "Bearer a.b.c" }, body: "{}" });
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toBe('Bearer realm="skyddsnat", error="invalid_token"');
  });

  test("a flood of callers without a token adds a bounded number of audit records, not one per request", async () => {
    const before = await auditRecords();
    await Promise.all(Array.from({ length: 60 }, () => rawRequest(hubUrl(), { headers: { "content-type": "application/json" }, body: "{}" })));
    // The door records at most its quota (20 a minute) one by one, then counts (audit/door-refusals.ts).
    expect((await auditRecords()) - before).toBeLessThanOrEqual(21);
  });

  test("a preflight (OPTIONS) is answered 204 without authentication and writes nothing", async () => {
    const before = await auditRecords();
    const answer = await rawRequest(hubUrl(), {
      method: "OPTIONS",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(answer.status).toBe(204);
    // No origin is allowed on this hub (CORS_ORIGINS unset): the browser gets no permission.
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(await auditRecords()).toBe(before);
  });

  test("GET /graphql asking for HTML gets no landing page (nothing loads from a CDN)", async () => {
    const answer = await rawRequest(hubUrl(), { method: "GET", headers: { accept: "text/html", authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).not.toMatch(/html/);
    expect(answer.text).not.toMatch(/cdn|apollographql\.com|<script/i);
  });
});

describe("HTTP hygiene", () => {
  test("after a refused body (413) the connection is closed, and the next request on a new one is answered", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = JSON.stringify({ query: `{ __typename } #${"x".repeat(1_100_000)}` });
      const refused = await rawRequest(hubUrl(), { headers: headers(), body: big, agent });
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe("close");
      const next = await rawRequest(hubUrl(), { headers: headers(), body: JSON.stringify({ query: "{ __typename }" }), agent });
      expect(next.status).toBe(200);
      expect(next.json().data).toEqual({ __typename: "Query" });
    } finally {
      agent.destroy();
    }
  });

  test("a body trickled slowly is cut off by the request timeout (10 s), not held for minutes", async () => {
    const started = Date.now();
    const chunks = Array.from({ length: 40 }, (_, i) => (i === 0 ? '{"query": "{ __typename }", "x": "' : "x"));
    const answer = await rawRequest(hubUrl(), { headers: headers({ "content-length": "100000" }), body: chunks, pauseMs: 1000, endBody: false }).catch(
      (error: unknown) => ({ status: 0, error }),
    );
    const took = Date.now() - started;
    expect(took).toBeLessThan(14_000);
    expect(took).toBeGreaterThan(8_000);
    // Node answers 408 when it can, else drops the connection.
    expect([0, 408]).toContain(answer.status);
    await expectHubAnswers();
  }, 30_000);
});

afterAll(async () => {
  await expectHubAnswers();
});
