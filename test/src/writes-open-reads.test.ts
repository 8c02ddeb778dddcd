import { afterAll, describe, expect, test } from "@jest/globals";
import { type GraphQLResponse, gqlAs, unitFor } from "./support/http.js";
import { closeFixtures, DESK, householdState, makeHousehold, type WriteHousehold } from "./support/write-fixtures.js";

/*
 * Writes that open reads, tried as an attacker with an ordinary staff token would: each write
 * the issue lists, by the actor who may not make it, with a read of what it would open in the
 * same response. Every one is refused before anything is written, the household's state is
 * exactly as before, and the protected value is nowhere in the response.
 */
afterAll(closeFixtures);

const day = 86_400_000;
const forbidden = (response: GraphQLResponse, reason: string) =>
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason });
const addressOf = (h: WriteHousehold, role: "SOCIAL_SECRETARY" | "CONTACT_PERSON" | "TEAM_LEAD", staffId: string) =>
  gqlAs<{ person: { streetAddress: string | null } }>(role, staffId, `{ person(id: "${h.personId}") { streetAddress } }`, {
    purpose: role === "CONTACT_PERSON" ? "COORDINATED_SUPPORT" : "CASE_WORK",
  });
/** A consent to the unit of the case's contact person (the write desks' tokens name the unit "elsewhere"). */
const CONTACT_UNIT = unitFor("CONTACT_PERSON", DESK.contactPerson) as string;
const locationConsent = (h: WriteHousehold) =>
  `recordConsent(input: { subjectId: "${h.personId}", recipientAgency: social_services, recipientUnit: "${CONTACT_UNIT}", givenBy: "${h.personId}", form: WRITTEN, purpose: COORDINATED_SUPPORT, scope: [LOCATION], validFrom: "${new Date(Date.now() - day).toISOString()}", validTo: "${new Date(Date.now() + 30 * day).toISOString()}" }) { id }`;

