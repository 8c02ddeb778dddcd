import { describe, expect, test } from "@jest/globals";
import { buildPopulation, mintToken } from "@skyddsnat/hub";
import { FILTER_EXCLUSIONS_EXTENSION } from "@skyddsnat/schema";
import { type AuditRow, recordsOf } from "./support/audit-db.js";
import { hubUrl, tokenFor } from "./support/http.js";
import { grantEmergency } from "./support/emergency.js";
import { SCENARIOS } from "./support/scenarios.js";

/** What a record says: coordinates, no caller text, whose history, refusals, emergencies. */
const her = SCENARIOS.PROTECTED_REGISTRATION;
const herRecord = buildPopulation().socialServices.persons.find((p) => p.id === her.adult)!;

/** A protected value made into a GraphQL name, as a caller would smuggle it into an alias. */
const asAlias = (value: string) => `a_${value.normalize("NFD").replace(/[^A-Za-z0-9_]/g, "_")}`;
const STREET = asAlias(herRecord.streetAddress!); // e.g. a_Gjutargatan_9
const NAME = asAlias(`${herRecord.givenName}_${herRecord.familyName}`);
const PLACE = asAlias(herRecord.residenceMunicipality!);

async function send(token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(hubUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[] };
  return { requestId: response.headers.get("x-request-id") ?? "", status: response.status, ...body };
}

/** The records of a request, with no trace of the aliases the caller chose. */
async function recordsWithoutAliases(requestId: string): Promise<AuditRow[]> {
  expect(requestId).not.toBe("");
  const records = await recordsOf(requestId);
  expect(records.length).toBeGreaterThan(0);
  const text = JSON.stringify(records);
  for (const alias of [STREET, NAME, PLACE]) expect(text).not.toContain(alias);
  for (const secret of [herRecord.streetAddress!, herRecord.givenName, herRecord.familyName]) expect(text).not.toContain(secret);
  return records;
}

describe("a record names fields by their schema coordinates, never by the caller's aliases", () => {
  test("an allowed read through aliases made of her address and name is recorded as Person.streetAddress at person.streetAddress", async () => {
    const query = `{ ${STREET}: person(id: "${her.adult}") { ${NAME}: streetAddress ${PLACE}: givenName } }`;
    const response = await send(await tokenFor("SOCIAL_SECRETARY", "ss-1001"), query);
    expect(response.data?.[STREET][NAME]).toBe(herRecord.streetAddress);
    const records = await recordsWithoutAliases(response.requestId);
    expect(records).toEqual([expect.objectContaining({ kind: "FIELD_ACCESS", decision: "ALLOW", subjectId: her.adult })]);
    expect(records[0]?.fieldPaths.sort()).toEqual(["Person.givenName at person.givenName", "Person.streetAddress at person.streetAddress"]);
  });

  test("fields a subgraph withheld are recorded by coordinate and alias-free path", async () => {
    const query = `{ ${STREET}: person(id: "${her.adult}") { ${NAME}: streetAddress } }`;
    const response = await send(await tokenFor("POLICE_LIAISON", "pl-4001"), query);
    expect(response.data?.[STREET][NAME]).toBeNull();
    const records = await recordsWithoutAliases(response.requestId);
    expect(records).toContainEqual(
      expect.objectContaining({ decision: "REDACT", subjectId: her.adult, fieldPaths: ["Person.streetAddress at person.streetAddress"] }),
    );
  });

  test("a refused mutation under an alias is recorded as Mutation.openCase", async () => {
    const query = `mutation { ${STREET}: openCase(input: { subjectId: "${her.adult}", type: PROTECTION_AND_SUPPORT, assessment: "A long enough assessment text." }) { id } }`;
    const response = await send(await tokenFor("HOUSING_OFFICER", "ho-3001"), query);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", operation: "openCase" });
    const records = await recordsWithoutAliases(response.requestId);
    // Its write-ahead intent, then its refusal: both by coordinate, neither with the alias.
    expect(records).toEqual([
      expect.objectContaining({ kind: "CHANGE_INTENDED", fieldPaths: ["Mutation.openCase", `input.subjectId=${her.adult}`] }),
      expect.objectContaining({ kind: "REQUEST_DENIED", fieldPaths: ["Mutation.openCase"], reason: "NOT_PERMITTED_FOR_ROLE" }),
    ]);
  });
});

