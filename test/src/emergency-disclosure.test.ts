import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { buildPopulation, type RunningAuditedGateway, } from "@skyddsnat/hub";
import type { Purpose, Role } from "@skyddsnat/schema";
import { withAuditOwner } from "./support/audit-db.js";
import { ownAuditedGateway } from "./support/audited-gateway.js";
import { EMERGENCY_REASON, grantEmergency, requestEmergency } from "./support/emergency.js";
import { type GraphQLResponse, hubUrl, tokenFor } from "./support/http.js";
import { SCENARIOS } from "./support/scenarios.js";

/**
 * Emergency disclosure by the holding agency (issue 19, item 7), against the running hub: the
 * requester asks and opens nothing; social services' on-call — never the requester — grants for a
 * ground and a time, or refuses; someone other than both reviews. Every step is on the chain.
 */
const her = SCENARIOS.PROTECTED_REGISTRATION;
const population = buildPopulation();
const home = population.socialServices.persons.find((p) => p.id === her.adult)?.streetAddress as string;
const endedFlat = population.housing.tenancies.find((t) => t.id === her.endedTenancy)?.flatId;
const previous = population.housing.flats.find((f) => f.id === endedFlat)?.streetAddress as string;
// Staff of this suite only, so suites running beside it do not move what it counts.
const REQUESTER = { role: "POLICE_LIAISON", sub: "pl-4011" } as const;
const ON_CALL = "oc-9002";
const ADDRESS = `{ person(id: "${her.adult}") { streetAddress tenancies { id streetAddress } } }`;

// The chain as it stood before this suite: the browser suites decide requests about her too, as the
// on-call staff of the same directory, on the same hub.
let chainBefore = 0;
beforeAll(async () => {
  chainBefore = await withAuditOwner(async (c) => Number((await c.query(`SELECT coalesce(max(seq), 0) AS seq FROM "AuditRecord"`)).rows[0].seq));
});

type As = { role: Role; sub: string; purpose?: Purpose };
type Sent = GraphQLResponse<Record<string, any>> & { requestId: string };
async function send(as: As, query: string, variables: Record<string, unknown> = {}, url = hubUrl()): Promise<Sent> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(as.role, as.sub, as.purpose)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId: response.headers.get("x-request-id") ?? "", status: response.status, ...((await response.json()) as object) };
}
const requester = (purpose: Purpose = "EMERGENCY"): As => ({ ...REQUESTER, purpose });
const onCall = (sub = ON_CALL): As => ({ role: "SOCIAL_ON_CALL", sub });
const GRANT = `mutation($id: ID!, $ground: EmergencyGround!, $minutes: Int, $note: String) { grantEmergencyDisclosure(input: { requestId: $id, ground: $ground, minutes: $minutes, note: $note }) { id status decidedBy decidedAt ground expiresAt } }`;
const REFUSE = `mutation($id: ID!, $note: String!) { refuseEmergencyDisclosure(input: { requestId: $id, note: $note }) { id status decidedBy ground expiresAt } }`;
const REVIEW = `mutation($id: ID!) { reviewEmergencyAccess(input: { grantId: $id, outcome: "JUSTIFIED", note: "Larmet bekräftat i efterhand." }) { reviewedBy outcome } }`;

const rowOf = (id: string) => withAuditOwner(async (c) => JSON.stringify((await c.query(`SELECT * FROM "EmergencyGrant" WHERE id = $1`, [id])).rows));
const emergencyRecordsOf = (requestId: string) =>
  withAuditOwner(async (c) => (await c.query(`SELECT kind FROM "AuditRecord" WHERE "requestId" = $1 AND kind LIKE 'EMERGENCY_%'`, [requestId])).rows);
const withheldReason = (response: GraphQLResponse<Record<string, any>>) =>
  response.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(["person", "streetAddress"]))?.extensions?.reason;

