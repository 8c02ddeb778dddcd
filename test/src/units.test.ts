import { describe, expect, test } from "@jest/globals";
import { mintToken } from "@skyddsnat/hub";
import { gql, gqlAs } from "./support/http.js";
import { BYSTANDER, SCENARIOS } from "./support/scenarios.js";

/*
 * Need to know within an agency (issue 19 item 8; rule unit-sees-its-own-records): an agency's
 * records are open to the unit that holds them, not to every officer of the agency. The demo has
 * two municipalities: the scenario households' records are held by Malmö's units, and Lund's
 * officers of the same agencies are strangers to them. Tokens name the unit (claim `unit`); the
 * records name the unit that holds them; both layers judge by them.
 */
const household = SCENARIOS.NONE;

const HOUSING = `query($application: ID!, $tenancy: ID!) {
  housingApplication(id: $application) { id status urgency submittedAt }
  tenancy(id: $tenancy) { id status startsOn endsOn }
  tenancies(first: 100) { nodes { id subjectId status } }
}`;
const POLICE = `query($incident: ID!) {
  incident(id: $incident) { id category occurredAt description }
  incidents(first: 100) { nodes { id subjectId } }
  threatAssessments(first: 100) { nodes { id subjectId level } }
  restrainingOrders(first: 100) { nodes { id subjectId kind } }
}`;
const CHILD = `query($childCase: ID!) {
  childCase(id: $childCase) { id status concern }
  childCases(first: 100) { nodes { id subjectId } }
  schoolPlacements(first: 100) { nodes { id subjectId kind } }
}`;

describe("an agency's records are its unit's", () => {
  test("housing: ho-3002 of housing/malmo reads the household's application and tenancy; ho-3003 of housing/lund learns of none", async () => {
    const variables = { application: household.applicationId, tenancy: household.endedTenancy };
    const malmo = await gqlAs("HOUSING_OFFICER", "ho-3002", HOUSING, { variables });
    expect(malmo.status).toBe(200);
    expect(malmo.data).toMatchObject({
      housingApplication: { id: household.applicationId, status: "HOUSED", urgency: "HIGH" },
      tenancy: { id: household.endedTenancy, status: "ENDED" },
    });
    expect(JSON.stringify(malmo.data?.tenancies)).toContain(household.endedTenancy);

    const lund = await gqlAs("HOUSING_OFFICER", "ho-3003", HOUSING, { variables });
    expect(lund.status).toBe(200);
    expect(lund.data).toMatchObject({ housingApplication: null, tenancy: null });
    const body = JSON.stringify(lund.data);
    for (const id of [household.applicationId, household.endedTenancy, household.activeTenancy]) expect(body).not.toContain(id);
    expect(body).not.toContain(`"subjectId":"${household.adult}"`);
  });

  test("police: pl-4001 of police-liaison/malmo reads the household's incident; pl-4003 of police-liaison/lund learns of no incident, assessment or order of hers", async () => {
    const variables = { incident: household.incident };
    const malmo = await gqlAs("POLICE_LIAISON", "pl-4001", POLICE, { variables });
    expect(malmo.data?.incident).toMatchObject({ id: household.incident, category: "THREAT" });
    for (const id of [household.threatAssessment, household.restrainingOrder]) expect(JSON.stringify(malmo.data)).toContain(id);

    const lund = await gqlAs("POLICE_LIAISON", "pl-4003", POLICE, { variables });
    expect(lund.status).toBe(200);
    expect(lund.data?.incident).toBeNull();
    const body = JSON.stringify(lund.data);
    for (const id of [household.incident, household.threatAssessment, household.restrainingOrder]) expect(body).not.toContain(id);
  });

  test("child services: cs-5001 of child-services/malmo-bou reads the child's case; cs-5004 of child-services/lund learns of no case or placement", async () => {
    const variables = { childCase: household.childCase };
    const malmo = await gqlAs("CHILD_SERVICES_OFFICER", "cs-5001", CHILD, { variables });
    expect(malmo.data?.childCase).toMatchObject({ id: household.childCase, status: "OPEN" });
    expect(JSON.stringify(malmo.data?.schoolPlacements)).toContain(household.placement);

    const lund = await gqlAs("CHILD_SERVICES_OFFICER", "cs-5004", CHILD, { variables });
    expect(lund.status).toBe(200);
    expect(lund.data?.childCase).toBeNull();
    const body = JSON.stringify(lund.data);
    for (const id of [household.childCase, household.placement]) expect(body).not.toContain(id);
  });

  test("the same staff id with another unit's token is that unit's: ho-3002 as housing/lund reads nothing of Malmö's", async () => {
    const variables = { application: household.applicationId, tenancy: household.endedTenancy };
    const elsewhere = await gqlAs("HOUSING_OFFICER", "ho-3002", HOUSING, { variables, unit: "housing/lund" });
    expect(elsewhere.data).toMatchObject({ housingApplication: null, tenancy: null });
    expect(JSON.stringify(elsewhere.data)).not.toContain(household.endedTenancy);
  });
});

