import { buildPopulation } from "@skyddsnat/hub";

const population = buildPopulation();

/** The seeded scenario households (deterministic: the same ids the running hub was seeded with). */
export const SCENARIOS = population.scenarios;

const inScenarios = new Set(Object.values(SCENARIOS).flatMap((h) => [h.adult, ...h.children, h.restrainedPerson, ...("previousTenant" in h ? [h.previousTenant] : [])]));

/** A person outside every scenario: tests that write use them, so reads elsewhere stay exact. */
export const BYSTANDER = population.socialServices.persons.find((p) => p.protectionLevel === "NONE" && !inScenarios.has(p.id))!.id;

const withApplication = new Set(population.housing.applications.map((a) => a.personId));
const consented = new Set(population.socialServices.consents.map((c) => c.personId));

/**
 * NONE-level clients with an open case, outside every scenario, not the bystander, and with no
 * consents of their own: tests that record and revoke consents take one each, so no test's
 * writes show in another's reads.
 */
export const QUIET_CLIENTS = [
  ...new Set(
    population.socialServices.cases
      .filter(
        (c) =>
          c.status === "OPEN" &&
          !consented.has(c.personId) &&
          !inScenarios.has(c.personId) &&
          c.personId !== BYSTANDER &&
          population.socialServices.persons.find((p) => p.id === c.personId)?.protectionLevel === "NONE",
      )
      .map((c) => c.personId),
  ),
];

export const hasHousingApplication = (personId: string) => withApplication.has(personId);
