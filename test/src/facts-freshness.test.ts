import { describe, expect, test } from "@jest/globals";
import { buildPopulation } from "@skyddsnat/hub";
import { DEFAULT_FACTS_CACHE_MS } from "@skyddsnat/schema";
import { gqlAs } from "./support/http.js";
import { BYSTANDER, SCENARIOS } from "./support/scenarios.js";

// A NONE-level client with an open case, outside every scenario household and not the bystander.
const population = buildPopulation();
const inScenarios = new Set(Object.values(SCENARIOS).flatMap((h) => [h.adult, ...h.children]));
const client = population.socialServices.cases.find(
  (c) =>
    c.status === "OPEN" &&
    !inScenarios.has(c.personId) &&
    c.personId !== BYSTANDER &&
    population.socialServices.persons.find((p) => p.id === c.personId)?.protectionLevel === "NONE",
)!.personId;

const day = 86_400_000;
const validFrom = new Date(Date.now() - day).toISOString();
const validTo = new Date(Date.now() + 30 * day).toISOString();
const settle = () => new Promise((resolve) => setTimeout(resolve, DEFAULT_FACTS_CACHE_MS + 200));
const caseStatus = async () => {
  const response = await gqlAs<{ person: { cases: { status: string | null }[] } }>(
    "HOUSING_OFFICER",
    "ho-3003",
    `{ person(id: "${client}") { cases { status } } }`,
    { purpose: "COORDINATED_SUPPORT" },
  );
  return response.data?.person.cases[0]?.status ?? null;
};

describe("consent changes reach every service within the facts cache window", () => {
  test("a recorded consent opens, and its revocation closes, another agency's view", async () => {
    expect(await caseStatus()).toBeNull();
    const recorded = await gqlAs<{ recordConsent: { id: string } }>(
      "CONTACT_PERSON",
      "cp-2001",
      `mutation { recordConsent(input: { subjectId: "${client}", recipientAgency: housing, purpose: COORDINATED_SUPPORT, scope: [STATUS], validFrom: "${validFrom}", validTo: "${validTo}" }) { id } }`,
    );
    expect(recorded.errors).toBeUndefined();
    await settle();
    expect(await caseStatus()).toEqual(expect.any(String));

    const revoked = await gqlAs("CONTACT_PERSON", "cp-2001", `mutation { revokeConsent(id: "${recorded.data?.recordConsent.id}") { revokedAt } }`);
    expect(revoked.errors).toBeUndefined();
    await settle();
    expect(await caseStatus()).toBeNull();
  });
});