describe("the unit claim is checked at the door", () => {
  const query = "{ __typename }";
  async function expectRefused(token: string, reason: string) {
    const response = await gql(query, { token });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason });
  }

  test("a case role without a unit is refused", async () => {
    await expectRefused(await mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3002", unit: null }), "UNIT_REQUIRED");
    await expectRefused(await mintToken({ agency: "social-services", role: "TEAM_LEAD", sub: "tl-7001", unit: null }), "UNIT_REQUIRED");
  });

  test("a unit of another agency is refused, however close its name", async () => {
    await expectRefused(await mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3002", unit: "police-liaison/malmo" }), "UNIT_NOT_IN_AGENCY");
    await expectRefused(await mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3002", unit: "housing-x/malmo" }), "UNIT_NOT_IN_AGENCY");
  });

  test("a malformed unit is refused", async () => {
    await expectRefused(await mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3002", unit: "housing/Malmö" }), "BAD_CLAIM");
    await expectRefused(await mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3002", unit: `housing/${"a".repeat(60)}` }), "BAD_CLAIM");
  });

  test("an auditor may carry no unit", async () => {
    const response = await gql(query, { token: await mintToken({ agency: "audit", role: "AUDITOR", sub: "au-6001", unit: null }) });
    expect(response.status).toBe(200);
  });
});

describe("the unit a record is held by is the policy's input, not the caller's", () => {
  test.each([
    ["selected by name", `query($t: ID!) { tenancy(id: $t) { id policyUnit } }`],
    ["under the guard's hidden alias", `query($t: ID!) { tenancy(id: $t) { id __sn_unit: policyUnit } }`],
    ["through a fragment", `query($t: ID!) { tenancy(id: $t) { id ...U } } fragment U on Tenancy { policyUnit }`],
  ])("policyUnit %s is refused with RESERVED_NAME (HTTP 400)", async (_, query) => {
    const response = await gqlAs("HOUSING_OFFICER", "ho-3002", query, { variables: { t: household.endedTenancy } });
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors?.map((e) => e.extensions?.code)).toContain("RESERVED_NAME");
  });
});

describe("a record created by a mutation is held by its creator's unit", () => {
  test("ho-3003 registers an application: housing/lund reads it, housing/malmo does not know it exists", async () => {
    const registered = await gqlAs<{ registerApplication: { id: string } }>(
      "HOUSING_OFFICER",
      "ho-3003",
      `mutation($s: ID!) { registerApplication(input: { subjectId: $s, urgency: MEDIUM, requestedArea: "Lund", householdSize: 1 }) { id status } }`,
      { variables: { s: BYSTANDER } },
    );
    expect(registered.errors).toBeUndefined();
    const id = registered.data?.registerApplication.id as string;
    const read = `query($id: ID!) { housingApplication(id: $id) { id status } }`;
    expect((await gqlAs("HOUSING_OFFICER", "ho-3004", read, { variables: { id } })).data).toEqual({ housingApplication: { id, status: "SUBMITTED" } });
    expect((await gqlAs("HOUSING_OFFICER", "ho-3002", read, { variables: { id } })).data).toEqual({ housingApplication: null });
  });

  test("pl-4003 records an incident: police-liaison/lund reads it, police-liaison/malmo does not know it exists", async () => {
    const recorded = await gqlAs<{ recordIncident: { id: string } }>(
      "POLICE_LIAISON",
      "pl-4003",
      `mutation($s: ID!, $at: DateTimeISO!) { recordIncident(input: { subjectId: $s, occurredAt: $at, category: HARASSMENT, place: "Stortorget", description: "Ringde upprepade gånger under natten." }) { id } }`,
      { variables: { s: BYSTANDER, at: new Date(Date.now() - 86_400_000).toISOString() } },
    );
    expect(recorded.errors).toBeUndefined();
    const id = recorded.data?.recordIncident.id as string;
    const read = `query($id: ID!) { incident(id: $id) { id category } }`;
    expect((await gqlAs("POLICE_LIAISON", "pl-4003", read, { variables: { id } })).data).toEqual({ incident: { id, category: "HARASSMENT" } });
    expect((await gqlAs("POLICE_LIAISON", "pl-4001", read, { variables: { id } })).data).toEqual({ incident: null });
  });

  test("bad input writes nothing: a token without a unit, and a household of zero", async () => {
    const list = `{ housingApplications(first: 100, filter: { requestedArea: "Ingenstans" }) { nodes { id } } }`;
    const mutation = (size: number) =>
      `mutation($s: ID!) { registerApplication(input: { subjectId: $s, urgency: LOW, requestedArea: "Ingenstans", householdSize: ${size} }) { id } }`;
    const unitless = await gql(mutation(1), { token: await mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3003", unit: null }), variables: { s: BYSTANDER } });
    expect(unitless.status).toBe(401);
    const zero = await gqlAs("HOUSING_OFFICER", "ho-3003", mutation(0), { variables: { s: BYSTANDER } });
    expect(zero.errors?.map((e) => e.extensions?.code)).toContain("BAD_USER_INPUT");
    expect((await gqlAs("HOUSING_OFFICER", "ho-3003", list)).data).toEqual({ housingApplications: { nodes: [] } });
  });
});
