import { describe, expect, test } from "@jest/globals";
import { type Actor, type Agency, PURPOSES, PURPOSES_BY_ROLE, type Purpose, type Role, ROLES, ROLES_BY_AGENCY } from "../actor.js";
import { FIELD_CLASSES, type FieldClass } from "../classification.js";
import { PROTECTION_LEVELS, type ProtectionLevel } from "../protection.js";
import { decide } from "./decide.js";
import type { RecordFacts, SubjectFacts } from "./facts.js";

/**
 * Invariants of the whole policy, checked exhaustively over its finite domain: every role, every
 * purpose it may or may not state, every own and parent level (and unknown), every class, every
 * combination of relationships (assigned — for a team lead her unit's case —, consent to her unit,
 * steward, own unit, emergency disclosure), current
 * or not, every place level (none, each level, unknown), and whether the record names participants
 * (an appointment) and the actor among them. The expected side never calls the
 * policy's helpers: levels and relations are worked out here from the same inputs.
 */
const NOW = new Date("2026-12-01T12:00:00Z");
const STAFF = "xx-0001";
const UNIT = "test/unit";
const BEFORE = "2026-01-01T00:00:00Z";
const LEVELS: readonly (ProtectionLevel | null)[] = [...PROTECTION_LEVELS, null];
const PLACE_LEVELS: readonly (ProtectionLevel | null | undefined)[] = [undefined, ...PROTECTION_LEVELS, null];
const RANK = (level: ProtectionLevel) => PROTECTION_LEVELS.indexOf(level);
const stricter = (a: ProtectionLevel, b: ProtectionLevel) => (RANK(a) >= RANK(b) ? a : b);
const agencyOf = (role: Role) => (Object.entries(ROLES_BY_AGENCY).find(([, roles]) => roles.includes(role))?.[0] ?? "audit") as Agency;

interface Case {
  role: Role;
  purpose: Purpose;
  own: ProtectionLevel | null;
  parent: ProtectionLevel | null | "none";
  fieldClass: FieldClass;
  assigned: boolean;
  consent: boolean;
  steward: boolean;
  ownUnit: boolean;
  emergency: boolean;
  current: boolean;
  place: ProtectionLevel | null | undefined;
  /** The record names no participants, names others only, or names the actor. */
  participants: "none" | "others" | "actor";
}

function decideCase(c: Case) {
  return decide(actorOf(c), subjectOf(c), c.fieldClass, recordOf(c), { emergencyGrants: new Set(c.emergency ? ["per_subject"] : []), now: NOW });
}

const actorOf = (c: Pick<Case, "role" | "purpose">): Actor => ({ staffId: STAFF, role: c.role, agency: agencyOf(c.role), purpose: c.purpose, issuer: "test", unit: UNIT });

function subjectOf(c: Case, quarantined = false): SubjectFacts {
  const actor = actorOf(c);
  return {
    id: "per_subject",
    protectionLevel: c.own,
    householdLevels: c.parent === "none" || c.parent === null ? [] : [c.parent],
    // A team lead's relation is her unit's case; everyone else's their assignment.
    assignments: c.assigned && c.role !== "TEAM_LEAD" ? [{ staffId: STAFF, role: c.role, since: BEFORE }] : [{ staffId: "xx-0002", role: c.role, since: BEFORE }],
    caseUnits: c.assigned && c.role === "TEAM_LEAD" ? [UNIT] : ["other/unit"],
    consents: c.consent
      ? [{ recipientAgency: actor.agency, recipientUnit: UNIT, purpose: c.purpose, scope: [c.fieldClass], validFrom: BEFORE, validTo: "2027-01-01T00:00:00Z", revokedAt: null, recordedAt: BEFORE, givenBy: "per_subject", form: "WRITTEN" }]
      : [],
    custodians: [],
    birthDate: "1990-05-01",
    quarantined,
  };
}

function recordOf(c: Case): RecordFacts {
  const actor = actorOf(c);
  return {
    stewardId: c.steward ? STAFF : "xx-0002",
    ownerAgency: c.ownUnit ? actor.agency : null,
    ownerUnit: c.ownUnit ? UNIT : "other/unit",
    current: c.current,
    ...(c.place !== undefined ? { placeLevel: c.place } : {}),
    ...(c.participants === "none" ? {} : { participants: c.participants === "actor" ? [STAFF, "xx-0002"] : ["xx-0002"] }),
  };
}

