import { describe, expect, test } from "@jest/globals";
import { gqlAs } from "./support/http.js";
import { SCENARIOS } from "./support/scenarios.js";

/*
 * Existence is classified (issue 19): that a person has an incident, a restraining order, a child
 * case or a social-services case is what the record says, so an actor who may not see the record
 * does not learn that it exists — not through the person's links, not through a root list, not by
 * looking it up by id. Written as a housing officer with no relation to her would try it.
 */
const her = SCENARIOS.PROTECTED_REGISTRATION;
const QUERY = `query($her: ID!, $incident: ID!, $childCase: ID!, $case: ID!) {
  incidents(first: 100) { nodes { id subjectId } }
  incident(id: $incident) { id }
  restrainingOrders(first: 100) { nodes { id subjectId } }
  childCases(first: 100) { nodes { id subjectId } }
  childCase(id: $childCase) { id }
  case(id: $case) { id }
  person(id: $her) { id incidents { id } restrainingOrders { id } cases { id } }
}`;
const variables = { her: her.adult, incident: her.incident, childCase: her.childCase, case: her.caseId };

describe("an actor who may not see a record does not see that it exists", () => {
  test("a housing officer with no relation to her finds none of her police, child or social-services records", async () => {
    const response = await gqlAs("HOUSING_OFFICER", "ho-3003", QUERY, { variables });
    expect(response.status).toBe(200);
    const body = JSON.stringify(response.data);
    for (const id of [her.incident, her.restrainingOrder, her.childCase, her.caseId]) expect(body).not.toContain(id);
    expect(response.data).toMatchObject({ incident: null, childCase: null, case: null, person: { id: her.adult, incidents: null, restrainingOrders: null, cases: null } });
    // The root lists answer as if she had no such records: no subject of hers at all.
    expect(body).not.toContain(`"subjectId":"${her.adult}"`);
  });

  test("the police liaison does see her incident and order exist (the test can see them), but not her child case or case", async () => {
    const response = await gqlAs("POLICE_LIAISON", "pl-4001", QUERY, { variables });
    expect(response.data?.incident).toEqual({ id: her.incident });
    expect(JSON.stringify(response.data?.restrainingOrders)).toContain(her.restrainingOrder);
    expect(response.data).toMatchObject({ childCase: null, case: null, person: { cases: null } });
  });

  test("the case type is case detail: a colleague in social services sees the case, not what kind it is", async () => {
    // A colleague of the case's own unit (social-services/malmo-vald): records are the unit's (item 8).
    const response = await gqlAs("SOCIAL_SECRETARY", "ss-1002", `query($case: ID!) { case(id: $case) { id status type } }`, { variables: { case: her.caseId } });
    expect(response.data?.case).toMatchObject({ id: her.caseId, type: null });
    expect(response.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([["case.type", "FORBIDDEN_FIELD"]]);
  });
});
