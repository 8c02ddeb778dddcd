import type { Actor } from "../actor.js";
import { PROTECTION_LEVELS } from "../protection.js";
import { existsFor, isProtectedSubject } from "./facts.js";
import { relationsOf } from "./relations.js";
import type { WriteFacts } from "./write-facts.js";
import type { WriteCondition } from "./write-rules.js";

/** Why a write was refused. Stable codes: clients and auditors key on them. */
export const WRITE_DENY_REASONS = [
  "PURPOSE_NOT_ALLOWED",
  "NOT_PERMITTED_FOR_ROLE",
  "SUBJECT_UNKNOWN",
  "SUBJECT_PROTECTED",
  "REQUIRES_ASSIGNMENT",
  "REQUIRES_CASE_OWNER",
  "SELF_ASSIGNMENT",
  "LEVEL_NOT_RAISED",
  "REQUIRES_CHILD_CASE_OFFICER",
  "ENDS_ANOTHER_OFFICERS_PLACEMENT",
  "OWN_EMERGENCY_REQUEST",
  "OWN_EMERGENCY_DISCLOSURE",
  "ALREADY_QUARANTINED",
] as const;
export type WriteDenyReason = (typeof WRITE_DENY_REASONS)[number];

const NO_GRANTS: ReadonlySet<string> = new Set();
const NO_RECORD = { stewardId: null, ownerAgency: null, current: false };

/** One small named test per condition; missing facts never satisfy one. */
const HOLDS: Record<WriteCondition, (actor: Actor, facts: WriteFacts, now: Date) => boolean> = {
  always: () => true,
  "subject-known": (actor, facts) => existsFor(actor, facts.subject),
  "subject-unprotected": (_, facts) => facts.subject !== undefined && !isProtectedSubject(facts.subject),
  // The same relation the read rules use, so "assigned" means one thing in the whole policy.
  assigned: (actor, facts, now) => facts.subject !== undefined && relationsOf(actor, facts.subject, NO_RECORD, NO_GRANTS, now).assigned,
  "case-owner": (actor, facts) => facts.case?.ownerId !== undefined && facts.case.ownerId === actor.staffId,
  "assigns-another": (actor, facts) => facts.assignee !== undefined && facts.assignee.staffId !== actor.staffId,
  "raises-level": (_, facts) => {
    const current = facts.subject?.protectionLevel;
    if (current === null || current === undefined || facts.newLevel === undefined) return false;
    return PROTECTION_LEVELS.indexOf(facts.newLevel) > PROTECTION_LEVELS.indexOf(current);
  },
  "child-case-officer": (actor, facts) => facts.childCase !== undefined && facts.childCase.officerId === actor.staffId,
  "ends-only-own-placements": (actor, facts) => facts.endsPlacementsOf?.every((officerId) => officerId === actor.staffId) === true,
  // By staff id, whatever role the token names: one person holding two roles is still one person.
  "not-the-requester": (actor, facts) => facts.emergency !== undefined && facts.emergency.requesterId !== actor.staffId,
  "not-the-granter": (actor, facts) => facts.emergency !== undefined && facts.emergency.deciderId !== actor.staffId,
  "not-quarantined": (_, facts) => facts.subject !== undefined && facts.subject.quarantined === false,
};

/** What each condition's failure is called in a refusal. */
export const FAILS_WITH: Record<Exclude<WriteCondition, "always">, WriteDenyReason> = {
  "subject-known": "SUBJECT_UNKNOWN",
  "subject-unprotected": "SUBJECT_PROTECTED",
  assigned: "REQUIRES_ASSIGNMENT",
  "case-owner": "REQUIRES_CASE_OWNER",
  "assigns-another": "SELF_ASSIGNMENT",
  "raises-level": "LEVEL_NOT_RAISED",
  "child-case-officer": "REQUIRES_CHILD_CASE_OFFICER",
  "ends-only-own-placements": "ENDS_ANOTHER_OFFICERS_PLACEMENT",
  "not-the-requester": "OWN_EMERGENCY_REQUEST",
  "not-the-granter": "OWN_EMERGENCY_DISCLOSURE",
  "not-quarantined": "ALREADY_QUARANTINED",
};

/** The first of the conditions that does not hold, or undefined when all do. */
export function firstFailing(conditions: readonly WriteCondition[], actor: Actor, facts: WriteFacts, now: Date): WriteCondition | undefined {
  return conditions.find((condition) => !HOLDS[condition](actor, facts, now));
}
