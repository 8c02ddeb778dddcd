import { buildPopulation } from "@skyddsnat/hub";
import type { Agency, FieldClass, ProtectionLevel, Purpose, Role, SubjectFacts } from "@skyddsnat/schema";

const population = buildPopulation();
const AGENCY: Record<string, Agency> = { social_services: "social-services", housing: "housing", police_liaison: "police-liaison", child_services: "child-services" };

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const iso = (d: Date | string | null | undefined) => new Date(d ?? 0).toISOString();

/**
 * Subject facts computed straight from the seed data, in memory: an oracle independent of the
 * SQL social services runs, to compare the hub's answers with decide() on the same facts. The
 * same definitions as schema/src/policy/facts.ts: co-residents both ways; threat persons of the
 * household; the household's cases are hers and her co-resident custodians' who are no threat.
 */
export function factsFromSeed(subjectId: string): SubjectFacts {
  const now = new Date();
  const { persons, householdMemberships, custodies, threatRelations, cases, assignments, consents } = population.socialServices;
  const person = persons.find((p) => p.id === subjectId);
  if (!person) throw new Error(`no seeded person ${subjectId}`);
  const homes = new Set(householdMemberships.filter((m) => m.personId === subjectId && !m.endedAt).map((m) => m.householdId));
  const coResidents = new Set(householdMemberships.filter((m) => homes.has(m.householdId) && !m.endedAt && m.personId !== subjectId).map((m) => m.personId));
  const protectedOnes = new Set([subjectId, ...coResidents]);
  const holds = (t: (typeof threatRelations)[number]) => new Date(t.since).getTime() <= now.getTime() && (!t.endedAt || new Date(t.endedAt).getTime() > now.getTime());
  const threats = new Set(threatRelations.filter((t) => protectedOnes.has(t.protectedId) && holds(t)).map((t) => t.threatId));
  const custodians = custodies.filter((c) => c.childId === subjectId).sort((a, b) => (a.custodianId < b.custodianId ? -1 : 1));
  const household = new Set([subjectId, ...custodians.filter((c) => coResidents.has(c.custodianId) && !threats.has(c.custodianId)).map((c) => c.custodianId)]);
  const open = cases.filter((c) => household.has(c.personId) && c.status === "OPEN");
  const openCases = new Set(open.map((c) => c.id));
  return {
    id: subjectId,
    protectionLevel: person.protectionLevel as ProtectionLevel,
    householdLevels: persons.filter((p) => coResidents.has(p.id)).sort(byId).map((p) => p.protectionLevel as ProtectionLevel),
    assignments: assignments
      .filter((a) => openCases.has(a.caseId) && !a.endedAt)
      .sort(byId)
      .map((a) => ({ staffId: a.staffId, role: a.role as Role, since: iso(a.assignedAt) })),
    caseUnits: [...new Set(open.map((c) => c.unit))].sort(),
    consents: consents
      .filter((c) => c.personId === subjectId)
      .sort(byId)
      .map((c) => ({
        recipientAgency: AGENCY[c.recipientAgency] as Agency,
        recipientUnit: c.recipientUnit,
        purpose: c.purpose as Purpose,
        scope: c.scope as FieldClass[],
        validFrom: iso(c.validFrom),
        validTo: iso(c.validTo),
        revokedAt: c.revokedAt ? iso(c.revokedAt) : null,
        // The seed writes consents before any test runs: one without a time was recorded then.
        recordedAt: iso(c.createdAt),
        givenBy: c.givenBy,
        form: c.form,
      })),
    custodians: custodians.map((c) => ({ personId: c.custodianId, threat: threats.has(c.custodianId) })),
    birthDate: iso(person.birthDate).slice(0, 10),
    quarantined: person.quarantinedAt != null,
  };
}