describe("the requester alone opens nothing", () => {
  let requestId = "";

  test("her request is pending, and the address stays withheld with REQUIRES_EMERGENCY_GROUND", async () => {
    requestId = await requestEmergency({ requester: REQUESTER, subjectId: her.adult });
    const read = await send(requester(), ADDRESS);
    expect(read.data?.person.streetAddress).toBeNull();
    expect(withheldReason(read)).toBe("REQUIRES_EMERGENCY_GROUND");
    const mine = await send(requester(), `{ myEmergencyRequests { id status decidedBy ground expiresAt } }`);
    expect(mine.data?.myEmergencyRequests).toContainEqual({ id: requestId, status: "PENDING", decidedBy: null, ground: null, expiresAt: null });
  });

  test("the on-call sees what there is to decide — ids, who asks, why, when — and no person data", async () => {
    const pending = await send(onCall(), `{ pendingEmergencyRequests { id staffId role subjectId reason requestedAt status } }`);
    expect(pending.errors).toBeUndefined();
    expect(pending.data?.pendingEmergencyRequests).toContainEqual({ id: requestId, staffId: REQUESTER.sub, role: "POLICE_LIAISON", subjectId: her.adult, reason: EMERGENCY_REASON, requestedAt: expect.any(String), status: "PENDING" });
    const person = await send(onCall(), `{ person(id: "${her.adult}") { id givenName streetAddress protectionLevel } }`);
    expect(person.data?.person?.givenName ?? null).toBeNull();
    expect(person.data?.person?.streetAddress ?? null).toBeNull();
    expect(JSON.stringify(person)).not.toContain(home);
    for (const who of [requester(), { role: "AUDITOR", sub: "au-6001" } as As, { role: "SOCIAL_SECRETARY", sub: "ss-1001" } as As]) {
      expect((await send(who, `{ pendingEmergencyRequests { id } }`)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  test.each([
    ["the requester herself", requester(), "NOT_PERMITTED_FOR_ROLE"],
    ["the requester holding an on-call token", onCall(REQUESTER.sub), "OWN_EMERGENCY_REQUEST"],
    ["another police officer", { role: "POLICE_LIAISON", sub: "pl-4001", purpose: "EMERGENCY" } as As, "NOT_PERMITTED_FOR_ROLE"],
    ["a housing officer", { role: "HOUSING_OFFICER", sub: "ho-3001" } as As, "NOT_PERMITTED_FOR_ROLE"],
    ["the social secretary on her case", { role: "SOCIAL_SECRETARY", sub: "ss-1001", purpose: "EMERGENCY" } as As, "NOT_PERMITTED_FOR_ROLE"],
  ])("%s cannot grant it: FORBIDDEN, nothing written, nothing opened", async (_name, who, reason) => {
    const before = await rowOf(requestId);
    const response = await send(who, GRANT, { id: requestId, ground: "NECESSITY" });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason });
    expect(response.data?.grantEmergencyDisclosure ?? null).toBeNull();
    expect(await rowOf(requestId)).toBe(before);
    expect(response.requestId).not.toBe("");
    expect(await emergencyRecordsOf(response.requestId)).toEqual([]);
    expect((await send(requester(), ADDRESS)).data?.person.streetAddress).toBeNull();
  });

  test.each([
    ["an unknown request", { id: "egr_nobody_asked_this" }, "requestId", "UNKNOWN_REQUEST"],
    ["no minutes at all", { minutes: 0 }, "minutes", "MINUTES_OUT_OF_RANGE"],
    ["more than an hour", { minutes: 61 }, "minutes", "MINUTES_OUT_OF_RANGE"],
    ["a note of more than 1,000 characters", { note: "lång ".repeat(250) }, "note", "NOTE_TOO_LONG"],
  ])("granting %s is refused with a clear code, nothing written", async (_name, change, argument, reason) => {
    const before = await rowOf(requestId);
    const response = await send(onCall(), GRANT, { id: requestId, ground: "NECESSITY", ...change });
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument, reason });
    expect(await rowOf(requestId)).toBe(before);
    expect(response.requestId).not.toBe("");
    expect(await emergencyRecordsOf(response.requestId)).toEqual([]);
  });

  test.each([
    ["without a ground", `mutation($id: ID!) { grantEmergencyDisclosure(input: { requestId: $id }) { id } }`],
    ["with a ground that is no ground", `mutation($id: ID!) { grantEmergencyDisclosure(input: { requestId: $id, ground: BECAUSE }) { id } }`],
    ["with minutes that are not a number", `mutation($id: ID!) { grantEmergencyDisclosure(input: { requestId: $id, ground: NECESSITY, minutes: "thirty" }) { id } }`],
  ])("granting %s is refused by the schema (400), nothing written", async (_name, mutation) => {
    const before = await rowOf(requestId);
    const response = await send(onCall(), mutation, { id: requestId });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await rowOf(requestId)).toBe(before);
  });
});