/** The level that governs the case's field, worked out here (null: unknown). */
function governing(c: Case): ProtectionLevel | null {
  if (c.fieldClass === "AUDIT") return "NONE";
  if (c.own === null) return null;
  if (c.fieldClass !== "LOCATION") return c.own;
  let level = c.parent === "none" || c.parent === null ? c.own : stricter(c.own, c.parent);
  if (c.place === null) return null;
  if (c.place !== undefined) level = stricter(level, c.place);
  return level;
}

function* everyCase(): Generator<Case> {
  const flags = [false, true];
  for (const role of ROLES)
    for (const purpose of PURPOSES)
      for (const own of LEVELS)
        for (const parent of ["none", ...PROTECTION_LEVELS] as const)
          for (const fieldClass of FIELD_CLASSES)
            for (const place of PLACE_LEVELS)
              for (const assigned of flags)
                for (const consent of flags)
                  for (const steward of flags)
                    for (const ownUnit of flags)
                      for (const emergency of flags)
                        for (const current of flags)
                          for (const participants of ["none", "others", "actor"] as const)
                            yield { role, purpose, own, parent, fieldClass, assigned, consent, steward, ownUnit, emergency, current, place, participants };
}

type Invariant = [name: string, holds: (c: Case, allowed: boolean) => boolean];

const STRICT: readonly ProtectionLevel[] = ["PROTECTED_REGISTRATION", "ASSUMED_IDENTITY"];
const INVARIANTS: Invariant[] = [
  [
    "no LOCATION of a PROTECTED_REGISTRATION or ASSUMED_IDENTITY household or place without assignment, stewardship of the current record or an emergency grant for the present",
    (c, allowed) => {
      const level = governing(c);
      if (!allowed || c.fieldClass !== "LOCATION" || level === null || !STRICT.includes(level)) return true;
      return c.assigned || (c.steward && c.current) || (c.emergency && c.purpose === "EMERGENCY" && c.current);
    },
  ],
  ["no value for an AUDITOR, nor who is protected: only references and the log itself", (c, allowed) => !allowed || c.role !== "AUDITOR" || ["REFERENCE", "AUDIT"].includes(c.fieldClass)],
  [
    "no directory: nothing but references and the log without a need for the person, at every level, NONE included",
    (c, allowed) =>
      !allowed || ["REFERENCE", "AUDIT"].includes(c.fieldClass) || c.assigned || c.consent || (c.steward && c.current) || c.ownUnit || (c.emergency && c.purpose === "EMERGENCY"),
  ],
  [
    "no LOCATION at any level, NONE included, without assignment, consent, stewardship of the current record or an emergency disclosure",
    (c, allowed) => !allowed || c.fieldClass !== "LOCATION" || c.assigned || c.consent || (c.steward && c.current) || (c.emergency && c.purpose === "EMERGENCY" && c.current),
  ],
  ["the population register and the personal-security unit read no person's values outside the quarantine", (c, allowed) => !allowed || !["POPULATION_REGISTER", "PERSONAL_SECURITY"].includes(c.role) || (c.role === "POPULATION_REGISTER" && c.fieldClass === "REFERENCE")],
  ["no person data for social services' on-call: only references and the requests it decides", (c, allowed) => !allowed || c.role !== "SOCIAL_ON_CALL" || ["REFERENCE", "AUDIT"].includes(c.fieldClass)],
  ["nothing but references and the log for an unknown level", (c, allowed) => !allowed || c.own !== null || ["REFERENCE", "AUDIT"].includes(c.fieldClass)],
  ["an appointment's LOCATION for its participants assigned on the case only, at every level", (c, allowed) => !allowed || c.fieldClass !== "LOCATION" || c.participants === "none" || (c.participants === "actor" && c.assigned)],
  ["no LOCATION where the place's level is unknown", (c, allowed) => !allowed || c.fieldClass !== "LOCATION" || c.place !== null],
  ["nothing at all under a purpose the role may not state", (c, allowed) => !allowed || PURPOSES_BY_ROLE[c.role].includes(c.purpose)],
  ["never the policy's own inputs", (c, allowed) => !allowed || c.fieldClass !== "POLICY"],
  ["case details for an assigned social secretary only", (c, allowed) => !allowed || c.fieldClass !== "CASE_DETAIL" || (c.role === "SOCIAL_SECRETARY" && c.assigned)],
  // Unless the client herself consented to sharing her location with housing (samtycke).
  ["a housing officer never gets a previous address of a protected household or place", (c, allowed) => {
    const level = governing(c);
    // An appointment is where she will be, not an address: the participant row decides it.
    return !allowed || c.role !== "HOUSING_OFFICER" || c.fieldClass !== "LOCATION" || c.participants !== "none" || c.current || c.consent || level === null || level === "NONE";
  }],
];

