import type { Actor } from "../actor.js";
import type { FieldClass } from "../classification.js";
import { PURPOSES_BY_ROLE } from "../actor.js";
import type { RecordFacts, SubjectFacts } from "./facts.js";
import { governingLevel, type Relations, relationsOf } from "./relations.js";
import { type Condition, RULES, type Rule } from "./rules.js";

/** Why a field was withheld. Stable codes: clients and auditors key on them. */
export const REDACT_REASONS = [
  "PROTECTION_LEVEL_UNKNOWN",
  "PURPOSE_NOT_ALLOWED",
  "NOT_PERMITTED_FOR_ROLE",
  "REQUIRES_ASSIGNMENT",
  "REQUIRES_HANDLING",
  "REQUIRES_OWN_UNIT",
  "REQUIRES_CONSENT",
  "REQUIRES_ASSIGNMENT_AND_CONSENT",
  "REQUIRES_STEWARDSHIP",
  "REQUIRES_EMERGENCY_GROUND",
  "REQUIRES_PARTICIPATION",
  "AUDIT_UNAVAILABLE",
] as const;
export type RedactReason = (typeof REDACT_REASONS)[number];

export type AccessDecision =
  | { effect: "allow"; rule: string }
  | { effect: "redact"; reason: RedactReason; rule: string | null };

const REQUIRES: Record<Exclude<Condition, "always" | "quarantined">, RedactReason> = {
  handles: "REQUIRES_HANDLING",
  assigned: "REQUIRES_ASSIGNMENT",
  "own-unit": "REQUIRES_OWN_UNIT",
  consent: "REQUIRES_CONSENT",
  "assigned-and-consent": "REQUIRES_ASSIGNMENT_AND_CONSENT",
  steward: "REQUIRES_STEWARDSHIP",
  emergency: "REQUIRES_EMERGENCY_GROUND",
  "assigned-participant": "REQUIRES_PARTICIPATION",
};

function holds(condition: Condition, relations: Relations, fieldClass: FieldClass, record: RecordFacts): boolean {
  switch (condition) {
    case "always":
      return true;
    case "handles":
      return (
        relations.assigned ||
        (relations.steward && record.current) ||
        relations.ownUnit ||
        relations.unitCase ||
        relations.consentScope.size > 0 ||
        relations.emergency
      );
    case "quarantined":
      // decide() lets quarantined rows apply to quarantined subjects only.
      return true;
    case "assigned":
      return relations.assigned;
    case "own-unit":
      return relations.ownUnit;
    case "consent":
      return relations.consentScope.has(fieldClass);
    case "assigned-and-consent":
      return relations.assigned && relations.consentScope.has(fieldClass);
    case "steward":
      // Stewardship is of the current record only: never a previous address.
      return relations.steward && record.current;
    case "emergency":
      // The minimum: where she is now and her safety, never where she lived before.
      return relations.emergency && (fieldClass !== "LOCATION" || record.current);
    case "assigned-participant":
      return relations.participant && relations.assigned;
  }
}

/**
 * A record naming participants (an appointment) opens its LOCATION through participant rows
 * only; participant rows are about such records only (elsewhere they are not the nearest rule).
 */
function appliesTo(rule: Rule, fieldClass: FieldClass, subject: SubjectFacts, record: RecordFacts): boolean {
  // A former identity is decided by the quarantine rows alone, and they decide nothing else —
  // except the audit trail's rows about her: ids and field paths, which log control must review.
  const quarantined = subject.quarantined && fieldClass !== "AUDIT";
  if ((rule.when === "quarantined") !== quarantined) return false;
  const namesParticipants = record.participants !== undefined;
  if (rule.when === "assigned-participant") return namesParticipants;
  return !namesParticipants || fieldClass !== "LOCATION";
}

/**
 * The one decision function: may this actor see this class of field about this subject?
 * Pure: everything it needs comes in as arguments.
 */
export function decide(
  actor: Actor,
  subject: SubjectFacts,
  fieldClass: FieldClass,
  record: RecordFacts,
  context: { emergencyGrants: ReadonlySet<string>; now: Date },
): AccessDecision {
  if (!PURPOSES_BY_ROLE[actor.role]?.includes(actor.purpose)) {
    return { effect: "redact", reason: "PURPOSE_NOT_ALLOWED", rule: null };
  }
  const level = governingLevel(subject, fieldClass, record);
  if (fieldClass === "REFERENCE" && !subject.quarantined && actor.role !== "PERSONAL_SECURITY") return { effect: "allow", rule: "references" };
  if (level === null) return { effect: "redact", reason: "PROTECTION_LEVEL_UNKNOWN", rule: null };

  // Worked out once, and only when a row of the actor's role, level and class asks for them.
  let relations: Relations | undefined;
  let nearest: Rule | undefined;
  for (const rule of RULES) {
    if (!rule.roles.includes(actor.role) || !rule.levels.includes(level) || !rule.classes.includes(fieldClass)) continue;
    if (!appliesTo(rule, fieldClass, subject, record)) continue;
    relations ??= relationsOf(actor, subject, record, context.emergencyGrants, context.now);
    if (holds(rule.when, relations, fieldClass, record)) return { effect: "allow", rule: rule.name };
    nearest ??= rule;
  }
  if (!nearest || nearest.when === "always" || nearest.when === "quarantined") return { effect: "redact", reason: "NOT_PERMITTED_FOR_ROLE", rule: null };
  return { effect: "redact", reason: REQUIRES[nearest.when], rule: nearest.name };
}
