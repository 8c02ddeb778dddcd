import { describe, expect, test } from "@jest/globals";
import { buildPopulation } from "@skyddsnat/hub";
import { HANDLING_INSTRUCTIONS } from "@skyddsnat/schema";
import { type GraphQLResponse, gqlAs } from "./support/http.js";
import { grantEmergency } from "./support/emergency.js";
import { SCENARIOS } from "./support/scenarios.js";

const population = buildPopulation();
const personById = new Map(population.socialServices.persons.map((p) => [p.id, p]));
const home = (adult: string) => personById.get(adult)?.streetAddress as string;
const PROTECTED = ["CONFIDENTIALITY_MARKED", "PROTECTED_REGISTRATION", "ASSUMED_IDENTITY", "inheritedChild"] as const;

interface TenancyRow {
  id: string;
  subjectId: string;
  startsOn: string | null;
  endsOn: string | null;
  landlord: string | null;
  rooms: number | null;
  streetAddress: string | null;
}

/** Everything a housing officer can list of every tenancy, page by page (bounded). */
async function everyTenancy(staffId: string): Promise<{ rows: TenancyRow[]; bodies: string[] }> {
  const rows: TenancyRow[] = [];
  const bodies: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const response: GraphQLResponse<{ tenancies: { nodes: TenancyRow[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }> = await gqlAs(
      "HOUSING_OFFICER",
      staffId,
      `query($after: String) { tenancies(first: 100, after: $after) {
        nodes { id subjectId startsOn endsOn landlord rooms streetAddress }
        pageInfo { endCursor hasNextPage } } }`,
      { variables: { after } },
    );
    expect(response.status).toBe(200);
    bodies.push(JSON.stringify(response));
    rows.push(...(response.data?.tenancies.nodes ?? []));
    if (!response.data?.tenancies.pageInfo.hasNextPage) return { rows, bodies };
    after = response.data.tenancies.pageInfo.endCursor;
  }
  throw new Error("more than 50 pages of tenancies");
}

describe("protection follows the place: no join of tenancies of the same flat", () => {
  test.each(["ho-3002"])(
    "housing officer %s of the unit that holds them, not the steward of her tenancy, finds her home in no tenancy of her flat, before or after her",
    async (officer) => {
      const { rows, bodies } = await everyTenancy(officer);
      for (const name of PROTECTED) {
        const household = SCENARIOS[name];
        // Nowhere in any answer: not in her own tenancy, not in the previous tenant's record of the flat.
        for (const body of bodies) expect(body).not.toContain(home(household.adult));
        const hers = rows.find((row) => row.id === household.activeTenancy);
        const his = rows.find((row) => row.id === household.previousTenantTenancy);
        // The join keys that identify the flat are withheld on both sides.
        expect(hers).toMatchObject({ landlord: null, rooms: null, streetAddress: null });
        expect(his).toMatchObject({ landlord: null, rooms: null, streetAddress: null });
      }
    },
  );

  test("another municipality's housing unit finds no tenancy of her flat at all (need to know is the unit's)", async () => {
    const { rows, bodies } = await everyTenancy("ho-3003");
    for (const name of PROTECTED) {
      const household = SCENARIOS[name];
      for (const body of bodies) expect(body).not.toContain(home(household.adult));
      expect(rows.map((row) => row.id)).not.toContain(household.activeTenancy);
      expect(rows.map((row) => row.id)).not.toContain(household.previousTenantTenancy);
    }
  });

  test("the same scan does find a home where the policy releases it, so it can see a leak: the steward's own tenancy of an unprotected household", async () => {
    // No address is open because the level is NONE any more (OSL 26 kap. 1 §): the steward's need opens it.
    const { bodies } = await everyTenancy("ho-3001");
    expect(bodies.some((body) => body.includes(home(SCENARIOS.NONE.adult)))).toBe(true);
  });

  test("the steward of her current tenancy sees its address, but not the previous tenant's record of the flat", async () => {
    const household = SCENARIOS.PROTECTED_REGISTRATION;
    const response = await gqlAs<{ her: { tenancies: TenancyRow[] }; him: { tenancies: TenancyRow[] } }>(
      "HOUSING_OFFICER",
      "ho-3001",
      `query($her: ID!, $him: ID!) {
        her: person(id: $her) { tenancies { id streetAddress landlord } }
        him: person(id: $him) { tenancies { id streetAddress landlord } } }`,
      { variables: { her: household.adult, him: household.previousTenant } },
    );
    expect(response.data?.her.tenancies.find((t) => t.id === household.activeTenancy)?.streetAddress).toBe(home(household.adult));
    const his = response.data?.him.tenancies.find((t) => t.id === household.previousTenantTenancy);
    expect(his).toMatchObject({ streetAddress: null, landlord: null });
    const index = response.data?.him.tenancies.findIndex((t) => t.id === household.previousTenantTenancy);
    expect(response.errors).toContainEqual(
      expect.objectContaining({ path: ["him", "tenancies", index, "streetAddress"], extensions: expect.objectContaining({ code: "FORBIDDEN_FIELD", reason: "REQUIRES_STEWARDSHIP" }) }),
    );
  });

  test.each(["policyPlaceLevel", "policyCurrent", "alias: policyPlaceLevel"])(
    "a client that selects the policy's own inputs (%s) gets 400 and nothing runs",
    async (selection) => {
      const household = SCENARIOS.PROTECTED_REGISTRATION;
      const response = await gqlAs("HOUSING_OFFICER", "ho-3001", `{ tenancy(id: "${household.previousTenantTenancy}") { id ${selection} } }`);
      expect(response.status).toBe(400);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["RESERVED_NAME"]);
      expect(JSON.stringify(response)).not.toContain("PROTECTED_REGISTRATION");
    },
  );
});

