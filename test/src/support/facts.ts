import { buildPopulation } from "@skyddsnat/hub";
import type { Agency, FieldClass, ProtectionLevel, Purpose, Role, SubjectFacts } from "@skyddsnat/schema";

const population = buildPopulation();
const AGENCY: Record<string, Agency> = { social_services: "social-services", housing: "housing", police_liaison: "police-liaison", child_services: "child-services" };

/**
 * Subject facts computed straight from the seed data, in memory: an oracle independent of the
 * SQL social services runs, to compare the hub's answers with decide() on the same facts.
 */
export function factsFromSeed(subjectId: string): SubjectFacts {
  const { persons, householdMembers, cases, assignments, consents } = population.socialServices;
  const person = persons.find((p) => p.id === subjectId);
  if (!person) throw new Error(`no seeded person ${subjectId}`);
  const parents = householdMembers.filter((m) => m.childId === subjectId).map((m) => m.parentId);
  const household = new Set([subjectId, ...parents]);
  const openCases = new Set(cases.filter((c) => household.has(c.personId) && c.status === "OPEN").map((c) => c.id));
  return {
    id: subjectId,
    protectionLevel: person.protectionLevel as ProtectionLevel,
    parentLevels: parents.map((id) => persons.find((p) => p.id === id)?.protectionLevel as ProtectionLevel),
    assignments: assignments
      .filter((a) => openCases.has(a.caseId) && !a.endedAt)
      .map((a) => ({ staffId: a.staffId, role: a.role as Role, since: new Date(a.assignedAt ?? 0).toISOString() })),
    consents: consents
      .filter((c) => household.has(c.personId))
      .map((c) => ({
        recipientAgency: AGENCY[c.recipientAgency] as Agency,
        purpose: c.purpose as Purpose,
        scope: c.scope as FieldClass[],
        validFrom: new Date(c.validFrom).toISOString(),
        validTo: new Date(c.validTo).toISOString(),
        revokedAt: c.revokedAt ? new Date(c.revokedAt).toISOString() : null,
        // The seed writes consents before any test runs: one without a time was recorded then.
        recordedAt: new Date(c.createdAt ?? 0).toISOString(),
      })),
  };
}