/** Withdrawing one relation, or making a level stricter, must never allow more. */
const WEAKER: [string, (c: Case) => Case | null][] = [
  ["without the assignment", (c) => (c.assigned ? { ...c, assigned: false } : null)],
  ["without the consent", (c) => (c.consent ? { ...c, consent: false } : null)],
  ["without stewardship", (c) => (c.steward ? { ...c, steward: false } : null)],
  ["outside the own agency", (c) => (c.ownUnit ? { ...c, ownUnit: false } : null)],
  ["without the emergency grant", (c) => (c.emergency ? { ...c, emergency: false } : null)],
  ["for a record that is not current", (c) => (c.current ? { ...c, current: false } : null)],
  ["without taking part in the appointment", (c) => (c.participants === "actor" ? { ...c, participants: "others" } : null)],
  ["at a stricter own level", (c) => (c.own !== null && RANK(c.own) < 3 ? { ...c, own: PROTECTION_LEVELS[RANK(c.own) + 1] as ProtectionLevel } : null)],
  ["at a stricter place level", (c) => (c.place !== undefined && c.place !== null && RANK(c.place) < 3 ? { ...c, place: PROTECTION_LEVELS[RANK(c.place) + 1] as ProtectionLevel } : null)],
  ["with a stricter parent", (c) => (c.parent !== "none" && c.parent !== null && RANK(c.parent) < 3 ? { ...c, parent: PROTECTION_LEVELS[RANK(c.parent) + 1] as ProtectionLevel } : null)],
];

describe("the policy's invariants, over every combination", () => {
  test("each invariant holds, and no weaker position is allowed more", () => {
    const broken = new Map<string, Case[]>();
    const note = (name: string, c: Case) => {
      const list = broken.get(name) ?? [];
      if (list.length < 3) list.push(c);
      broken.set(name, list);
    };
    let cases = 0;
    let allowedCount = 0;
    for (const c of everyCase()) {
      cases++;
      const allowed = decideCase(c).effect === "allow";
      if (allowed) allowedCount++;
      for (const [name, holds] of INVARIANTS) if (!holds(c, allowed)) note(name, c);
      if (allowed) continue;
      // Monotone: if this position is refused, nothing weaker may be allowed.
      for (const [name, weaker] of WEAKER) {
        const w = weaker(c);
        if (w && decideCase(w).effect === "allow") note(`monotone: allowed ${name} though refused with it`, w);
      }
    }
    expect(Object.fromEntries(broken)).toEqual({});
    // The domain is really walked, and the policy is not "deny everything".
    expect(cases).toBeGreaterThan(1_000_000);
    expect(allowedCount).toBeGreaterThan(cases / 20);
  });
});

describe("a former identity's quarantine, over every combination", () => {
  test("to every role but personal security it does not exist, not even by reference; personal security reads it and nothing else; the log about her stays the auditors'", () => {
    const broken: string[] = [];
    let cases = 0;
    for (const c of everyCase()) {
      if (c.place !== undefined || c.participants !== "none" || c.parent !== "none") continue;
      cases++;
      const context = { emergencyGrants: new Set(c.emergency ? ["per_subject"] : []), now: NOW };
      const quarantined = decide(actorOf(c), subjectOf(c, true), c.fieldClass, recordOf(c), context);
      const ordinary = decide(actorOf(c), subjectOf(c, false), c.fieldClass, recordOf(c), context);
      const personalSecurity = c.role === "PERSONAL_SECURITY" && PURPOSES_BY_ROLE[c.role].includes(c.purpose);
      // The audit trail's rows about her stay the auditors' to review, as for anyone.
      const expected = c.fieldClass === "AUDIT" ? ordinary.effect === "allow" : personalSecurity && c.own !== null && c.fieldClass !== "POLICY";
      if ((quarantined.effect === "allow") !== expected && broken.length < 5) broken.push(`quarantined ${JSON.stringify(c)} → ${quarantined.effect}`);
      if (c.role === "PERSONAL_SECURITY" && ordinary.effect === "allow" && broken.length < 5) broken.push(`ordinary ${JSON.stringify(c)} → allow`);
      // A refusal of a former identity's field never says why in a way that tells it apart.
      if (quarantined.effect === "redact" && !personalSecurity && c.fieldClass !== "AUDIT" && quarantined.reason !== "NOT_PERMITTED_FOR_ROLE" && quarantined.reason !== "PURPOSE_NOT_ALLOWED" && quarantined.reason !== "PROTECTION_LEVEL_UNKNOWN" && broken.length < 5) broken.push(`reason ${quarantined.reason}`);
    }
    expect(broken).toEqual([]);
    expect(cases).toBeGreaterThan(10_000);
  });
});
