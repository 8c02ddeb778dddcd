import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { buildPopulation, type RunningHub } from "@skyddsnat/hub";
import { type Actor, FACTS_AUDIENCE, INTERNAL_TOKEN_HEADER, subgraphAudience } from "@skyddsnat/schema";
import { startExtraHub } from "./support/extra-hub.js";
import { type GraphQLResponse, gql, gqlAs, subgraphUrls, tokenFor } from "./support/http.js";
import { gatewayToken } from "./support/internal-token.js";
import { SCENARIOS } from "./support/scenarios.js";

// She lives with protected registration; the police liaison officer has no emergency ground.
const her = SCENARIOS.PROTECTED_REGISTRATION;
const herChild = her.children[0] as string;
const seeded = buildPopulation();
const herRecord = seeded.socialServices.persons.find((p) => p.id === her.adult)!;
const herSchool = seeded.childServices.placements.find((p) => p.childId === herChild)!;
const herTenancy = seeded.housing.tenancies.find((t) => t.id === her.activeTenancy)!;
const herFlat = seeded.housing.flats.find((f) => f.id === herTenancy.flatId)!;
/** Everything that would tell someone where she is. None of it may appear in any response. */
const SECRETS = [herRecord.streetAddress, herRecord.phone, herRecord.residenceMunicipality, herSchool.schoolName, herFlat.streetAddress].filter(
  (s): s is string => typeof s === "string",
);

function expectNoSecrets(response: GraphQLResponse) {
  const text = JSON.stringify(response);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

/**
 * Withheld at its path — or gone with the record or link withheld on the way to it (a list of an
 * agency's records the actor may not know exist): null there, with FORBIDDEN_FIELD at that path.
 */
function expectWithheld(response: GraphQLResponse, path: (string | number)[]) {
  for (let end = path.length; end > 0; end--) {
    const at = path.slice(0, end);
    const error = response.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(at));
    if (!error) continue;
    const value = at.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null)?.[key], response.data);
    expect(value).toBeNull();
    expect(error.extensions?.code).toBe("FORBIDDEN_FIELD");
    return;
  }
  throw new Error(`nothing withheld on the way to ${path.join(".")}`);
}

const asPolice = (query: string, variables: Record<string, unknown> = {}) => gqlAs("POLICE_LIAISON", "pl-4001", query, { variables });