describe("the holding agency decides", () => {
  let granted = "";
  let refused = "";

  test("the on-call grants for a ground and minutes: the requester sees where she lives now, under EMERGENCY only, never a previous address", async () => {
    granted = await requestEmergency({ requester: REQUESTER, subjectId: her.adult });
    const response = await send(onCall(), GRANT, { id: granted, ground: "OSL_10_21_23", minutes: 20, note: "Polisen utreder pågående brott mot henne." });
    expect(response.errors).toBeUndefined();
    const grant = response.data?.grantEmergencyDisclosure;
    expect(grant).toMatchObject({ id: granted, status: "GRANTED", decidedBy: ON_CALL, ground: "OSL_10_21_23" });
    expect(Date.parse(grant.expiresAt) - Date.parse(grant.decidedAt)).toBe(20 * 60_000);

    const read = await send(requester(), ADDRESS);
    expect(read.data?.person.streetAddress).toBe(home);
    // Housing's records (her previous address among them) are not opened by an emergency at all.
    expect(read.data?.person.tenancies).toBeNull();
    expect(JSON.stringify(read)).not.toContain(previous);
    // Her own grant, under the EMERGENCY ground only: not her ordinary ground, not a colleague.
    expect((await send(requester("CASE_WORK"), ADDRESS)).data?.person.streetAddress).toBeNull();
    expect((await send({ role: "POLICE_LIAISON", sub: "pl-4013", purpose: "EMERGENCY" }, ADDRESS)).data?.person.streetAddress).toBeNull();
  });

  test("a decided request is not decided again: granting twice, refusing a granted one", async () => {
    const before = await rowOf(granted);
    const twice = await send(onCall("oc-9003"), GRANT, { id: granted, ground: "NECESSITY", minutes: 60 });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "requestId", reason: "ALREADY_DECIDED" });
    const refusal = await send(onCall("oc-9003"), REFUSE, { id: granted, note: "Ångrar beslutet i efterhand." });
    expect(refusal.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "ALREADY_DECIDED" });
    expect(await rowOf(granted)).toBe(before);
  });

  test("a refusal opens nothing, cannot be granted afterwards, and is not queued for review", async () => {
    refused = await requestEmergency({ requester: { role: "POLICE_LIAISON", sub: "pl-4014" }, subjectId: her.adult });
    const noNote = await send(onCall(), REFUSE, { id: refused, note: "   " });
    expect(noNote.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "note", reason: "NOTE_REQUIRED" });
    const response = await send(onCall(), REFUSE, { id: refused, note: "Ingen nödsituation enligt bedömningen; hänvisat till polisen." });
    expect(response.data?.refuseEmergencyDisclosure).toEqual({ id: refused, status: "REFUSED", decidedBy: ON_CALL, ground: null, expiresAt: null });
    const read = await send({ role: "POLICE_LIAISON", sub: "pl-4014", purpose: "EMERGENCY" }, ADDRESS);
    expect(read.data?.person.streetAddress).toBeNull();
    expect(withheldReason(read)).toBe("REQUIRES_EMERGENCY_GROUND");

    const before = await rowOf(refused);
    const late = await send(onCall("oc-9003"), GRANT, { id: refused, ground: "NECESSITY" });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "ALREADY_DECIDED" });
    expect(await rowOf(refused)).toBe(before);

    const auditor = { role: "AUDITOR", sub: "au-6003" } as As;
    const queue = await send(auditor, `{ emergencyReviewQueue { grants { id } } }`);
    const queued = ((queue.data?.emergencyReviewQueue.grants ?? []) as { id: string }[]).map((g) => g.id);
    expect(queued).toContain(granted);
    expect(queued).not.toContain(refused);
    expect((await send(auditor, REVIEW, { id: refused })).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NOT_GRANTED" });
  });

  test("review: never by who asked or who granted (whatever token they hold), by an auditor accepted", async () => {
    const asAuditor = (sub: string): As => ({ role: "AUDITOR", sub });
    expect((await send(asAuditor(REQUESTER.sub), REVIEW, { id: granted })).errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "OWN_EMERGENCY_REQUEST" });
    expect((await send(asAuditor(ON_CALL), REVIEW, { id: granted })).errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "OWN_EMERGENCY_DISCLOSURE" });
    expect((await send(onCall("oc-9003"), REVIEW, { id: granted })).errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_PERMITTED_FOR_ROLE" });
    const reviewed = await send(asAuditor("au-6003"), REVIEW, { id: granted });
    expect(reviewed.data?.reviewEmergencyAccess).toEqual({ reviewedBy: "au-6003", outcome: "JUSTIFIED" });
  });

  test("the audit trail has the request, the decision and the review, each with its own actor", async () => {
    const rows = await withAuditOwner(async (c) =>
      (
        await c.query(
          `SELECT kind, "actorStaffId", "actorRole" FROM "AuditRecord" WHERE "subjectId" = $1 AND kind LIKE 'EMERGENCY_%' AND "actorStaffId" = ANY($2) AND seq > $3 ORDER BY seq`,
          [her.adult, [REQUESTER.sub, "pl-4014", ON_CALL, "au-6003"], chainBefore],
        )
      ).rows,
    );
    expect(rows).toEqual([
      { kind: "EMERGENCY_REQUESTED", actorStaffId: REQUESTER.sub, actorRole: "POLICE_LIAISON" }, // the first, still pending
      { kind: "EMERGENCY_REQUESTED", actorStaffId: REQUESTER.sub, actorRole: "POLICE_LIAISON" },
      { kind: "EMERGENCY_GRANTED", actorStaffId: ON_CALL, actorRole: "SOCIAL_ON_CALL" },
      { kind: "EMERGENCY_REQUESTED", actorStaffId: "pl-4014", actorRole: "POLICE_LIAISON" },
      { kind: "EMERGENCY_REFUSED", actorStaffId: ON_CALL, actorRole: "SOCIAL_ON_CALL" },
      { kind: "EMERGENCY_REVIEWED", actorStaffId: "au-6003", actorRole: "AUDITOR" },
    ]);
    // Ids and kinds only: neither the stated emergency nor a note reaches a record.
    const text = await withAuditOwner(async (c) => (await c.query(`SELECT count(*)::int AS n FROM "AuditRecord" r WHERE r::text LIKE '%nödsituation enligt bedömningen%'`)).rows[0].n);
    expect(text).toBe(0);
  });
});

