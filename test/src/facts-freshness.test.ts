import { describe, expect, test } from "@jest/globals";
import { buildPopulation } from "@skyddsnat/hub";
import { gqlAs } from "./support/http.js";
import { BYSTANDER, SCENARIOS } from "./support/scenarios.js";

/*
 * Facts (levels, assignments, consents) are cached by every service that decides, and social
 * services' change feed tells them all to drop their copies when one of its mutations runs. These
 * tests read, change, and read again at once: a copy that outlived the change would show.
 */
const population = buildPopulation();
const inScenarios = new Set(Object.values(SCENARIOS).flatMap((h) => [h.adult, ...h.children]));
const withApplication = new Set(population.housing.applications.map((a) => a.personId));
const consented = new Set(population.socialServices.consents.map((c) => c.personId));
// NONE-level clients with an open case and a housing application, outside every scenario
// household, not the bystander and with no consents of their own: two, one per test.
const [client, secondClient] = [
  ...new Set(
    population.socialServices.cases
      .filter(
        (c) =>
          c.status === "OPEN" &&
          withApplication.has(c.personId) &&
          !consented.has(c.personId) &&
          !inScenarios.has(c.personId) &&
          c.personId !== BYSTANDER &&
          population.socialServices.persons.find((p) => p.id === c.personId)?.protectionLevel === "NONE",
      )
      .map((c) => c.personId),
  ),
] as [string, string];

const day = 86_400_000;
const validFrom = new Date(Date.now() - day).toISOString();
const validTo = new Date(Date.now() + 30 * day).toISOString();

const recordConsent = (subjectId: string, recipientAgency: string, scope: string) =>
  gqlAs<{ recordConsent: { id: string } }>(
    "CONTACT_PERSON",
    "cp-2001",
    `mutation { recordConsent(input: { subjectId: "${subjectId}", recipientAgency: ${recipientAgency}, purpose: COORDINATED_SUPPORT, scope: [${scope}], validFrom: "${validFrom}", validTo: "${validTo}" }) { id } }`,
  );
const revokeConsent = (id: string | undefined) =>
  gqlAs("CONTACT_PERSON", "cp-2001", `mutation { revokeConsent(id: "${id}") { revokedAt } }`);

describe("a consent change applies in the very next request, in every service", () => {
  test("social services' case status, read by a housing officer (decided by social services and the gateway)", async () => {
    const caseStatus = async () => {
      const response = await gqlAs<{ person: { cases: { status: string | null }[] } }>(
        "HOUSING_OFFICER",
        "ho-3003",
        `{ person(id: "${client}") { cases { status } } }`,
        { purpose: "COORDINATED_SUPPORT" },
      );
      return response.data?.person.cases[0]?.status ?? null;
    };
    expect(await caseStatus()).toBeNull();
    const recorded = await recordConsent(client, "housing", "STATUS");
    expect(recorded.errors).toBeUndefined();
    expect(await caseStatus()).toEqual(expect.any(String));

    const revoked = await revokeConsent(recorded.data?.recordConsent.id);
    expect(revoked.errors).toBeUndefined();
    expect(await caseStatus()).toBeNull();
  });

  test("housing's application status, read by a police liaison (decided by housing from its cached copy)", async () => {
    // Housing never sees social services' mutation: only the change feed can tell it.
    const applicationStatus = async () => {
      const response = await gqlAs<{ person: { housingApplications: { status: string | null }[] } }>(
        "POLICE_LIAISON",
        "pl-4001",
        `{ person(id: "${secondClient}") { housingApplications { status } } }`,
        { purpose: "COORDINATED_SUPPORT" },
      );
      return {
        status: response.data?.person.housingApplications[0]?.status ?? null,
        withheldBy: (response.errors ?? []).map((e) => e.extensions?.reason),
      };
    };
    // Read twice, a moment apart: the first read may be the one that connects housing to the
    // feed (connecting drops copies); the second leaves housing holding a long-lived copy.
    expect((await applicationStatus()).status).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await applicationStatus()).status).toBeNull();
    const recorded = await recordConsent(secondClient, "police_liaison", "STATUS");
    expect(recorded.errors).toBeUndefined();
    expect(await applicationStatus()).toEqual({ status: expect.any(String), withheldBy: [] });

    const revoked = await revokeConsent(recorded.data?.recordConsent.id);
    expect(revoked.errors).toBeUndefined();
    expect((await applicationStatus()).status).toBeNull();
  });
});