describe("inherited protection is visible, without naming the parent", () => {
  const household = SCENARIOS.inheritedChild;
  const QUERY = `query($child: ID!) { person(id: $child) { id protectionLevel handlingInstructions streetAddress schoolPlacements { schoolName } } }`;

  // The officers of her mother's coordinated plan (SIP) handle the child she lives with; to anyone
  // else her protection is not shown at all (no directory of the protected, issue 19 item 1).
  test.each([
    ["HOUSING_OFFICER", "ho-3003"],
    ["POLICE_LIAISON", "pl-4004"],
    ["CHILD_SERVICES_OFFICER", "cs-5002"],
  ] as const)("%s %s, who does not handle her, gets neither her level nor her handling instructions", async (role, staffId) => {
    const response = await gqlAs<{ person: { protectionLevel: string | null; handlingInstructions: string[] | null } }>(role, staffId, QUERY, { variables: { child: household.child } });
    expect(response.data?.person).toMatchObject({ id: household.child, protectionLevel: null, handlingInstructions: null, streetAddress: null });
    expect(JSON.stringify(response)).not.toContain(household.adult);
  });

  test.each([
    ["HOUSING_OFFICER", "ho-3001"],
    ["POLICE_LIAISON", "pl-4001"],
    ["CHILD_SERVICES_OFFICER", "cs-5001"],
  ] as const)("%s %s of the household's coordinated plan sees the child's effective level and its handling instructions", async (role, staffId) => {
    const response = await gqlAs<{ person: { protectionLevel: string; handlingInstructions: string[]; streetAddress: string | null } }>(role, staffId, QUERY, {
      variables: { child: household.child },
    });
    expect(personById.get(household.child)?.protectionLevel).toBe("NONE");
    expect(response.data?.person.protectionLevel).toBe("PROTECTED_REGISTRATION");
    expect(response.data?.person.handlingInstructions).toEqual(HANDLING_INSTRUCTIONS.PROTECTED_REGISTRATION);
    expect(response.data?.person.streetAddress).toBeNull();
    // Nothing in the answer names the parent it comes from.
    const body = JSON.stringify(response);
    expect(body).not.toContain(household.adult);
    for (const error of response.errors ?? []) expect(Object.keys(error.extensions ?? {}).sort()).toEqual(expect.arrayContaining(["code", "reason"]));
    for (const error of response.errors ?? []) expect(Object.keys(error.extensions ?? {}).filter((key) => !["code", "reason", "serviceName"].includes(key))).toEqual([]);
  });
});

describe("emergency access is the minimum: the present, never a previous address", () => {
  const household = SCENARIOS.PROTECTED_REGISTRATION;

  test("a granted emergency opens where she is now, not where something happened nor housing's records of where she lived", async () => {
    await grantEmergency({ requester: { role: "POLICE_LIAISON", sub: "pl-4003" }, subjectId: household.adult });
    const response = await gqlAs<{ her: { streetAddress: string | null; incidents: { id: string; place: string | null }[] | null; tenancies: TenancyRow[] | null } }>(
      "POLICE_LIAISON",
      "pl-4003",
      `query($her: ID!) { her: person(id: $her) { streetAddress incidents { id place } tenancies { id streetAddress } } }`,
      { purpose: "EMERGENCY", variables: { her: household.adult } },
    );
    expect(response.data?.her.streetAddress).toBe(home(household.adult));
    // Her incident is the police's own record (SAFETY, opened); its place is not where she is now.
    const incident = response.data?.her.incidents?.findIndex((i) => i.id === household.incident) ?? -1;
    expect(incident).toBeGreaterThanOrEqual(0);
    expect(response.data?.her.incidents?.[incident]?.place).toBeNull();
    expect(response.errors).toContainEqual(
      expect.objectContaining({ path: ["her", "incidents", incident, "place"], extensions: expect.objectContaining({ reason: "REQUIRES_EMERGENCY_GROUND" }) }),
    );
    // Housing's records are not opened by an emergency at all: not even that there are tenancies.
    expect(response.data?.her.tenancies).toBeNull();
    expect(JSON.stringify(response)).not.toContain(household.endedTenancy);
  });
});
