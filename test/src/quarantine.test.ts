import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Purpose, Role } from "@skyddsnat/schema";
import pg from "pg";
import { type AuditRow, withAuditOwner } from "./support/audit-db.js";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { type GraphQLResponse, gqlAs, hubUrl, tokenFor } from "./support/http.js";
import { closeFixtures, DESK, householdState, makeHousehold, type WriteHousehold } from "./support/write-fixtures.js";

/*
 * The police's personal-security unit quarantines a former identity when it decides an assumed
 * identity (lag (1991:483) om fingerade personuppgifter): quarantineIdentity. Over HTTP,
 * on a household of its own: she is known to her secretary, lives with her child and has an open
 * case, a consent and a child case — until the unit quarantines her. Refusals are GraphQL errors
 * of a 200 response, as every refused change in the hub (the codes are the contract).
 */
const PERSONAL_SECURITY = "ps-9101";
let h: WriteHousehold;

const quarantine = (subjectId: string) => `mutation { quarantineIdentity(input: { subjectId: "${subjectId}" }) { subjectId quarantinedAt } }`;

/** The change as sent, with the request id the audit trail files it under. */
async function send(role: Role, sub: string, query: string): Promise<GraphQLResponse<{ quarantineIdentity: { subjectId: string; quarantinedAt: string } }> & { requestId: string }> {
  const response = await fetch(hubUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(role, sub)}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, requestId: response.headers.get("x-request-id") ?? "", ...((await response.json()) as object) };
}

async function social<T>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: "-c search_path=social_services" });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
const quarantinedAt = async (id: string) => (await social<{ quarantinedAt: Date | null }>(`SELECT "quarantinedAt" FROM "Person" WHERE id = $1`, [id]))[0]?.quarantinedAt ?? null;
const changeRecords = (requestId: string) =>
  withAuditOwner(async (c) => (await c.query(`SELECT * FROM "AuditRecord" WHERE "requestId" = $1 AND kind IN ('CHANGE_INTENDED', 'CHANGE', 'REQUEST_DENIED', 'CHANGE_FAILED') ORDER BY seq`, [requestId])).rows as AuditRow[]);

/** Everyone but the unit, each with a desk that knew her or could look for her. */
const OTHERS: [Role, string][] = [
  ["SOCIAL_SECRETARY", DESK.owner], // the secretary who owns her case
  ["CONTACT_PERSON", DESK.contactPerson], // the contact person on it
  ["TEAM_LEAD", DESK.teamLead],
  ["POLICE_LIAISON", "pl-4001"],
  ["HOUSING_OFFICER", "ho-3001"],
  ["CHILD_SERVICES_OFFICER", DESK.officer], // the officer of her child's case
  ["AUDITOR", "au-6001"],
  ["POPULATION_REGISTER", DESK.register],
  ["SOCIAL_ON_CALL", "oc-9001"],
];

/** Every way a desk could come upon her: by id, by name, through her case, her child's household and custody. */
const lookFor = (role: Role, staffId: string) =>
  gqlAs<{ person: unknown; case: unknown }>(
    role,
    staffId,
    `query($id: ID!, $child: ID!, $case: ID!, $name: String!) {
      person(id: $id) { id givenName }
      persons(first: 100, filter: { name: $name }) { nodes { id } }
      case(id: $case) { id }
      cases(first: 100) { nodes { id } }
      child: person(id: $child) { id household { id } custodians { custodianId } }
    }`,
    { variables: { id: h.personId, child: h.childId, case: h.caseId, name: FAMILY_NAME } },
  );

/** Her own family name, so a name search finds her among the other tests' households. */
const FAMILY_NAME = `Karantän${Date.now().toString(36)}`;

beforeAll(async () => {
  h = await makeHousehold("PROTECTED_REGISTRATION");
  await social(`UPDATE "Person" SET "familyName" = $2 WHERE id = $1`, [h.personId, FAMILY_NAME]);
});
afterAll(closeFixtures);

