import { afterAll, describe, expect, test } from "@jest/globals";
import { buildPopulation, mintToken } from "@skyddsnat/hub";
import { ageAt, CHILD_DECIDES } from "@skyddsnat/schema";
import { countRows } from "./support/database.js";
import { gql, gqlAs } from "./support/http.js";
import { openCaseOf, SCENARIOS } from "./support/scenarios.js";
import { closeFixtures, DESK, makeHousehold } from "./support/write-fixtures.js";

/*
 * Issue 19 in social services' data: real households (co-residence, custody, threat relations),
 * consent as OSL 12 kap. has it, no directory of the protected, and an assumed identity that
 * nothing connects to the former one. Attacked over HTTP, as the staff named would try it.
 */
const seeded = buildPopulation();
const common = SCENARIOS.PROTECTED_REGISTRATION; // the children in joint custody with the restrained father
const assumed = SCENARIOS.ASSUMED_IDENTITY;
const former = assumed.formerIdentity as string;
const personOf = (id: string) => seeded.socialServices.persons.find((p) => p.id === id)!;
const day = 86_400_000;

const consentInput = (subjectId: string, givenBy: string, unit = "social-services/malmo-vald", agency = "social_services") =>
  `{ subjectId: "${subjectId}", recipientAgency: ${agency}, recipientUnit: "${unit}", givenBy: "${givenBy}", form: ORAL, purpose: COORDINATED_SUPPORT, scope: [STATUS], validFrom: "${new Date(Date.now() - day).toISOString()}", validTo: "${new Date(Date.now() + 30 * day).toISOString()}" }`;

