import type { Actor } from "../actor.js";
import type { FieldClass } from "../classification.js";
import { type ProtectionLevel, stricterLevel } from "../protection.js";
import { consentScopeOf } from "./consent.js";
import type { RecordFacts, SubjectFacts } from "./facts.js";

/** The actor's relationships to a subject and record, derived from facts. Pure. */
export interface Relations {
  /** Assigned, in the actor's own role, on an open case of the subject or the household. */
  assigned: boolean;
  /** Field classes covered by consents valid now, to the actor's unit, for the stated purpose. */
  consentScope: ReadonlySet<FieldClass>;
  /** The actor is responsible for this current record. */
  steward: boolean;
  /** The record is held by the actor's own unit of her own agency. */
  ownUnit: boolean;
  /** A team lead whose unit holds an open case of the subject or the household. */
  unitCase: boolean;
  /** An active emergency disclosure for this subject, and the request states EMERGENCY. */
  emergency: boolean;
  /** The actor is one of the record's participants (an appointment's staff). */
  participant: boolean;
}

export function relationsOf(
  actor: Actor,
  subject: SubjectFacts,
  record: RecordFacts,
  emergencyGrants: ReadonlySet<string>,
  now: Date,
): Relations {
  const at = now.getTime();
  // A change made after the request began — by this very request's mutation, say — does not
  // open anything in its response: only what began strictly before `now` counts.
  const began = (time: string) => Date.parse(time) < at;
  return {
    assigned: subject.assignments.some((a) => a.staffId === actor.staffId && a.role === actor.role && began(a.since)),
    consentScope: consentScopeOf(actor, subject, now),
    steward: record.stewardId !== null && record.stewardId === actor.staffId,
    ownUnit:
      record.ownerAgency !== null &&
      record.ownerAgency === actor.agency &&
      actor.unit !== undefined &&
      record.ownerUnit != null &&
      record.ownerUnit === actor.unit,
    unitCase: actor.role === "TEAM_LEAD" && actor.unit !== undefined && subject.caseUnits.includes(actor.unit),
    emergency: actor.purpose === "EMERGENCY" && emergencyGrants.has(subject.id),
    participant: record.participants?.includes(actor.staffId) ?? false,
  };
}

/**
 * The household's level: the strictest of the person's own and of everyone she lives with. It
 * is her effective protection: a child's school reveals the parent's location just as much, and
 * a parent's address the child's; staff see this level and its handling instructions, never
 * whose it is.
 */
export function householdLevel(subject: SubjectFacts): ProtectionLevel | null {
  if (subject.protectionLevel === null) return null;
  return subject.householdLevels.reduce(stricterLevel, subject.protectionLevel);
}

/**
 * The level that governs a field. Location follows the strictest level in the household and,
 * where the record names a place, the place's own level (places.ts): protection follows the
 * place, not only the person.
 */
export function governingLevel(
  subject: SubjectFacts,
  fieldClass: FieldClass,
  record: Pick<RecordFacts, "placeLevel"> = {},
): ProtectionLevel | null {
  // The audit trail holds ids and field paths, never values: its rows are not about where anyone is.
  if (fieldClass === "AUDIT") return "NONE";
  if (subject.protectionLevel === null) return null;
  if (fieldClass !== "LOCATION") return subject.protectionLevel;
  const household = householdLevel(subject);
  if (household === null || record.placeLevel === undefined) return household;
  return record.placeLevel === null ? null : stricterLevel(household, record.placeLevel);
}
