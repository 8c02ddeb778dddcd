import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { ensureDevKeys, type RunningAuditedGateway, } from "@skyddsnat/hub";
import { OPERATIONS, type Purpose, type Role, SUPERGRAPH_PATH } from "@skyddsnat/schema";
import { Kind, parse } from "graphql";
import { type AuditRow, withAuditOwner } from "./support/audit-db.js";
import { ownAuditedGateway } from "./support/audited-gateway.js";
import { tokenFor } from "./support/http.js";
import { closeFixtures, DESK, householdState, makeHousehold, type WriteHousehold } from "./support/write-fixtures.js";

/**
 * No change without its record: every mutation of the graph leaves a CHANGE_INTENDED record
 * before it runs and an outcome after; with the audit store refusing writes no mutation runs.
 * The gateway here has an audit schema of its own, in front of the running hub's subgraphs.
 */
const run = `${process.pid}_${Date.now().toString(36)}`;
const schema = `audit_changes_${run}`;
const witnessPath = join(tmpdir(), `skyddsnat-changes-${run}.jsonl`);
/** Free text in every input: it must never reach a record. */
const FREE_TEXT = `Fritext${run.replace(/[^a-z0-9]/gi, "")}`;
const day = 86_400_000;
let gateway: RunningAuditedGateway;

