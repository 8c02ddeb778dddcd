import type { Agency, Purpose, Role, SubjectFacts } from "@skyddsnat/schema";
import { badUserInput, MAX_FACTS_BATCH } from "@skyddsnat/schema";
import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import type { PrismaClient } from "../generated/prisma/client.js";

const AGENCY: Record<string, Agency> = {
  social_services: "social-services",
  housing: "housing",
  police_liaison: "police-liaison",
  child_services: "child-services",
};

/**
 * The facts the policy decides on, for a batch of persons: level, parents' levels, active
 * assignments on open cases (of the person or of a parent: the household's case) and consents
 * (the person's own, or a parent's on behalf of the child). Three queries per batch.
 */
export async function loadSubjectFacts(db: PrismaClient, ids: readonly string[]): Promise<SubjectFacts[]> {
  const persons = await db.person.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, protectionLevel: true, parents: { select: { parent: { select: { id: true, protectionLevel: true } } } } },
  });
  const householdOf = new Map(persons.map((p) => [p.id, [p.id, ...p.parents.map((link) => link.parent.id)]]));
  const everyone = [...new Set([...householdOf.values()].flat())];
  const [assignments, consents] = await Promise.all([
    db.assignment.findMany({
      where: { endedAt: null, case: { status: "OPEN", personId: { in: everyone } } },
      select: { staffId: true, role: true, case: { select: { personId: true } } },
    }),
    db.consent.findMany({ where: { personId: { in: everyone } } }),
  ]);
  return persons.map((person) => {
    const household = new Set(householdOf.get(person.id));
    return {
      id: person.id,
      protectionLevel: person.protectionLevel,
      parentLevels: person.parents.map((link) => link.parent.protectionLevel),
      assignments: assignments
        .filter((a) => household.has(a.case.personId))
        .map((a) => ({ staffId: a.staffId, role: a.role as Role })),
      consents: consents
        .filter((c) => household.has(c.personId))
        .map((c) => ({
          recipientAgency: AGENCY[c.recipientAgency] as Agency,
          purpose: c.purpose as Purpose,
          scope: c.scope,
          validFrom: c.validFrom.toISOString(),
          validTo: c.validTo.toISOString(),
          revokedAt: c.revokedAt?.toISOString() ?? null,
        })),
    };
  });
}

/** Validates the facts route's body: a bounded list of ids, nothing else. */
export function parseFactsRequest(body: unknown): string[] {
  const ids = (body as { ids?: unknown } | undefined)?.ids;
  if (!Array.isArray(ids) || ids.length > MAX_FACTS_BATCH || !ids.every((id) => typeof id === "string" && OPAQUE_ID.test(id))) {
    throw badUserInput(`ids must be a list of at most ${MAX_FACTS_BATCH} ids.`, "ids");
  }
  return ids;
}