describe("the common case: the restrained father with joint custody reaches nothing of the household", () => {
  const FATHER = common.restrainedPerson;
  const HIS_SECRETARY = "ss-1003";

  test("his own secretary handles him, but gets nothing of the children through him: custodyOf is empty to her", async () => {
    const response = await gqlAs<{ person: { givenName: string | null; custodyOf: unknown[] | null } }>(
      "SOCIAL_SECRETARY",
      HIS_SECRETARY,
      `query($id: ID!) { person(id: $id) { givenName custodyOf { childId kind } } }`,
      { variables: { id: FATHER } },
    );
    expect(response.data?.person.givenName).toBe(personOf(FATHER).givenName);
    expect(response.data?.person.custodyOf).toEqual([]);
    expect(JSON.stringify(response)).not.toContain(common.child);
  });

  test("his secretary gets neither the child's nor the mother's name, address or school", async () => {
    const query = `query($id: ID!) { person(id: $id) { id givenName streetAddress city protectionLevel schoolPlacements { schoolName } household { id } } }`;
    for (const id of [common.child, common.adult]) {
      const response = await gqlAs("SOCIAL_SECRETARY", HIS_SECRETARY, query, { variables: { id } });
      expect(response.data?.person).toMatchObject({ id, givenName: null, streetAddress: null, city: null, protectionLevel: null, household: null });
      const body = JSON.stringify(response);
      for (const secret of [personOf(id).givenName, personOf(id).streetAddress, personOf(id).residenceMunicipality]) expect(body).not.toContain(secret as string);
    }
  });

  test("the mother's secretary sees the child's custodians, the father's custody marked JOINT, and the threat relation", async () => {
    const response = await gqlAs<{ child: { custodians: { custodianId: string; kind: string }[] }; mother: { threatRelations: { threatId: string; source: string }[]; household: { id: string }[] } }>(
      "SOCIAL_SECRETARY",
      "ss-1001",
      `query($child: ID!, $mother: ID!) { child: person(id: $child) { custodians { custodianId kind } } mother: person(id: $mother) { threatRelations { threatId source } household { id } } }`,
      { variables: { child: common.child, mother: common.adult } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.child.custodians).toEqual(
      expect.arrayContaining([
        { custodianId: common.adult, kind: "JOINT" },
        { custodianId: FATHER, kind: "JOINT" },
      ]),
    );
    expect(response.data?.mother.threatRelations).toEqual([{ threatId: FATHER, source: "RESTRAINING_ORDER" }]);
    // They live together; the father does not live with them.
    expect(response.data?.mother.household).toEqual([{ id: common.child }]);
  });

  test("a consent for the child given by the father is refused (a threat person's consent never counts), nothing written", async () => {
    const onCase = openCaseOf(common.adult);
    const before = await countRows("social_services", "Consent");
    const response = await gqlAs("SOCIAL_SECRETARY", onCase.socialSecretary, `mutation { recordConsent(input: ${consentInput(common.child, FATHER)}) { id } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "GIVER_IS_THREAT_PERSON" });
    expect(await countRows("social_services", "Consent")).toBe(before);
  });
});

describe("recordConsent takes the giver, the form and a named unit, and refuses who may not consent", () => {
  const mother = SCENARIOS.NONE;
  const secretary = openCaseOf(mother.adult).socialSecretary;
  const refusal = async (input: string) => {
    const before = await countRows("social_services", "Consent");
    const response = await gqlAs("SOCIAL_SECRETARY", secretary, `mutation { recordConsent(input: ${input}) { id } }`);
    expect(await countRows("social_services", "Consent")).toBe(before);
    return response.errors?.[0]?.extensions;
  };

  test("someone neither the person nor her custodian", async () => {
    expect(await refusal(consentInput(mother.adult, mother.restrainedPerson))).toMatchObject({ code: "BAD_USER_INPUT", reason: "GIVER_NOT_SUBJECT_OR_CUSTODIAN" });
  });

  test("a child for her parent: an adult consents only for herself", async () => {
    expect(await refusal(consentInput(mother.adult, mother.child))).toMatchObject({ code: "BAD_USER_INPUT", reason: "GIVER_NOT_SUBJECT_OR_CUSTODIAN" });
  });

  test("a unit of another agency than the recipient", async () => {
    expect(await refusal(consentInput(mother.adult, mother.adult, "housing/malmo"))).toMatchObject({ code: "BAD_USER_INPUT", reason: "UNIT_NOT_OF_RECIPIENT" });
  });

  test("a custodian for a child of fifteen or more: she decides herself (SoL 11 kap. 10 §)", async () => {
    const now = new Date();
    const { custodies, persons } = seeded.socialServices;
    const teen = custodies.find((c) => {
      const child = persons.find((p) => p.id === c.childId)!;
      const age = ageAt(new Date(child.birthDate).toISOString().slice(0, 10), now);
      return age !== null && age >= CHILD_DECIDES && age < 18 && seeded.socialServices.cases.some((k) => k.personId === c.custodianId && k.status === "OPEN" && k.ownerId);
    })!;
    expect(teen).toBeDefined();
    const before = await countRows("social_services", "Consent");
    const response = await gqlAs("SOCIAL_SECRETARY", openCaseOf(teen.custodianId).socialSecretary, `mutation { recordConsent(input: ${consentInput(teen.childId, teen.custodianId)}) { id } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "SUBJECT_DECIDES_HERSELF" });
    expect(await countRows("social_services", "Consent")).toBe(before);
  });

  test("the mother for her young child is recorded, with giver, form and unit (the control for the refusals)", async () => {
    const response = await gqlAs<{ recordConsent: { id: string; givenBy: string; form: string; recipientUnit: string } }>(
      "SOCIAL_SECRETARY",
      secretary,
      `mutation { recordConsent(input: ${consentInput(mother.child, mother.adult)}) { id givenBy form recipientUnit } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.recordConsent).toMatchObject({ givenBy: mother.adult, form: "ORAL", recipientUnit: "social-services/malmo-vald" });
  });
});

describe("no directory of the protected", () => {
  const names = `query($name: String!) { persons(first: 100, filter: { name: $name }) { nodes { id } } }`;

  test("a protection-level filter no longer exists", async () => {
    const response = await gqlAs("HOUSING_OFFICER", "ho-3003", `{ persons(first: 10, filter: { protectionLevel: PROTECTED_REGISTRATION }) { nodes { id } } }`);
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
  });

  test("a name search by a housing officer who does not handle her answers nothing about her; the officer of her plan finds her", async () => {
    const her = personOf(common.adult);
    const stranger = await gqlAs<{ persons: { nodes: { id: string }[] } }>("HOUSING_OFFICER", "ho-3003", names, { variables: { name: her.familyName } });
    expect(JSON.stringify(stranger)).not.toContain(common.adult);
    const planned = await gqlAs<{ persons: { nodes: { id: string }[] } }>("HOUSING_OFFICER", "ho-3001", names, { variables: { name: her.familyName } });
    expect(planned.data?.persons.nodes.map((n) => n.id)).toContain(common.adult);
  });

  test("the bare list answers only persons she handles", async () => {
    const response = await gqlAs<{ persons: { nodes: { id: string }[] } }>("POLICE_LIAISON", "pl-4001", `{ persons(first: 100) { nodes { id } } }`);
    // Whom pl-4001 handles: the scenario households (she is in their plans) and everyone whose
    // consent in force names her unit for the purpose she states.
    const now = Date.now();
    const consented = seeded.socialServices.consents
      .filter((c) => c.recipientUnit === "police-liaison/malmo" && c.purpose === "CASE_WORK" && c.revokedAt === null && new Date(c.validFrom).getTime() <= now && now < new Date(c.validTo).getTime())
      .map((c) => c.personId);
    const handled = new Set([...Object.values(SCENARIOS).flatMap((h) => [h.adult, ...h.children]), ...consented]);
    const ids = response.data?.persons.nodes.map((n) => n.id) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !handled.has(id))).toEqual([]);
  });
});

describe("personByIdentityNumber, for agency systems", () => {
  const lookup = `query($number: String!) { personByIdentityNumber(identityNumber: $number) { id } }`;
  const system = () => mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3001", clientId: "housing-system" });

  test("a machine client resolves a known number to the id, and nothing for an unknown one", async () => {
    const token = await system();
    const known = await gql<{ personByIdentityNumber: { id: string } | null }>(lookup, { token, variables: { number: personOf(SCENARIOS.NONE.adult).identityNumber } });
    expect(known.data?.personByIdentityNumber).toEqual({ id: SCENARIOS.NONE.adult });
    const unknown = await gql<{ personByIdentityNumber: unknown }>(lookup, { token, variables: { number: "19000101-0000" } });
    expect(unknown.data?.personByIdentityNumber).toBeNull();
  });

  test("a malformed number is the caller's error", async () => {
    const response = await gql(lookup, { token: await system(), variables: { number: "not-a-number" } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  test("a person's token (no client) is refused", async () => {
    const response = await gqlAs("HOUSING_OFFICER", "ho-3001", lookup, { variables: { number: personOf(SCENARIOS.NONE.adult).identityNumber } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    expect(JSON.stringify(response.data ?? null)).not.toContain(SCENARIOS.NONE.adult);
  });

  test("the former identity's number resolves to nothing, exactly like an unknown one", async () => {
    const response = await gql<{ personByIdentityNumber: unknown }>(lookup, { token: await system(), variables: { number: personOf(former).identityNumber } });
    expect(response.data?.personByIdentityNumber).toBeNull();
    expect(JSON.stringify(response)).not.toContain(former);
  });
});

describe("an assumed identity looks like protected registration, and the former identity exists for no one but personal security", () => {
  const QUERY = `query($id: ID!) { person(id: $id) { id givenName protectionLevel handlingInstructions } }`;

  test("her own secretary sees the new identity as PROTECTED_REGISTRATION, nothing says 'assumed identity'", async () => {
    const response = await gqlAs("SOCIAL_SECRETARY", "ss-1001", QUERY, { variables: { id: assumed.adult } });
    expect(response.data?.person).toMatchObject({ id: assumed.adult, protectionLevel: "PROTECTED_REGISTRATION" });
    expect(JSON.stringify(response)).not.toContain("ASSUMED_IDENTITY");
  });

  test.each([
    ["SOCIAL_SECRETARY", "ss-1001"],
    ["HOUSING_OFFICER", "ho-3002"],
    ["POLICE_LIAISON", "pl-4001"],
    ["TEAM_LEAD", "tl-7001"],
  ] as const)("%s %s finds no former identity: not by id, not in a list or a name search", async (role, staffId) => {
    const response = await gqlAs(role, staffId, `query($id: ID!, $name: String!) { person(id: $id) { id } persons(first: 100, filter: { name: $name }) { nodes { id } } }`, {
      variables: { id: former, name: personOf(former).familyName },
    });
    expect(response.data?.person ?? null).toBeNull();
    expect(JSON.stringify(response)).not.toContain(former);
  });

  test("the personal-security unit reads the former identity (the control: the record is there)", async () => {
    const response = await gqlAs("PERSONAL_SECURITY", "ps-9101", QUERY, { variables: { id: former } });
    expect(response.data?.person).toMatchObject({ id: former, givenName: personOf(former).givenName });
  });
});

describe("the case's coordinated plan (SIP): other agencies' officers in their own agency's role", () => {
  afterAll(closeFixtures);
  const assign = (caseId: string, staffId: string, role: string) =>
    gqlAs<{ assignStaff: { id: string; role: string } }>("SOCIAL_SECRETARY", DESK.owner, `mutation { assignStaff(input: { caseId: "${caseId}", staffId: "${staffId}", role: ${role} }) { id role } }`);

  test("a housing officer as the case's social secretary is refused, nothing written; as HOUSING_OFFICER she is assigned", async () => {
    const h = await makeHousehold("NONE");
    const before = await countRows("social_services", "Assignment");
    const wrong = await assign(h.caseId, "ho-3903", "SOCIAL_SECRETARY");
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "ROLE_NOT_OF_AGENCY" });
    expect(await countRows("social_services", "Assignment")).toBe(before);
    const right = await assign(h.caseId, "ho-3903", "HOUSING_OFFICER");
    expect(right.errors).toBeUndefined();
    expect(right.data?.assignStaff.role).toBe("HOUSING_OFFICER");
    expect(await countRows("social_services", "Assignment")).toBe(before + 1);
  });
});
