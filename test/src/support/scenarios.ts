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

/**
 * A person's open case in the seed, its owner and the secretary on it: tests write as the staff
 * the write rules permit (the owner staffs the case, staff on the case record consents).
 */
export function openCaseOf(personId: string): { caseId: string; owner: string; socialSecretary: string; contactPerson: string | null } {
  const found = population.socialServices.cases.find((c) => c.personId === personId && c.status === "OPEN");
  if (!found?.ownerId) throw new Error(`no open, owned case of ${personId} in the seed`);
  const on = (role: string) => population.socialServices.assignments.find((a) => a.caseId === found.id && a.role === role && !a.endedAt)?.staffId ?? null;
  const socialSecretary = on("SOCIAL_SECRETARY");
  if (!socialSecretary) throw new Error(`no social secretary on ${found.id} in the seed`);
  return { caseId: found.id, owner: found.ownerId, socialSecretary, contactPerson: on("CONTACT_PERSON") };
}

export const hasHousingApplication = (personId: string) => withApplication.has(personId);