describe("writes that open reads", () => {
  test("a social secretary with no assignment lowers a person's level and reads the address in the same response: refused, nothing changed, address withheld", async () => {
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const before = await householdState(h);
    const response = await gqlAs("SOCIAL_SECRETARY", DESK.stranger, `mutation { updateProtectionLevel(input: { subjectId: "${h.personId}", protectionLevel: NONE }) { id protectionLevel streetAddress } }`);
    forbidden(response, "LEVEL_NOT_RAISED");
    expect(response.data).toBeNull();
    expect(await householdState(h)).toBe(before);
    expect(JSON.stringify(response)).not.toContain(h.streetAddress);
    expect((await addressOf(h, "SOCIAL_SECRETARY", DESK.stranger)).data?.person.streetAddress).toBeNull();
  });

  test("…nor may the secretary on the case lower it; the population register may, and reads no address in that response", async () => {
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const before = await householdState(h);
    const mutation = `mutation { updateProtectionLevel(input: { subjectId: "${h.personId}", protectionLevel: NONE }) { id streetAddress } }`;
    forbidden(await gqlAs("SOCIAL_SECRETARY", DESK.owner, mutation), "LEVEL_NOT_RAISED");
    expect(await householdState(h)).toBe(before);
    const lowered = await gqlAs<{ updateProtectionLevel: { id: string; streetAddress: string | null } }>("POPULATION_REGISTER", DESK.register, mutation);
    expect(lowered.data?.updateProtectionLevel).toEqual({ id: h.personId, streetAddress: null });
    expect(lowered.errors).toContainEqual(expect.objectContaining({ path: ["updateProtectionLevel", "streetAddress"], extensions: expect.objectContaining({ code: "FORBIDDEN_FIELD" }) }));
    expect(JSON.stringify(lowered)).not.toContain(h.streetAddress);
    expect(await householdState(h)).not.toBe(before);
  });

  test("a social secretary assigns herself to another secretary's case: refused, no assignment, address withheld", async () => {
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const before = await householdState(h);
    const response = await gqlAs("SOCIAL_SECRETARY", DESK.stranger, `mutation { assignStaff(input: { caseId: "${h.caseId}", staffId: "${DESK.stranger}", role: SOCIAL_SECRETARY }) { id } }`);
    forbidden(response, "REQUIRES_CASE_OWNER");
    expect(await householdState(h)).toBe(before);
    expect((await addressOf(h, "SOCIAL_SECRETARY", DESK.stranger)).data?.person.streetAddress).toBeNull();
  });

  test("a social secretary opens a case for a protected person to become 'assigned': not a side door", async () => {
    const h = await makeHousehold("ASSUMED_IDENTITY");
    const before = await householdState(h);
    const response = await gqlAs("SOCIAL_SECRETARY", DESK.stranger, `mutation { openCase(input: { subjectId: "${h.personId}", type: PROTECTION_AND_SUPPORT, assessment: "Ett eget ärende för att komma åt henne." }) { id person { streetAddress } } }`);
    forbidden(response, "SUBJECT_PROTECTED");
    expect(await householdState(h)).toBe(before);
    expect(JSON.stringify(response)).not.toContain(h.streetAddress);
    expect((await addressOf(h, "SOCIAL_SECRETARY", DESK.stranger)).data?.person.streetAddress).toBeNull();
  });

  test("the way onto a protected person's case is a team lead's recorded assignment: the team lead opens it without reading her address, and the assignment is flagged ACCESS_WIDENED", async () => {
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const opened = await gqlAs<{ openCase: { id: string; person: { streetAddress: string | null } } }>("TEAM_LEAD", DESK.teamLead, `mutation { openCase(input: { subjectId: "${h.personId}", type: SHELTER_FOLLOW_UP, assessment: "Nytt ärende, bemannas av arbetsledaren." }) { id person { streetAddress } } }`);
    expect(opened.data?.openCase.person.streetAddress).toBeNull();
    const caseId = opened.data?.openCase.id as string;
    const assigned = await gqlAs<{ assignStaff: { id: string } }>("TEAM_LEAD", DESK.teamLead, `mutation { assignStaff(input: { caseId: "${caseId}", staffId: "${DESK.stranger}", role: SOCIAL_SECRETARY }) { id } }`);
    expect(assigned.errors).toBeUndefined();
    expect((await addressOf(h, "SOCIAL_SECRETARY", DESK.stranger)).data?.person.streetAddress).toBe(h.streetAddress);
    const widened = await gqlAs<{ auditRecords: { nodes: { kind: string; fieldPaths: string[]; reason: string }[] } }>(
      "AUDITOR",
      "au-6001",
      `{ auditRecords(filter: { actorStaffId: "${DESK.teamLead}", reason: "ACCESS_WIDENED" }, first: 50) { nodes { kind fieldPaths reason } } }`,
    );
    expect(widened.data?.auditRecords.nodes).toContainEqual({ kind: "CHANGE", fieldPaths: ["Mutation.assignStaff"], reason: "ACCESS_WIDENED" });
  });

  test("a contact person not on the case records a LOCATION consent and then reads the address: refused, no consent, address withheld", async () => {
    const h = await makeHousehold("CONFIDENTIALITY_MARKED");
    const before = await householdState(h);
    const response = await gqlAs("CONTACT_PERSON", DESK.otherContact, `mutation { ${locationConsent(h)} }`, { purpose: "COORDINATED_SUPPORT" });
    forbidden(response, "REQUIRES_ASSIGNMENT");
    expect(await householdState(h)).toBe(before);
    expect((await addressOf(h, "CONTACT_PERSON", DESK.otherContact)).data?.person.streetAddress).toBeNull();
  });

  test("a child-services officer ends another officer's current placement from a case she just opened: refused, the placement stays current", async () => {
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const opened = await gqlAs<{ openChildCase: { id: string } }>("CHILD_SERVICES_OFFICER", DESK.otherOfficer, `mutation { openChildCase(input: { childId: "${h.childId}", concern: NEGLECT, notes: "Ett eget ärende för att flytta barnet." }) { id } }`);
    expect(opened.errors).toBeUndefined();
    const before = await householdState(h);
    const response = await gqlAs("CHILD_SERVICES_OFFICER", DESK.otherOfficer, `mutation { placeChild(input: { childCaseId: "${opened.data?.openChildCase.id}", kind: SCHOOL, schoolName: "Annan skola", municipality: "Gävle", startsOn: "${new Date(Date.now() + 5 * day).toISOString().slice(0, 10)}T00:00:00Z" }) { id schoolName } }`);
    forbidden(response, "ENDS_ANOTHER_OFFICERS_PLACEMENT");
    expect(await householdState(h)).toBe(before);
  });

  test("a consent recorded in the same request as a read of the address does not open it in that response; the next request it does", async () => {
    // The contact person on the case sees a protected registration's address only with a LOCATION consent.
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const response = await gqlAs<{ consent: { id: string }; person: { streetAddress: string | null } }>(
      "CONTACT_PERSON",
      DESK.contactPerson,
      `mutation { consent: ${locationConsent(h)} person: updateProtectionLevel(input: { subjectId: "${h.personId}", protectionLevel: ASSUMED_IDENTITY }) { streetAddress } }`,
      { purpose: "COORDINATED_SUPPORT" },
    );
    expect(response.data?.consent.id).toEqual(expect.any(String));
    expect(response.data?.person.streetAddress).toBeNull();
    expect(response.errors).toContainEqual(expect.objectContaining({ path: ["person", "streetAddress"], extensions: expect.objectContaining({ code: "FORBIDDEN_FIELD" }) }));
    expect(JSON.stringify(response)).not.toContain(h.streetAddress);
    expect((await addressOf(h, "CONTACT_PERSON", DESK.contactPerson)).data?.person.streetAddress).toBe(h.streetAddress);
  });
});