describe("a filter on a classified field is an access to that field of everyone it finds", () => {
  test("finding her by where she lives leaves a record naming her and Person.residenceMunicipality", async () => {
    const query = `query Find($place: String) { ${PLACE}: persons(filter: { residenceMunicipality: $place }, first: 50) { nodes { ${NAME}: id } } }`;
    const response = await send(await tokenFor("SOCIAL_SECRETARY", "ss-1001"), query, { place: herRecord.residenceMunicipality });
    expect(response.errors).toBeUndefined();
    expect(response.data?.[PLACE].nodes.map((n: Record<string, string>) => n[NAME])).toContain(her.adult);
    const records = await recordsWithoutAliases(response.requestId);
    const hers = records.filter((r) => r.subjectId === her.adult);
    expect(hers).toEqual([expect.objectContaining({ kind: "FIELD_ACCESS", decision: "ALLOW" })]);
    expect(hers[0]?.fieldPaths).toContain("Person.residenceMunicipality (filter) at persons");
  });

  test("an actor the filter must not let find her finds her not, and the attempt is on her record as refused", async () => {
    const query = `{ persons(filter: { residenceMunicipality: ${JSON.stringify(herRecord.residenceMunicipality)} }, first: 50) { nodes { id } } }`;
    const raw = await fetch(hubUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor("HOUSING_OFFICER", "ho-3001")}` },
      body: JSON.stringify({ query }),
    });
    const body = await raw.text();
    // Neither she nor the subgraph's report of her exclusion reaches the caller.
    expect(body).not.toContain(her.adult);
    expect(body).not.toContain(FILTER_EXCLUSIONS_EXTENSION);
    const mine = (await recordsOf(raw.headers.get("x-request-id") ?? "")).filter((r) => r.subjectId === her.adult);
    expect(mine).toEqual([
      expect.objectContaining({ kind: "FIELD_ACCESS", decision: "REDACT", reason: "EXCLUDED_BY_FILTER", fieldPaths: ["Person.residenceMunicipality (filter)"] }),
    ]);
  });

  test("an unfiltered list excludes nobody by a filter and records no exclusion", async () => {
    const response = await send(await tokenFor("HOUSING_OFFICER", "ho-3001"), `{ persons(first: 5) { nodes { id } } }`);
    expect((await recordsOf(response.requestId)).filter((r) => r.reason === "EXCLUDED_BY_FILTER")).toEqual([]);
  });
});

describe("an auditor's query records whose history it read", () => {
  const auditor = () => tokenFor("AUDITOR", "au-6003");

  test("subjectAccessHistory(subjectId) is recorded with that subject", async () => {
    const response = await send(await auditor(), `{ subjectAccessHistory(subjectId: "${her.adult}", first: 1) { nodes { seq } } }`);
    expect(response.errors).toBeUndefined();
    expect(await recordsOf(response.requestId)).toEqual([
      expect.objectContaining({ kind: "AUDIT_QUERY", actorStaffId: "au-6003", subjectId: her.adult, fieldPaths: ["Query.subjectAccessHistory"] }),
    ]);
  });

  test("an auditRecords filter on subjectId, through a variable, is recorded with that subject", async () => {
    const response = await send(await auditor(), `query H($f: AuditFilter) { auditRecords(filter: $f, first: 1) { nodes { seq } } }`, { f: { subjectId: her.adult } });
    expect(response.errors).toBeUndefined();
    expect(await recordsOf(response.requestId)).toEqual([expect.objectContaining({ kind: "AUDIT_QUERY", subjectId: her.adult, fieldPaths: ["Query.auditRecords"] })]);
  });

  test("a search across persons is recorded naming no one", async () => {
    const response = await send(await auditor(), `{ auditRecords(first: 1) { nodes { seq } } }`);
    expect(await recordsOf(response.requestId)).toEqual([expect.objectContaining({ kind: "AUDIT_QUERY", subjectId: null })]);
  });
});

describe("refusals carry their request id and are recorded", () => {
  const exportAs = (token: string | null) =>
    fetch(new URL("/audit/export?format=ndjson", hubUrl()), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  test("a 401's request id is in its x-request-id header as well as in its body", async () => {
    const response = await send("not-a-token", `{ person(id: "${her.adult}") { id } }`);
    expect(response.status).toBe(401);
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.errors?.[0]?.extensions?.requestId).toBe(response.requestId);
  });

  test("an export refused to a non-auditor is recorded as REQUEST_DENIED naming the actor", async () => {
    const response = await exportAs(await tokenFor("SOCIAL_SECRETARY", "ss-1001"));
    expect(response.status).toBe(403);
    const requestId = response.headers.get("x-request-id") ?? "";
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: "FORBIDDEN", requestId });
    expect(await recordsOf(requestId)).toEqual([
      expect.objectContaining({ kind: "REQUEST_DENIED", actorStaffId: "ss-1001", fieldPaths: ["export"], decision: "DENY", reason: "NOT_PERMITTED_FOR_ROLE" }),
    ]);
  });

  test("an export with a bad token is refused at the door like any other request (401, its request id in the header)", async () => {
    const expired = await mintToken({ agency: "audit", role: "AUDITOR", sub: "au-6003", expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const response = await exportAs(expired);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(response.headers.get("x-request-id")).toBe(body.errors[0]?.extensions.requestId);
    const records = await recordsOf(response.headers.get("x-request-id") ?? "");
    // At the door refusals are recorded one by one until the interval's quota, then counted.
    for (const record of records) expect(record).toMatchObject({ kind: "REQUEST_DENIED", decision: "DENY", reason: "EXPIRED" });
  });

  test("an auditor's export carries its request id, and its AUDIT_QUERY record", async () => {
    const response = await exportAs(await tokenFor("AUDITOR", "au-6003"));
    expect(response.status).toBe(200);
    await response.text();
    expect(await recordsOf(response.headers.get("x-request-id") ?? "")).toEqual([expect.objectContaining({ kind: "AUDIT_QUERY", fieldPaths: ["export.ndjson"] })]);
  });
});

describe("every record made under an active emergency grant is marked", () => {
  const officer = "pl-4007";
  const QUERY = `{ person(id: "${her.adult}") { streetAddress cases { assessment } } }`;

  test("allowed and withheld fields of the granted person, in an EMERGENCY request, are all emergency: true; other grounds are not", async () => {
    await grantEmergency({ requester: { role: "POLICE_LIAISON", sub: officer }, subjectId: her.adult, reason: "Larm om hot mot henne i bostaden just nu; polis på väg." });
    const opened = await send(await tokenFor("POLICE_LIAISON", officer, "EMERGENCY"), QUERY);
    expect(opened.data?.person.streetAddress).toBe(herRecord.streetAddress);
    const records = (await recordsOf(opened.requestId)).filter((r) => r.subjectId === her.adult);
    expect(records.map((r) => r.decision).sort()).toEqual(["ALLOW", "REDACT"]);
    expect(records.every((r) => r.emergency)).toBe(true);

    const ordinary = await send(await tokenFor("POLICE_LIAISON", officer, "CASE_WORK"), QUERY);
    const unmarked = (await recordsOf(ordinary.requestId)).filter((r) => r.subjectId === her.adult);
    expect(unmarked.length).toBeGreaterThan(0);
    expect(unmarked.some((r) => r.emergency)).toBe(false);
  });
});
