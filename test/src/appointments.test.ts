import { afterAll, describe, expect, test } from "@jest/globals";
import type { Purpose, Role } from "@skyddsnat/schema";
import pg from "pg";
import { type AuditRow, recordsOf } from "./support/audit-db.js";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { hubUrl, tokenFor } from "./support/http.js";
import { SCENARIOS } from "./support/scenarios.js";
import { closeFixtures, DESK, makeHousehold, type WriteHousehold } from "./support/write-fixtures.js";

/**
 * Appointments are location data (DOMAIN.md): when and where a meeting is tells where she will
 * be. Only the staff who take part, assigned on her case, see it; a meeting place her handling
 * instructions forbid is refused before anything is written. Against the running hub, with real tokens.
 */
const day = 86_400_000;
const SS: { role: Role; sub: string; purpose?: Purpose } = { role: "SOCIAL_SECRETARY", sub: "ss-1001" };
const CP: { role: Role; sub: string; purpose?: Purpose } = { role: "CONTACT_PERSON", sub: "cp-2001", purpose: "COORDINATED_SUPPORT" };

interface Answer {
  requestId: string;
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function send(as: { role: Role; sub: string; purpose?: Purpose }, query: string): Promise<Answer> {
  const response = await fetch(hubUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(as.role, as.sub, as.purpose)}` },
    body: JSON.stringify({ query }),
  });
  return { requestId: response.headers.get("x-request-id") ?? "", status: response.status, ...((await response.json()) as object) };
}

const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: "-c search_path=social_services", max: 1 });
afterAll(async () => {
  await pool.end();
  await closeFixtures();
});
const appointmentsOn = async (caseId: string) =>
  Number((await pool.query(`SELECT count(*) AS n FROM "Appointment" WHERE "caseId" = $1`, [caseId])).rows[0].n);

const schedule = (h: WriteHousehold, placeKind: string, place: string, participants: string[]) =>
  `mutation { scheduleAppointment(input: { caseId: "${h.caseId}", startsAt: "${new Date(Date.now() + 2 * day).toISOString()}", endsAt: "${new Date(Date.now() + 2 * day + 3_600_000).toISOString()}", place: "${place}", placeKind: ${placeKind}, participants: [${participants.map((p) => `"${p}"`).join(", ")}] }) { id } }`;
const reasonsAt = (answer: Answer) => (answer.errors ?? []).map((e) => [e.path?.at(-1), e.extensions?.reason]);
const MEETING = "id startsAt endsAt place placeKind participants";

describe("a participant sees when and where", () => {
  test.each([
    ["the contact person", CP],
    ["the social secretary", SS],
  ])("%s of the PROTECTED_REGISTRATION household sees her meeting's time and place", async (_who, as) => {
    const s = SCENARIOS.PROTECTED_REGISTRATION;
    const answer = await send(as, `{ person(id: "${s.adult}") { appointments { ${MEETING} } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.person.appointments).toEqual([
      expect.objectContaining({ id: s.appointment, place: "Socialkontoret, samtalsrum Rönn", placeKind: "OFFICE_OF_AGENCY", participants: ["cp-2001", "ss-1001"], startsAt: expect.any(String) }),
    ]);
  });
});