describe("quarantineIdentity: the personal-security unit, and no one else, quarantines a former identity", () => {
  test("the control: before, her secretary reads her and finds her by name; the unit reads nothing of her", async () => {
    const mine = await gqlAs("SOCIAL_SECRETARY", DESK.owner, `query($id: ID!, $name: String!) { person(id: $id) { id givenName } persons(first: 100, filter: { name: $name }) { nodes { id } } }`, { variables: { id: h.personId, name: FAMILY_NAME } });
    expect(mine.data?.person).toEqual({ id: h.personId, givenName: "Testa" });
    expect(JSON.stringify(mine.data?.persons)).toContain(h.personId);
    const unit = await gqlAs("PERSONAL_SECURITY", PERSONAL_SECURITY, `query($id: ID!) { person(id: $id) { givenName } }`, { variables: { id: h.personId } });
    expect(JSON.stringify(unit.data ?? null)).not.toContain("Testa");
  });

  test.each(OTHERS.filter(([role]) => role !== "SOCIAL_ON_CALL"))("the control: before, %s %s finds her (at least her id, a reference)", async (role, staffId) => {
    expect(JSON.stringify(await lookFor(role, staffId))).toContain(h.personId);
  });

  test.each(OTHERS)("%s %s is refused with FORBIDDEN before anything is read, nothing written", async (role, staffId) => {
    const before = await householdState(h);
    const response = await send(role, staffId, quarantine(h.personId));
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_PERMITTED_FOR_ROLE" });
    expect(response.data?.quarantineIdentity ?? null).toBeNull();
    expect(await householdState(h)).toBe(before);
    expect(await quarantinedAt(h.personId)).toBeNull();
  });

  test("an unknown id and a malformed one are BAD_USER_INPUT, nothing written", async () => {
    const before = await householdState(h);
    const unknown = await send("PERSONAL_SECURITY", PERSONAL_SECURITY, quarantine("per_doesnotexist0"));
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "UNKNOWN_PERSON" });
    const malformed = await send("PERSONAL_SECURITY", PERSONAL_SECURITY, quarantine("not an id; DROP"));
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await householdState(h)).toBe(before);
  });

  let quarantineRequest = "";
  test("the unit quarantines her: the answer is her id and when, she lives nowhere, her child's own membership stays", async () => {
    const response = await send("PERSONAL_SECURITY", PERSONAL_SECURITY, quarantine(h.personId));
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    const stored = await quarantinedAt(h.personId);
    expect(stored).not.toBeNull();
    expect(response.data?.quarantineIdentity).toEqual({ subjectId: h.personId, quarantinedAt: (stored as Date).toISOString() });
    const memberships = await social<{ personId: string; endedAt: Date | null }>(`SELECT "personId", "endedAt" FROM "HouseholdMembership" WHERE "personId" IN ($1, $2)`, [h.personId, h.childId]);
    expect(memberships.filter((m) => m.personId === h.personId).map((m) => m.endedAt?.toISOString())).toEqual([(stored as Date).toISOString()]);
    expect(memberships.filter((m) => m.personId === h.childId).map((m) => m.endedAt)).toEqual([null]);
    quarantineRequest = response.requestId;
  });

  test("the audit trail records the change under her id alone: intent and CHANGE, by the unit, naming no one else", async () => {
    const records = await changeRecords(quarantineRequest);
    expect(records.map((r) => [r.kind, r.actorRole, r.actorStaffId, r.subjectId, r.fieldPaths])).toEqual([
      ["CHANGE_INTENDED", "PERSONAL_SECURITY", PERSONAL_SECURITY, h.personId, ["Mutation.quarantineIdentity", `input.subjectId=${h.personId}`]],
      ["CHANGE", "PERSONAL_SECURITY", PERSONAL_SECURITY, h.personId, ["Mutation.quarantineIdentity"]],
    ]);
    // The narrowing change is not flagged as widening anyone's access.
    expect(records[1]?.reason).toBeNull();
    // Nothing of the request names another person (her child, anyone she lived with) or a record of hers.
    const all = JSON.stringify(await withAuditOwner(async (c) => (await c.query(`SELECT * FROM "AuditRecord" WHERE "requestId" = $1`, [quarantineRequest])).rows));
    for (const other of [h.childId, h.caseId, h.consentId, h.childCaseId]) expect(all).not.toContain(other);
  });

  test.each(OTHERS)("afterwards %s %s finds her by no id, list, name search or link", async (role, staffId) => {
    const response = await lookFor(role, staffId);
    expect(response.status).toBe(200);
    expect(response.data?.person ?? null).toBeNull();
    expect(response.data?.case ?? null).toBeNull();
    const text = JSON.stringify(response);
    for (const trace of [h.personId, h.caseId, "Testa"]) expect(text).not.toContain(trace);
  });

  test("afterwards the personal-security unit reads her, at once", async () => {
    const response = await gqlAs("PERSONAL_SECURITY", PERSONAL_SECURITY, `query($id: ID!) { person(id: $id) { id givenName streetAddress } }`, { variables: { id: h.personId } });
    expect(response.data?.person).toEqual({ id: h.personId, givenName: "Testa", streetAddress: h.streetAddress });
  });

  test("a second call is refused with ALREADY_QUARANTINED and writes nothing", async () => {
    const before = { state: await householdState(h), at: await quarantinedAt(h.personId) };
    const again = await send("PERSONAL_SECURITY", PERSONAL_SECURITY, quarantine(h.personId));
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "ALREADY_QUARANTINED" });
    expect({ state: await householdState(h), at: await quarantinedAt(h.personId) }).toEqual(before);
  });
});