describe("on a gateway whose clock can be moved", () => {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const schema = `emergency_${run}`;
  const witnessPath = join(tmpdir(), `skyddsnat-emergency-${run}.jsonl`);
  let offsetMs = 0;
  let gateway: RunningAuditedGateway;
  let grantId = "";

  beforeAll(async () => {
    gateway = await ownAuditedGateway("emergency-gateway", { schema, witness: { kind: "file", path: witnessPath } }, { emergencyClock: () => new Date(Date.now() + offsetMs) });
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    await withAuditOwner((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    await rm(witnessPath, { force: true });
  });

  const status = async () => (await send({ role: "AUDITOR", sub: "au-6001" }, `{ auditChainStatus { ok problem } }`, {}, gateway.url)).data?.auditChainStatus;
  const tamper = (sql: string) => withAuditOwner((c) => c.query(`SET session_replication_role = replica; ${sql}; SET session_replication_role = origin`), schema);

  test("expiry ends the disclosure: a minute's grant opens the address, and a minute later nothing — with the chain intact", async () => {
    grantId = await grantEmergency({ url: gateway.url, requester: REQUESTER, onCall: ON_CALL, subjectId: her.adult, minutes: 1 });
    expect((await send(requester(), ADDRESS, {}, gateway.url)).data?.person.streetAddress).toBe(home);
    offsetMs = 61_000;
    const expired = await send(requester(), ADDRESS, {}, gateway.url);
    expect(expired.data?.person.streetAddress).toBeNull();
    expect(withheldReason(expired)).toBe("REQUIRES_EMERGENCY_GROUND");
    expect(await status()).toEqual({ ok: true, problem: null });
  });

  test.each([
    ["extending the expired grant", `UPDATE "EmergencyGrant" SET "expiresAt" = now() + interval '1 day'`, "GRANT_CHANGED"],
    ["changing its ground", `UPDATE "EmergencyGrant" SET ground = 'OSL_10_18_B'`, "GRANT_CHANGED"],
    ["naming another granter", `UPDATE "EmergencyGrant" SET "decidedBy" = 'oc-9003'`, "GRANT_CHANGED"],
  ])("the database's administrator %s opens nothing, and the verifier names it", async (_name, sql, problem) => {
    await withAuditOwner((c) => c.query(`DROP TABLE IF EXISTS "grant_intact"; CREATE TABLE "grant_intact" AS SELECT * FROM "EmergencyGrant"`), schema);
    await tamper(`${sql} WHERE id = '${grantId}'`);
    try {
      expect((await send(requester(), ADDRESS, {}, gateway.url)).data?.person.streetAddress).toBeNull();
      expect((await status())?.problem).toContain(problem);
    } finally {
      await tamper(`UPDATE "EmergencyGrant" g SET "expiresAt" = i."expiresAt", ground = i.ground, "decidedBy" = i."decidedBy" FROM "grant_intact" i WHERE g.id = i.id`);
    }
    expect(await status()).toEqual({ ok: true, problem: null });
  });
});