describe("everyone else gets them withheld", () => {
  let h: WriteHousehold;
  let meeting: string;
  test("the case's own secretary books a meeting for the contact person alone", async () => {
    h = await makeHousehold("PROTECTED_REGISTRATION");
    const booked = await send({ role: "SOCIAL_SECRETARY", sub: DESK.owner }, schedule(h, "OFFICE_OF_AGENCY", "Familjecentralen, rum Ek", [DESK.contactPerson]));
    expect(booked.errors).toBeUndefined();
    meeting = booked.data?.scheduleAppointment.id;
    expect(meeting).toMatch(/^apt_/);
  });

  test("the contact person taking part sees it", async () => {
    const answer = await send({ role: "CONTACT_PERSON", sub: DESK.contactPerson, purpose: "COORDINATED_SUPPORT" }, `{ case(id: "${h.caseId}") { appointments { ${MEETING} } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.case.appointments).toEqual([expect.objectContaining({ id: meeting, place: "Familjecentralen, rum Ek", participants: [DESK.contactPerson] })]);
  });

  test("the social secretary assigned on the case, not taking part, gets time, place and kind withheld (REQUIRES_PARTICIPATION)", async () => {
    const answer = await send({ role: "SOCIAL_SECRETARY", sub: DESK.owner }, `{ case(id: "${h.caseId}") { appointments { ${MEETING} } } }`);
    expect(answer.data?.case.appointments).toEqual([{ id: meeting, startsAt: null, endsAt: null, place: null, placeKind: null, participants: [DESK.contactPerson] }]);
    expect(reasonsAt(answer).sort()).toEqual([
      ["endsAt", "REQUIRES_PARTICIPATION"],
      ["place", "REQUIRES_PARTICIPATION"],
      ["placeKind", "REQUIRES_PARTICIPATION"],
      ["startsAt", "REQUIRES_PARTICIPATION"],
    ]);
    expect(JSON.stringify(answer)).not.toContain("Familjecentralen");
  });

  test("a police liaison with an emergency purpose and a social secretary not on the case see no place either", async () => {
    for (const as of [
      { role: "SOCIAL_SECRETARY" as Role, sub: DESK.stranger },
      { role: "POLICE_LIAISON" as Role, sub: "pl-4001", purpose: "EMERGENCY" as Purpose },
    ]) {
      const answer = await send(as, `{ person(id: "${h.personId}") { appointments { ${MEETING} } } }`);
      expect(answer.status).toBeLessThan(500);
      expect(JSON.stringify(answer.data)).not.toContain("Familjecentralen");
    }
  });
});

describe("the policy's own input is not for clients", () => {
  test("selecting policyParticipants is refused: 400 RESERVED_NAME", async () => {
    const answer = await send(CP, `{ person(id: "${SCENARIOS.PROTECTED_REGISTRATION.adult}") { appointments { id policyParticipants } } }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(["RESERVED_NAME"]);
    expect(answer.data ?? null).toBeNull();
  });
});

describe("booking follows the handling instructions", () => {
  test.each([
    ["PROTECTED_REGISTRATION", "HOME_VISIT"],
    ["PROTECTED_REGISTRATION", "NEAR_RESIDENCE"],
    ["ASSUMED_IDENTITY", "HOME_VISIT"],
    ["ASSUMED_IDENTITY", "NEAR_RESIDENCE"],
  ] as const)("a %s person's meeting at %s is refused (MEETING_PLACE_FORBIDDEN) and nothing is written", async (level, kind) => {
    const h = await makeHousehold(level);
    const answer = await send({ role: "SOCIAL_SECRETARY", sub: DESK.owner }, schedule(h, kind, "Vid hemmet", [DESK.owner]));
    expect(answer.status).toBeLessThan(500);
    expect(answer.data?.scheduleAppointment ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "placeKind", reason: "MEETING_PLACE_FORBIDDEN" });
    expect(await appointmentsOn(h.caseId)).toBe(0);
    expect((await recordsOf(answer.requestId)).map((r) => r.kind)).not.toContain("CHANGE");
  });

  test("a participant not on the case is refused (PARTICIPANT_NOT_ON_CASE) and nothing is written", async () => {
    const h = await makeHousehold("NONE");
    const answer = await send({ role: "SOCIAL_SECRETARY", sub: DESK.owner }, schedule(h, "OFFICE_OF_AGENCY", "Socialkontoret", [DESK.stranger]));
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "participants", reason: "PARTICIPANT_NOT_ON_CASE" });
    expect(await appointmentsOn(h.caseId)).toBe(0);
  });

  test("a secretary not on the case may not book (FORBIDDEN) and learns nothing of the person's protection", async () => {
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const answer = await send({ role: "SOCIAL_SECRETARY", sub: DESK.stranger }, schedule(h, "HOME_VISIT", "Vid hemmet", [DESK.owner]));
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "REQUIRES_ASSIGNMENT" });
    expect(await appointmentsOn(h.caseId)).toBe(0);
  });

  test("an allowed place is booked, and the audit trail holds its intent and its change, with ids only", async () => {
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const answer = await send({ role: "SOCIAL_SECRETARY", sub: DESK.owner }, schedule(h, "PUBLIC_PLACE", "Stadsbiblioteket, grupprum Tall", [DESK.owner, DESK.contactPerson]));
    expect(answer.errors).toBeUndefined();
    expect(await appointmentsOn(h.caseId)).toBe(1);
    const records = (await recordsOf(answer.requestId)).filter((r: AuditRow) => ["CHANGE_INTENDED", "CHANGE"].includes(r.kind));
    expect(records.map((r) => r.kind)).toEqual(["CHANGE_INTENDED", "CHANGE"]);
    expect(records[0]).toMatchObject({ actorStaffId: DESK.owner, actorRole: "SOCIAL_SECRETARY" });
    expect(records[0]?.fieldPaths).toEqual([
      "Mutation.scheduleAppointment",
      `input.caseId=${h.caseId}`,
      `input.participants=${DESK.owner}`,
      `input.participants=${DESK.contactPerson}`,
    ]);
    expect(JSON.stringify(records)).not.toContain("Stadsbiblioteket");
  });
});