describe("a protected location reaches no one without need, by any path", () => {
  test("the plain query (the control: ids and identity flow, location does not)", async () => {
    const response = await asPolice(`{ person(id: "${her.adult}") { id givenName streetAddress phone } }`);
    expect((response.data as { person: { id: string } }).person.id).toBe(her.adult);
    expectWithheld(response, ["person", "streetAddress"]);
    expectWithheld(response, ["person", "phone"]);
    expectNoSecrets(response);
  });

  test("through aliases", async () => {
    const response = await asPolice(`{ a: person(id: "${her.adult}") { home: streetAddress alsoHome: streetAddress } }`);
    expectWithheld(response, ["a", "home"]);
    expectWithheld(response, ["a", "alsoHome"]);
    expectNoSecrets(response);
  });

  test("through named and inline fragments", async () => {
    const response = await asPolice(`
      query { person(id: "${her.adult}") { ...Where ... on Person { city } } }
      fragment Where on Person { streetAddress postalCode }`);
    for (const field of ["streetAddress", "postalCode", "city"]) expectWithheld(response, ["person", field]);
    expectNoSecrets(response);
  });

  test("through her household, her child, the tenancy, the incident and the restraining order", async () => {
    const child = await asPolice(`{ person(id: "${herChild}") { streetAddress schoolPlacements { schoolName municipality } } }`);
    expectWithheld(child, ["person", "streetAddress"]);
    expectWithheld(child, ["person", "schoolPlacements", 0, "schoolName"]);
    expectNoSecrets(child);
    const response = await asPolice(`{ person(id: "${her.adult}") {
      household { streetAddress schoolPlacements { schoolName municipality } }
      tenancies { streetAddress city }
      incidents { place }
      restrainingOrders { protectedPerson { streetAddress } }
    } }`);
    expectWithheld(response, ["person", "household", 0, "streetAddress"]);
    expectWithheld(response, ["person", "household", 0, "schoolPlacements", 0, "schoolName"]);
    expectWithheld(response, ["person", "tenancies", 0, "streetAddress"]);
    expectWithheld(response, ["person", "incidents", 0, "place"]);
    expectWithheld(response, ["person", "restrainingOrders", 0, "protectedPerson", "streetAddress"]);
    expectNoSecrets(response);
  });

  test("a filter on where she lives does not find her (no oracle), while it finds her for her own social secretary", async () => {
    const query = `query($city: String!, $after: String) { persons(filter: { residenceMunicipality: $city }, first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const variables = { city: herRecord.residenceMunicipality };
    const police = await asPolice(query, variables);
    const policeIds = (police.data as { persons: { nodes: { id: string }[] } }).persons.nodes.map((n) => n.id);
    expect(policeIds).not.toContain(her.adult);
    // No one's residence is open to the police without a need: not even an unprotected resident
    // is found by where she lives (OSL 26 kap. 1 §).
    expect(policeIds).toEqual([]);
    const own = await gqlAs("SOCIAL_SECRETARY", "ss-1001", query, { variables });
    expect((own.data as { persons: { nodes: { id: string }[] } }).persons.nodes.map((n) => n.id)).toContain(her.adult);
  });

  test("paging one by one through a location filter never reaches her either", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 60; page++) {
      const response: GraphQLResponse = await asPolice(
        `query($city: String!, $after: String) { persons(filter: { residenceMunicipality: $city }, first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { city: herRecord.residenceMunicipality, after },
      );
      const persons = (response.data as { persons: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).persons;
      seen.push(...persons.nodes.map((n) => n.id));
      if (!persons.pageInfo.hasNextPage) break;
      after = persons.pageInfo.endCursor;
    }
    expect(seen).not.toContain(her.adult);
  });

  test("filters on a school's municipality or a requested area do not find her or her child", async () => {
    const schools = await asPolice(`query($m: String!) { schoolPlacements(filter: { municipality: $m }, first: 100) { nodes { id subjectId } } }`, {
      m: herSchool.municipality,
    });
    expect(JSON.stringify(schools.data)).not.toContain(herChild);
    const application = seeded.housing.applications.find((a) => a.personId === her.adult)!;
    const areas = await asPolice(`query($a: String!) { housingApplications(filter: { requestedArea: $a }, first: 100) { nodes { subjectId } } }`, {
      a: application.requestedArea,
    });
    expect(JSON.stringify(areas.data)).not.toContain(her.adult);
  });

  test("there is no count to use as an oracle: no list has a total", async () => {
    const response = await asPolice(`{ __schema { types { name fields { name } } } }`);
    const fields = (response.data as { __schema: { types: { fields: { name: string }[] | null }[] } }).__schema.types.flatMap((t) => t.fields ?? []);
    expect(fields.map((f) => f.name).filter((name) => /count|total/i.test(name))).toEqual([]);
  });

  test("_entities is not part of the hub's API", async () => {
    const response = await asPolice(`{ _entities(representations: [{ __typename: "Person", id: "${her.adult}" }]) { ... on Person { streetAddress } } }`);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expectNoSecrets(response);
  });

  test("error texts carry no value: withheld-field errors are one fixed sentence with codes", async () => {
    const response = await asPolice(`{ person(id: "${her.adult}") { streetAddress postalCode city phone residenceMunicipality household { streetAddress } } }`);
    const messages = new Set(response.errors?.map((e) => e.message));
    expect([...messages]).toEqual(["This field is withheld under the protected-identity rules."]);
    expectNoSecrets(response);
  });

  test("a bad request that names her id echoes nothing about her", async () => {
    const response = await asPolice(`{ person(id: "${her.adult}") { streetAddress nosuchfield } }`);
    expect(response.data).toBeUndefined();
    expectNoSecrets(response);
  });

  test("an auditor reads no protected value through any path, nor that she is protected", async () => {
    const response = await gqlAs("AUDITOR", "au-6001", `{ person(id: "${her.adult}") { id protectionLevel handlingInstructions givenName identityNumber streetAddress household { givenName schoolPlacements { schoolName } } tenancies { streetAddress } } }`);
    expect((response.data as { person: { id: string } }).person.id).toBe(her.adult);
    for (const path of [["person", "protectionLevel"], ["person", "handlingInstructions"], ["person", "givenName"], ["person", "identityNumber"], ["person", "streetAddress"], ["person", "household", 0, "givenName"]]) {
      expectWithheld(response, path);
    }
    expectNoSecrets(response);
    expect(JSON.stringify(response)).not.toContain(herRecord.identityNumber);
  });
});

describe("a direct _entities call to a subgraph, even with the gateway's own token, gets the plain query's answer", () => {
  // What someone who had taken the gateway's place could ask each subgraph for her, as the officer.
  const officer: Actor = { staffId: "pl-4001", agency: "police-liaison", role: "POLICE_LIAISON", purpose: "CASE_WORK", issuer: "police-liaison", unit: "police-liaison/malmo" };
  const withheld = (response: GraphQLResponse, pathPrefix: number) =>
    (response.errors ?? [])
      .map((e) => ({ path: (e.path ?? []).slice(pathPrefix).join("."), code: e.extensions?.code, reason: e.extensions?.reason }))
      .sort((a, b) => a.path.localeCompare(b.path));

  test.each([
    ["social-services", her.adult, "givenName protectionLevel streetAddress phone city household { id streetAddress }"],
    ["housing", her.adult, "tenancies { status streetAddress city }"],
    ["police-liaison", her.adult, "incidents { category place }"],
    ["child-services", herChild, "schoolPlacements { kind schoolName municipality }"],
  ] as const)("%s", async (subgraph, personId, selection) => {
    const plain = await asPolice(`{ person(id: "${personId}") { ${selection} } }`);
    const direct = await gql(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${selection} } } }`, {
      url: subgraphUrls()[subgraph],
      token: null,
      // The audiences the gateway gives a subgraph call: the subgraph, and the facts route it needs.
      headers: { [INTERNAL_TOKEN_HEADER]: await gatewayToken([subgraphAudience(subgraph), FACTS_AUDIENCE], officer) },
      variables: { r: [{ __typename: "Person", id: personId }] },
    });
    expect((direct.data as { _entities: unknown[] })._entities[0]).toEqual((plain.data as { person: unknown }).person);
    expect(withheld(direct, 2)).toEqual(withheld(plain, 1));
    expect(withheld(plain, 1).map((w) => w.code)).toContain("FORBIDDEN_FIELD");
    expectNoSecrets(direct);
  });
});

describe("when a subgraph's own check is broken, the gateway's guard still withholds", () => {
  let broken: RunningHub;

  beforeAll(async () => {
    broken = await startExtraHub({ unsafeSkipSubgraphPolicy: ["social-services", "housing", "police-liaison", "child-services"] });
  });
  afterAll(async () => {
    await broken?.stop();
  });

  test("the subgraph really does release the value without its check (the control)", async () => {
    // Straight to the unprotected subgraph with a valid internal token is only possible from
    // the gateway; so look at what the gateway received: the guard, not the subgraph, withholds.
    const response = await gql(`{ person(id: "${her.adult}") { streetAddress } }`, {
      url: broken.url,
      token: await tokenFor("POLICE_LIAISON", "pl-4001"),
    });
    expectWithheld(response, ["person", "streetAddress"]);
    const error = response.errors?.find((e) => e.path?.join(".") === "person.streetAddress");
    expect(error?.extensions?.serviceName).toBeUndefined(); // raised by the gateway, not a subgraph
  });

  test("every path the leak hunt tried is still closed", async () => {
    const response = await gql(
      `{ a: person(id: "${her.adult}") { ...F household { streetAddress schoolPlacements { schoolName } } tenancies { streetAddress } incidents { place } } }
       fragment F on Person { home: streetAddress phone }`,
      { url: broken.url, token: await tokenFor("POLICE_LIAISON", "pl-4001") },
    );
    for (const path of [["a", "home"], ["a", "phone"], ["a", "household", 0, "streetAddress"], ["a", "household", 0, "schoolPlacements", 0, "schoolName"], ["a", "tenancies", 0, "streetAddress"], ["a", "incidents", 0, "place"]]) {
      expectWithheld(response, path);
    }
    expectNoSecrets(response);
  });

  test("what the policy allows still flows through the broken hub (the guard is not a blanket)", async () => {
    const response = await gql(`{ person(id: "${her.adult}") { streetAddress } }`, {
      url: broken.url,
      token: await tokenFor("SOCIAL_SECRETARY", "ss-1001"),
    });
    expect((response.data as { person: { streetAddress: string } }).person.streetAddress).toBe(herRecord.streetAddress);
  });
});

describe("no query, join, filter or audit search connects an assumed identity to the former one", () => {
  const assumed = SCENARIOS.ASSUMED_IDENTITY;
  const former = assumed.formerIdentity as string;
  const formerRecord = seeded.socialServices.persons.find((p) => p.id === former)!;
  /** Everything that names the former identity or her old records. */
  const FORMER = [former, formerRecord.identityNumber, formerRecord.familyName, assumed.endedTenancy, assumed.incident, assumed.restrainingOrder];
  const expectNoFormer = (response: GraphQLResponse) => {
    const text = JSON.stringify(response);
    for (const trace of FORMER) expect(text).not.toContain(trace);
  };

  test("the control: the former identity and her old records are really there, for the personal-security unit", async () => {
    const response = await gqlAs("PERSONAL_SECURITY", "ps-9101", `{ person(id: "${former}") { id identityNumber } }`);
    expect(response.data?.person).toEqual({ id: former, identityNumber: formerRecord.identityNumber });
  });

  test.each([
    ["SOCIAL_SECRETARY", "ss-1001"],
    ["CONTACT_PERSON", "cp-2001"],
    ["HOUSING_OFFICER", "ho-3002"],
    ["POLICE_LIAISON", "pl-4001"],
    ["CHILD_SERVICES_OFFICER", "cs-5001"],
    ["TEAM_LEAD", "tl-7001"],
  ] as const)("%s %s: the new identity's whole view, every list of her agency's records and every search name nothing of the old", async (role, staffId) => {
    const newIdentity = await gqlAs(
      role,
      staffId,
      `query($id: ID!) { person(id: $id) { id givenName familyName identityNumber cases { id } consents { id } household { id } custodyOf { childId custodianId } threatRelations { id } tenancies { id } incidents { id } restrainingOrders { id subjectId } threatAssessments { id } } }`,
      { variables: { id: assumed.adult } },
    );
    expect(newIdentity.status).toBe(200);
    expectNoFormer(newIdentity);
    const lists = await gqlAs(
      role,
      staffId,
      `query($name: String!) {
        persons(first: 100, filter: { name: $name }) { nodes { id } }
        tenancies(first: 100) { nodes { id subjectId } }
        incidents(first: 100) { nodes { id subjectId } }
        restrainingOrders(first: 100) { nodes { id subjectId } }
      }`,
      { variables: { name: formerRecord.familyName } },
    );
    expect(lists.status).toBe(200);
    expectNoFormer(lists);
  });

  test("the restrained man, who knows the old identity: nothing of his reaches either identity", async () => {
    const response = await gqlAs(
      "POLICE_LIAISON",
      "pl-4001",
      `query($id: ID!) { person(id: $id) { id restrainingOrders { id subjectId protectedPerson { id } } incidents { id } } }`,
      { variables: { id: assumed.restrainedPerson } },
    );
    expect(response.status).toBe(200);
    expectNoFormer(response);
    expect(JSON.stringify(response)).not.toContain(assumed.adult);
  });

  test("the audit trail: no record and no request names both; the former identity's history holds the personal-security unit's reads and, of anyone else, only refusals (a search for her old name is itself on the record)", async () => {
    await gqlAs("SOCIAL_SECRETARY", "ss-1001", `{ person(id: "${assumed.adult}") { givenName streetAddress } }`);
    await gqlAs("PERSONAL_SECURITY", "ps-9101", `{ person(id: "${former}") { givenName } }`);
    const history = (subjectId: string) =>
      gqlAs("AUDITOR", "au-6001", `query($id: String!) { subjectAccessHistory(subjectId: $id, first: 100) { nodes { subjectId requestId actorRole decision fieldPaths } } }`, {
        variables: { id: subjectId },
      });
    const [ofNew, ofFormer] = await Promise.all([history(assumed.adult), history(former)]);
    type Row = { subjectId: string; requestId: string; actorRole: string; decision: string; fieldPaths: string[] };
    const rowsOf = (response: GraphQLResponse) => (response.data as { subjectAccessHistory: { nodes: Row[] } }).subjectAccessHistory.nodes;
    expect(rowsOf(ofNew).length).toBeGreaterThan(0);
    expect(rowsOf(ofFormer).length).toBeGreaterThan(0);
    expect(JSON.stringify(rowsOf(ofNew))).not.toContain(former);
    expect(JSON.stringify(rowsOf(ofFormer))).not.toContain(assumed.adult);
    // Only the personal-security unit ever read the former identity; everyone else was refused.
    expect(rowsOf(ofFormer).some((r) => r.actorRole === "PERSONAL_SECURITY" && r.decision === "ALLOW")).toBe(true);
    expect(rowsOf(ofFormer).filter((r) => r.actorRole !== "PERSONAL_SECURITY" && r.decision === "ALLOW")).toEqual([]);
    // And no request touched both identities.
    const formerRequests = new Set(rowsOf(ofFormer).map((r) => r.requestId));
    expect(rowsOf(ofNew).filter((r) => formerRequests.has(r.requestId))).toEqual([]);
  });
});

describe("an unprotected client's data is secret too (OSL 26 kap. 1 §), and every access to it is on the record", () => {
  const ordinary = SCENARIOS.NONE;
  const ordinaryRecord = seeded.socialServices.persons.find((p) => p.id === ordinary.adult)!;

  test("a housing officer of another unit, police outside her plan and a contact person of another unit get nothing of her", async () => {
    for (const [role, staffId] of [["HOUSING_OFFICER", "ho-3003"], ["POLICE_LIAISON", "pl-4002"], ["CONTACT_PERSON", "cp-2002"]] as const) {
      const response = await gqlAs(role, staffId, `{ person(id: "${ordinary.adult}") { givenName identityNumber streetAddress phone } }`, { purpose: PURPOSES_FOR[role] });
      for (const field of ["givenName", "identityNumber", "streetAddress", "phone"]) expectWithheld(response, ["person", field]);
      const text = JSON.stringify(response);
      for (const value of [ordinaryRecord.streetAddress, ordinaryRecord.identityNumber, ordinaryRecord.familyName]) if (value) expect(text).not.toContain(value);
    }
  });

  test("her own secretary's read of her address is recorded, though she has no protection", async () => {
    const read = await gqlAs("SOCIAL_SECRETARY", "ss-1001", `{ person(id: "${ordinary.adult}") { streetAddress } }`);
    expect((read.data as { person: { streetAddress: string } }).person.streetAddress).toBe(ordinaryRecord.streetAddress);
    const history = await gqlAs("AUDITOR", "au-6001", `query($id: String!) { subjectAccessHistory(subjectId: $id, first: 20) { nodes { actorStaffId decision fieldPaths } } }`, {
      variables: { id: ordinary.adult },
    });
    const rows = (history.data as { subjectAccessHistory: { nodes: { actorStaffId: string; decision: string; fieldPaths: string[] }[] } }).subjectAccessHistory.nodes;
    expect(rows).toContainEqual({ actorStaffId: "ss-1001", decision: "ALLOW", fieldPaths: ["Person.streetAddress at person.streetAddress"] });
  });
});

/** A purpose each role may state (the contact person works on consent). */
const PURPOSES_FOR = { HOUSING_OFFICER: "CASE_WORK", POLICE_LIAISON: "CASE_WORK", CONTACT_PERSON: "COORDINATED_SUPPORT" } as const;