beforeAll(async () => {
  gateway = await ownAuditedGateway("changes-gateway", { schema, witness: { kind: "file", path: witnessPath } });
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await withAuditOwner((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  await rm(witnessPath, { force: true });
  await closeFixtures();
});

interface Sent {
  requestId: string;
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

async function send(as: { role: Role; sub: string; purpose?: Purpose }, query: string, variables: Record<string, unknown> = {}): Promise<Sent> {
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(as.role, as.sub, as.purpose)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId: response.headers.get("x-request-id") ?? "", status: response.status, ...((await response.json()) as object) };
}

const recordsOf = (requestId: string) =>
  withAuditOwner(async (c) => (await c.query(`SELECT *, seq::text AS seq FROM "AuditRecord" WHERE "requestId" = $1 ORDER BY "AuditRecord".seq`, [requestId])).rows as (AuditRow & { id: string })[], schema);
const count = (sql: string) => withAuditOwner(async (c) => Number((await c.query(sql)).rows[0].n), schema);
const grantsState = () => withAuditOwner(async (c) => JSON.stringify((await c.query(`SELECT id, status, "expiresAt", "reviewedAt" FROM "EmergencyGrant" ORDER BY id`)).rows), schema);
const changeRecords = <T extends AuditRow>(records: T[]) => records.filter((r) => ["CHANGE_INTENDED", "CHANGE", "REQUEST_DENIED", "CHANGE_FAILED"].includes(r.kind));

const consentInput = (h: WriteHousehold) =>
  `{ subjectId: "${h.personId}", recipientAgency: social_services, recipientUnit: "social-services/malmo-vald", givenBy: "${h.personId}", form: WRITTEN, purpose: COORDINATED_SUPPORT, scope: [STATUS], validFrom: "${new Date(Date.now() - day).toISOString()}", validTo: "${new Date(Date.now() + 30 * day).toISOString()}" }`;
const emergencyReason = `Larm om pågående våld i bostaden, adressen behövs nu ${FREE_TEXT}`;
const police = { role: "POLICE_LIAISON", sub: "pl-4001", purpose: "EMERGENCY" } as const;

const onCall = { role: "SOCIAL_ON_CALL", sub: "oc-9001" } as const;

async function requestOn(h: WriteHousehold): Promise<string> {
  const asked = await send(police, `mutation { requestEmergencyAccess(input: { subjectId: "${h.personId}", reason: "${emergencyReason}" }) { id } }`);
  expect(asked.errors).toBeUndefined();
  return asked.data?.requestEmergencyAccess.id as string;
}

async function grantOn(h: WriteHousehold): Promise<string> {
  const requestId = await requestOn(h);
  const granted = await send(onCall, `mutation { grantEmergencyDisclosure(input: { requestId: "${requestId}", ground: NECESSITY }) { id } }`);
  expect(granted.errors).toBeUndefined();
  return requestId;
}

/**
 * Every mutation of the graph with a caller the write rules allow, the ids its input names and
 * what makes it ready (a grant to review). A mutation added to the schema without a row here fails
 * the first test.
 */
const MUTATIONS: Record<string, { as: { role: Role; sub: string; purpose?: Purpose }; level?: "NONE" | "PROTECTED_REGISTRATION"; prepare?: (h: WriteHousehold) => Promise<string>; query: (h: WriteHousehold, prepared: string) => string; ids: (h: WriteHousehold, prepared: string) => string[] }> = {
  openCase: {
    as: { role: "SOCIAL_SECRETARY", sub: DESK.owner },
    query: (h) => `mutation { openCase(input: { subjectId: "${h.personId}", type: SHELTER_FOLLOW_UP, assessment: "Uppföljning ${FREE_TEXT}." }) { id } }`,
    ids: (h) => [`input.subjectId=${h.personId}`],
  },
  closeCase: { as: { role: "SOCIAL_SECRETARY", sub: DESK.owner }, query: (h) => `mutation { closeCase(id: "${h.caseId}") { id } }`, ids: (h) => [`id=${h.caseId}`] },
  assignStaff: {
    as: { role: "SOCIAL_SECRETARY", sub: DESK.owner },
    query: (h) => `mutation { assignStaff(input: { caseId: "${h.caseId}", staffId: "cp-2903", role: CONTACT_PERSON }) { id } }`,
    ids: (h) => [`input.caseId=${h.caseId}`, "input.staffId=cp-2903"],
  },
  recordConsent: { as: { role: "CONTACT_PERSON", sub: DESK.contactPerson, purpose: "COORDINATED_SUPPORT" }, query: (h) => `mutation { recordConsent(input: ${consentInput(h)}) { id } }`, ids: (h) => [`input.subjectId=${h.personId}`, `input.givenBy=${h.personId}`] },
  revokeConsent: { as: { role: "CONTACT_PERSON", sub: DESK.contactPerson, purpose: "COORDINATED_SUPPORT" }, query: (h) => `mutation { revokeConsent(id: "${h.consentId}") { id } }`, ids: (h) => [`id=${h.consentId}`] },
  scheduleAppointment: {
    as: { role: "SOCIAL_SECRETARY", sub: DESK.owner },
    query: (h) =>
      `mutation { scheduleAppointment(input: { caseId: "${h.caseId}", startsAt: "${new Date(Date.now() + 3 * day).toISOString()}", endsAt: "${new Date(Date.now() + 3 * day + 3_600_000).toISOString()}", place: "Socialkontoret ${FREE_TEXT}", placeKind: OFFICE_OF_AGENCY, participants: ["${DESK.owner}"] }) { id } }`,
    ids: (h) => [`input.caseId=${h.caseId}`, `input.participants=${DESK.owner}`],
  },
  updateProtectionLevel: {
    as: { role: "POPULATION_REGISTER", sub: DESK.register },
    query: (h) => `mutation { updateProtectionLevel(input: { subjectId: "${h.personId}", protectionLevel: CONFIDENTIALITY_MARKED }) { id } }`,
    ids: (h) => [`input.subjectId=${h.personId}`],
  },
  quarantineIdentity: {
    as: { role: "PERSONAL_SECURITY", sub: "ps-9101" },
    query: (h) => `mutation { quarantineIdentity(input: { subjectId: "${h.personId}" }) { subjectId quarantinedAt } }`,
    ids: (h) => [`input.subjectId=${h.personId}`],
  },
  registerApplication: {
    as: { role: "HOUSING_OFFICER", sub: "ho-3001" },
    query: (h) => `mutation { registerApplication(input: { subjectId: "${h.personId}", urgency: HIGH, requestedArea: "${FREE_TEXT}", householdSize: 2 }) { id } }`,
    ids: (h) => [`input.subjectId=${h.personId}`],
  },
  recordIncident: {
    as: { role: "POLICE_LIAISON", sub: "pl-4001" },
    query: (h) => `mutation { recordIncident(input: { subjectId: "${h.personId}", occurredAt: "${new Date(Date.now() - day).toISOString()}", category: THREAT, place: "${FREE_TEXT}", description: "Hotfulla meddelanden ${FREE_TEXT}." }) { id } }`,
    ids: (h) => [`input.subjectId=${h.personId}`],
  },
  openChildCase: {
    as: { role: "CHILD_SERVICES_OFFICER", sub: DESK.officer },
    query: (h) => `mutation { openChildCase(input: { childId: "${h.childId}", concern: NEGLECT, notes: "Nytt ärende ${FREE_TEXT}." }) { id } }`,
    ids: (h) => [`input.childId=${h.childId}`],
  },
  placeChild: {
    as: { role: "CHILD_SERVICES_OFFICER", sub: DESK.officer },
    query: (h) => `mutation { placeChild(input: { childCaseId: "${h.childCaseId}", kind: SCHOOL, schoolName: "${FREE_TEXT}", municipality: "Sandviken", startsOn: "${new Date(Date.now() + 10 * day).toISOString().slice(0, 10)}T00:00:00Z" }) { id } }`,
    ids: (h) => [`input.childCaseId=${h.childCaseId}`],
  },
  requestEmergencyAccess: {
    as: police,
    query: (h) => `mutation { requestEmergencyAccess(input: { subjectId: "${h.personId}", reason: "${emergencyReason}" }) { id } }`,
    ids: (h) => [`input.subjectId=${h.personId}`],
  },
  grantEmergencyDisclosure: {
    as: onCall,
    prepare: requestOn,
    query: (_h, requestId) => `mutation { grantEmergencyDisclosure(input: { requestId: "${requestId}", ground: OSL_10_18_B, minutes: 15, note: "Bedömt ${FREE_TEXT}." }) { id } }`,
    ids: (_h, requestId) => [`input.requestId=${requestId}`],
  },
  refuseEmergencyDisclosure: {
    as: onCall,
    prepare: requestOn,
    query: (_h, requestId) => `mutation { refuseEmergencyDisclosure(input: { requestId: "${requestId}", note: "Ingen grund ${FREE_TEXT}." }) { id } }`,
    ids: (_h, requestId) => [`input.requestId=${requestId}`],
  },
  reviewEmergencyAccess: {
    as: { role: "AUDITOR", sub: "au-6001" },
    prepare: grantOn,
    query: (_h, grantId) => `mutation { reviewEmergencyAccess(input: { grantId: "${grantId}", outcome: "JUSTIFIED", note: "Granskad ${FREE_TEXT}." }) { id } }`,
    ids: (_h, grantId) => [`input.grantId=${grantId}`],
  },
};

const mutationFields = () => {
  const type = parse(readFileSync(SUPERGRAPH_PATH, "utf8")).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Mutation");
  return type && "fields" in type ? (type.fields ?? []).map((f) => f.name.value).sort() : [];
};

describe("every mutation is recorded", () => {
  test("the table covers every Mutation field of the graph, and they are the schema's write OPERATIONS", () => {
    expect(Object.keys(MUTATIONS).sort()).toEqual(mutationFields());
    expect(mutationFields()).toEqual(OPERATIONS.filter((operation) => operation !== "readAuditLog").sort());
  });

  test.each(mutationFields())("%s leaves its intent before it runs and its CHANGE after, linked, with ids only", async (field) => {
    const row = MUTATIONS[field];
    if (!row) throw new Error(`no row for ${field}: record it`);
    const h = await makeHousehold(row.level ?? "NONE");
    const prepared = (await row.prepare?.(h)) ?? "";
    const response = await send(row.as, row.query(h, prepared));
    expect(response.errors).toBeUndefined();
    const records = changeRecords(await recordsOf(response.requestId));
    const [intent, outcome] = records;
    expect(records).toHaveLength(2);
    expect(intent).toMatchObject({ id: `intent-${response.requestId}-0`, kind: "CHANGE_INTENDED", actorStaffId: row.as.sub, actorRole: row.as.role, purpose: expect.any(String) });
    expect(intent?.fieldPaths).toEqual([`Mutation.${field}`, ...row.ids(h, prepared)]);
    expect(outcome).toMatchObject({ id: `outcome-${response.requestId}-0`, kind: "CHANGE", fieldPaths: [`Mutation.${field}`] });
    expect(Number(intent?.seq)).toBeLessThan(Number(outcome?.seq));
    expect(JSON.stringify(await recordsOf(response.requestId))).not.toContain(FREE_TEXT);
  });

  test("no free text of any input reached any record (reasons, assessments, notes, places)", async () => {
    expect(await count(`SELECT count(*) AS n FROM "AuditRecord" r WHERE r::text LIKE '%${FREE_TEXT}%'`)).toBe(0);
    // …while the grant table does hold the stated reason: the search would have found it.
    expect(await count(`SELECT count(*) AS n FROM "EmergencyGrant" g WHERE g::text LIKE '%${FREE_TEXT}%'`)).toBeGreaterThan(0);
  });
});

describe("with the audit store refusing writes, no mutation runs", () => {
  const revoke = () => withAuditOwner((c) => c.query(`REVOKE INSERT ON "AuditRecord" FROM skyddsnat_audit_writer`), schema);
  const restore = () => withAuditOwner((c) => c.query(`GRANT INSERT ON "AuditRecord" TO skyddsnat_audit_writer`), schema);
  afterAll(restore);

  test.each(mutationFields())("%s fails with AUDIT_UNAVAILABLE (503), nothing changed in its subgraph, no grant made", async (field) => {
    const row = MUTATIONS[field];
    if (!row) throw new Error(`no row for ${field}`);
    const h = await makeHousehold(row.level ?? "NONE");
    const prepared = (await row.prepare?.(h)) ?? "";
    const before = { household: await householdState(h), grants: await grantsState() };
    const records = await count(`SELECT count(*) AS n FROM "AuditRecord"`);
    await revoke();
    let response: Sent;
    try {
      response = await send(row.as, row.query(h, prepared));
    } finally {
      await restore();
    }
    expect(response.status).toBe(503);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ path: [field], extensions: { code: "AUDIT_UNAVAILABLE" } })]);
    expect({ household: await householdState(h), grants: await grantsState() }).toEqual(before);
    expect(await count(`SELECT count(*) AS n FROM "AuditRecord"`)).toBe(records);
    // And with the store back, the same change is made and recorded.
    const again = await send(row.as, row.query(h, prepared));
    expect(again.errors).toBeUndefined();
    expect(changeRecords(await recordsOf(again.requestId)).map((r) => r.kind)).toEqual(["CHANGE_INTENDED", "CHANGE"]);
  });
});

