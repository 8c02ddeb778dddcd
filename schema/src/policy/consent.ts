import type { Actor } from "../actor.js";
import type { FieldClass } from "../classification.js";
import type { ConsentFact, SubjectFacts } from "./facts.js";

/**
 * Who may consent for a child, as OSL 12 kap. 3 § and the Social Services Act have it: the
 * custodians decide for a child; from CHILD_SAYS_TOO the child's own consent is needed as well
 * (her say grows with age and maturity); from CHILD_DECIDES she decides herself (SoL 11 kap.
 * 10 §: from fifteen a child speaks for herself in social-services matters). Adults consent only
 * for themselves.
 */
export const CHILD_SAYS_TOO = 12;
export const CHILD_DECIDES = 15;
export const ADULT = 18;

/** Whole years from an ISO date of birth to `now`; null when the date is not known. */
export function ageAt(birthDate: string | null, now: Date): number | null {
  if (!birthDate) return null;
  const born = new Date(birthDate);
  if (Number.isNaN(born.getTime())) return null;
  let years = now.getUTCFullYear() - born.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate());
  if (beforeBirthday) years -= 1;
  return years;
}

/** A consent in force now, recorded before the request began, naming the actor's own unit and purpose. */
function opensFor(consent: ConsentFact, actor: Actor, at: number): boolean {
  return (
    Date.parse(consent.recordedAt) < at &&
    consent.recipientAgency === actor.agency &&
    actor.unit !== undefined &&
    consent.recipientUnit === actor.unit &&
    consent.purpose === actor.purpose &&
    consent.revokedAt === null &&
    Date.parse(consent.validFrom) <= at &&
    at < Date.parse(consent.validTo)
  );
}

const intersect = (sets: ReadonlySet<FieldClass>[]): Set<FieldClass> =>
  sets.length === 0 ? new Set() : new Set([...sets[0]!].filter((fieldClass) => sets.every((set) => set.has(fieldClass))));

/**
 * The classes the subject's consents open to this actor now. A child's custodial consent counts
 * only when every custodian who is not a threat person gave it (joint custody: both); a threat
 * person's consent never counts, nor is it needed.
 */
export function consentScopeOf(actor: Actor, subject: SubjectFacts, now: Date): Set<FieldClass> {
  if (subject.consents.length === 0) return new Set();
  const at = now.getTime();
  const byGiver = new Map<string, Set<FieldClass>>();
  for (const consent of subject.consents) {
    if (!opensFor(consent, actor, at)) continue;
    const classes = byGiver.get(consent.givenBy) ?? new Set<FieldClass>();
    for (const fieldClass of consent.scope) classes.add(fieldClass);
    byGiver.set(consent.givenBy, classes);
  }
  const own = byGiver.get(subject.id) ?? new Set<FieldClass>();
  const age = ageAt(subject.birthDate, now);
  // Unknown age: only her own consent, never someone else's on her behalf.
  if (age === null || age >= CHILD_DECIDES) return own;
  const custodians = subject.custodians.filter((custodian) => !custodian.threat);
  if (custodians.length === 0) return new Set();
  const custodial = intersect(custodians.map((custodian) => byGiver.get(custodian.personId) ?? new Set<FieldClass>()));
  return age >= CHILD_SAYS_TOO ? intersect([custodial, own]) : custodial;
}