describe("a former identity's id in any write answers exactly like an id no one has", () => {
  const UNKNOWN = "per_nosuchperson0";
  const writes: [string, Role, string, (id: string) => string, Purpose?][] = [
    ["openCase", "TEAM_LEAD", "tl-7001", (id) => `mutation { openCase(input: { subjectId: "${id}", type: SHELTER_FOLLOW_UP, assessment: "Prov." }) { id } }`],
    ["updateProtectionLevel", "POPULATION_REGISTER", "pr-8001", (id) => `mutation { updateProtectionLevel(input: { subjectId: "${id}", protectionLevel: PROTECTED_REGISTRATION }) { id } }`],
    ["registerApplication", "HOUSING_OFFICER", "ho-3001", (id) => `mutation { registerApplication(input: { subjectId: "${id}", urgency: HIGH, requestedArea: "Malmö", householdSize: 2 }) { id } }`],
    ["recordIncident", "POLICE_LIAISON", "pl-4001", (id) => `mutation { recordIncident(input: { subjectId: "${id}", category: THREAT, occurredAt: "2026-11-01T10:00:00Z", place: "Prov.", description: "Prov." }) { id } }`],
    ["openChildCase", "CHILD_SERVICES_OFFICER", "cs-5001", (id) => `mutation { openChildCase(input: { childId: "${id}", concern: NEGLECT, notes: "Prov." }) { id } }`],
    ["requestEmergencyAccess", "POLICE_LIAISON", "pl-4001", (id) => `mutation { requestEmergencyAccess(input: { subjectId: "${id}", reason: "Hot mot livet, larm från grannar kl 03." }) { id } }`, "EMERGENCY"],
  ];
  const answer = (response: GraphQLResponse) => ({ status: response.status, data: response.data, errors: response.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, reason: e.extensions?.reason, argument: e.extensions?.argument })) });

  // Rest parameters: Jest would take a fifth named parameter of a four-item row for `done`.
  test.each(writes)("%s", async (...row) => {
    const [, role, staffId, mutation, purpose] = row;
    const before = await householdState(h);
    const former = await gqlAs(role, staffId, mutation(h.personId), purpose ? { purpose } : {});
    const nobody = await gqlAs(role, staffId, mutation(UNKNOWN), purpose ? { purpose } : {});
    expect(former.errors?.length).toBeGreaterThan(0);
    expect(answer(former)).toEqual(answer(nobody));
    expect(await householdState(h)).toEqual(before);
  });
});

describe("quarantining her never lifts a threat person's exclusion from the household she leaves", () => {
  test("a child protected from her father only through the mother's restraining order keeps her: refused with HOUSEHOLD_PROTECTED_THROUGH_HER, nothing written", async () => {
    const family = await makeHousehold("PROTECTED_REGISTRATION");
    // The father: the child's custodian, a threat to the mother (not registered as one to the child).
    const father = `per_w${Date.now().toString(36)}f`;
    await social(
      `INSERT INTO "Person" (id, "identityNumber", "givenName", "familyName", "birthDate", "protectionLevel", "registeredMunicipality") VALUES ($1, $2, 'Hotfull', 'Provfamilj', '1985-01-01', 'NONE', 'Gävle')`,
      [father, `W${father.slice(-10)}`],
    );
    await social(`INSERT INTO "Custody" ("childId", "custodianId", kind, since) VALUES ($1, $2, 'JOINT', now() - interval '1 year')`, [family.childId, father]);
    await social(`INSERT INTO "ThreatRelation" (id, "protectedId", "threatId", source, since) VALUES ($1, $2, $3, 'RESTRAINING_ORDER', now() - interval '1 day')`, [`thr_${father}`, family.personId, father]);
    const before = await householdState(family);
    const response = await send("PERSONAL_SECURITY", PERSONAL_SECURITY, quarantine(family.personId));
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "HOUSEHOLD_PROTECTED_THROUGH_HER" });
    expect(await householdState(family)).toBe(before);
    expect(await quarantinedAt(family.personId)).toBeNull();
    // Once the child is protected from him in her own right, the quarantine goes through.
    await social(`INSERT INTO "ThreatRelation" (id, "protectedId", "threatId", source, since) VALUES ($1, $2, $3, 'RESTRAINING_ORDER', now() - interval '1 day')`, [`thr_${father}c`, family.childId, father]);
    const after = await send("PERSONAL_SECURITY", PERSONAL_SECURITY, quarantine(family.personId));
    expect(after.errors).toBeUndefined();
    expect(await quarantinedAt(family.personId)).not.toBeNull();
  });
});