describe("an operation of several mutations", () => {
  test("whose second member is refused keeps the first one's CHANGE, records the refusal, and runs no further member", async () => {
    const h = await makeHousehold("NONE");
    const before = await householdState(h);
    const contact = { role: "CONTACT_PERSON", sub: DESK.contactPerson, purpose: "COORDINATED_SUPPORT" } as const;
    const response = await send(
      contact,
      `mutation { first: recordConsent(input: ${consentInput(h)}) { id } second: assignStaff(input: { caseId: "${h.caseId}", staffId: "${DESK.contactPerson}", role: SOCIAL_SECRETARY }) { id } third: revokeConsent(id: "${h.consentId}") { id } }`,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    const records = changeRecords(await recordsOf(response.requestId));
    expect(records.map((r) => [r.id.replace(response.requestId, "R"), r.kind, r.fieldPaths[0]])).toEqual([
      ["intent-R-0", "CHANGE_INTENDED", "Mutation.recordConsent"],
      ["intent-R-1", "CHANGE_INTENDED", "Mutation.assignStaff"],
      ["intent-R-2", "CHANGE_INTENDED", "Mutation.revokeConsent"],
      ["outcome-R-0", "CHANGE", "Mutation.recordConsent"],
      ["outcome-R-1", "REQUEST_DENIED", "Mutation.assignStaff"],
      ["outcome-R-2", "CHANGE_FAILED", "Mutation.revokeConsent"],
    ]);
    expect(records.at(-1)).toMatchObject({ decision: "FAILED", reason: "NOT_RUN" });
    // The consent was recorded; the assignment and the revocation were not made.
    const after = JSON.parse(await householdState(h));
    const was = JSON.parse(before);
    expect(after.social.consents).toHaveLength(was.social.consents.length + 1);
    expect(after.social.assignments).toEqual(was.social.assignments);
    expect(after.social.consents.find((c: { id: string }) => c.id === h.consentId).revokedAt).toBeNull();
  });

  test("whose second member fails on bad input keeps the first one's CHANGE and records CHANGE_FAILED with the error's code", async () => {
    const h = await makeHousehold("NONE");
    const response = await send(
      { role: "SOCIAL_SECRETARY", sub: DESK.owner },
      `mutation { opened: openCase(input: { subjectId: "${h.personId}", type: SHELTER_FOLLOW_UP, assessment: "Uppföljning ${FREE_TEXT}." }) { id } bad: openCase(input: { subjectId: "${h.personId}", type: SHELTER_FOLLOW_UP, assessment: "kort" }) { id } }`,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const records = changeRecords(await recordsOf(response.requestId));
    expect(records.map((r) => [r.kind, r.reason])).toEqual([
      ["CHANGE_INTENDED", null],
      ["CHANGE_INTENDED", null],
      ["CHANGE", "ACCESS_WIDENED"],
      ["CHANGE_FAILED", "BAD_USER_INPUT"],
    ]);
    expect(JSON.parse(await householdState(h)).social.cases).toHaveLength(2);
  });
});

describe("mutations are found however the operation is written", () => {
  test("a named fragment, an inline fragment, aliases, @include with a variable's default: each is recorded once; @skip and @include(if: false) leave no record", async () => {
    const h = await makeHousehold("NONE");
    const before = JSON.parse(await householdState(h));
    const alias = `secretAlias${run.replace(/[^a-z0-9]/gi, "")}`;
    const response = await send(
      { role: "CONTACT_PERSON", sub: DESK.contactPerson, purpose: "COORDINATED_SUPPORT" },
      `mutation Written($skipIt: Boolean = true, $doIt: Boolean = true) {
        ...Consenting
        ... on Mutation { ${alias}: revokeConsent(id: "${h.consentId}") { id } }
        raised: updateProtectionLevel(input: { subjectId: "${h.personId}", protectionLevel: CONFIDENTIALITY_MARKED }) @include(if: $doIt) { id }
        skipped: openCase(input: { subjectId: "${h.personId}", type: SHELTER_FOLLOW_UP, assessment: "Ska aldrig köras." }) @skip(if: $skipIt) { id }
        ... on Mutation @include(if: false) { assignStaff(input: { caseId: "${h.caseId}", staffId: "cp-2903", role: CONTACT_PERSON }) { id } }
      }
      fragment Consenting on Mutation { consent: recordConsent(input: ${consentInput(h)}) { id } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(Object.keys(response.data ?? {})).toEqual(["consent", alias, "raised"]);
    const records = changeRecords(await recordsOf(response.requestId));
    const intents = records.filter((r) => r.kind === "CHANGE_INTENDED").map((r) => r.fieldPaths[0]);
    expect(intents).toEqual(["Mutation.recordConsent", "Mutation.revokeConsent", "Mutation.updateProtectionLevel"]);
    expect(records.filter((r) => r.kind === "CHANGE").map((r) => r.fieldPaths[0])).toEqual(intents);
    expect(JSON.stringify(await recordsOf(response.requestId))).not.toContain(alias);
    const after = JSON.parse(await householdState(h));
    expect(after.social.cases).toEqual(before.social.cases);
    expect(after.social.assignments).toEqual(before.social.assignments);
  });

  test("a variable that flips @skip runs and records that mutation", async () => {
    const h = await makeHousehold("NONE");
    const response = await send(
      { role: "CONTACT_PERSON", sub: DESK.contactPerson, purpose: "COORDINATED_SUPPORT" },
      `mutation Flip($skipIt: Boolean = true) { revokeConsent(id: "${h.consentId}") @skip(if: $skipIt) { id } }`,
      { skipIt: false },
    );
    expect(response.errors).toBeUndefined();
    expect(changeRecords(await recordsOf(response.requestId)).map((r) => r.kind)).toEqual(["CHANGE_INTENDED", "CHANGE"]);
  });
});

describe("an intent whose outcome could not be written stays visible", () => {
  test("auditRecords lists CHANGE_INTENDED records, and audit:verify's report names the intents without an outcome", async () => {
    const h = await makeHousehold("NONE");
    const response = await send({ role: "CONTACT_PERSON", sub: DESK.contactPerson, purpose: "COORDINATED_SUPPORT" }, `mutation { revokeConsent(id: "${h.consentId}") { id } }`);
    expect(response.errors).toBeUndefined();
    // The auditor reads the intents through the graph, filtered by kind.
    const listed = await send({ role: "AUDITOR", sub: "au-6001" }, `{ auditRecords(filter: { kind: "CHANGE_INTENDED" }, first: 5) { nodes { id kind fieldPaths } } }`);
    expect(listed.data?.auditRecords.nodes).toContainEqual({ id: `intent-${response.requestId}-0`, kind: "CHANGE_INTENDED", fieldPaths: ["Mutation.revokeConsent", `id=${h.consentId}`] });
    // An outcome lost (as when the store fails after the change): the administrator removes it here.
    const { verifyChain } = await import("@skyddsnat/gateway");
    const rows = await withAuditOwner(async (c) => (await c.query(`SELECT * FROM "AuditRecord" ORDER BY seq`)).rows, schema);
    const keys = await ensureDevKeys();
    const records = rows.map((r) => ({ ...r, seq: BigInt(r.seq) })).filter((r) => r.id !== `outcome-${response.requestId}-0`);
    const report = await verifyChain(records, [], { chainKey: keys.auditChainKey, publicJwks: keys.gateway.publicJwks });
    expect(report.intentsWithoutOutcome).toEqual([expect.objectContaining({ id: `intent-${response.requestId}-0`, operation: "Mutation.revokeConsent" })]);
  });
});
