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
const AGENCY_OF = new Map<Role, Agency>(ROLES.map((role) => [role, (Object.entries(ROLES_BY_AGENCY).find(([, roles]) => roles.includes(role))?.[0] ?? "audit") as Agency]));
const agencyOf = (role: Role) => AGENCY_OF.get(role) as Agency;

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

/**
 * The domain as dimensions, the last varying fastest: case i is decoded from its index, so a
 * case one step weaker (one dimension's value changed) is found by index arithmetic, and the
 * monotonicity check reads its decision from the first walk instead of deciding it again.
 */
const DIMENSIONS = [
  ["role", ROLES],
  ["purpose", PURPOSES],
  ["own", LEVELS],
  ["parent", ["none", ...PROTECTION_LEVELS]],
  ["fieldClass", FIELD_CLASSES],
  ["place", PLACE_LEVELS],
  ["assigned", [false, true]],
  ["consent", [false, true]],
  ["steward", [false, true]],
  ["ownUnit", [false, true]],
  ["emergency", [false, true]],
  ["current", [false, true]],
  ["participants", ["none", "others", "actor"]],
] as const satisfies readonly (readonly [keyof Case, readonly unknown[]])[];
type Dimension = (typeof DIMENSIONS)[number][0];

const DOMAIN_SIZE = DIMENSIONS.reduce((size, [, values]) => size * values.length, 1);
/** For each dimension: how far apart in the index two neighbouring values are, and each value's place. */
const STRIDE = new Map<Dimension, number>();
const PLACE = new Map<Dimension, Map<unknown, number>>();
DIMENSIONS.reduceRight((stride, [name, values]) => {
  STRIDE.set(name, stride);
  PLACE.set(name, new Map(values.map((value, place) => [value, place])));
  return stride * values.length;
}, 1);

function caseAt(index: number): Case {
  const c: Record<string, unknown> = {};
  for (const [name, values] of DIMENSIONS) c[name] = values[Math.floor(index / (STRIDE.get(name) as number)) % values.length];
  return c as unknown as Case;
}

/** The index of `c` (at `index`) with `dimension` set to `value`, which must be one of its values. */
function indexWith(index: number, c: Case, dimension: Dimension, value: unknown): number {
  const places = PLACE.get(dimension) as Map<unknown, number>;
  const from = places.get(c[dimension]);
  const to = places.get(value);
  if (from === undefined || to === undefined) throw new Error(`${String(value)} is not a value of ${dimension}`);
  return index + (to - from) * (STRIDE.get(dimension) as number);
}

/** Visits every case in index order: DIMENSIONS' order, the last varying fastest (checked against caseAt below). */
function forEachCase(visit: (c: Case, index: number) => void): void {
  const flags = [false, true];
  let index = 0;
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
                            visit({ role, purpose, own, parent, fieldClass, place, assigned, consent, steward, ownUnit, emergency, current, participants }, index++);
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

/** Withdrawing one relation, or making a level stricter, must never allow more: the weaker value of one dimension, or null. */
const stricterLevel = (level: unknown) => (typeof level === "string" && level !== "none" && RANK(level as ProtectionLevel) < 3 ? PROTECTION_LEVELS[RANK(level as ProtectionLevel) + 1] : null);
const withdrawn = (flag: unknown) => (flag === true ? false : null);
const WEAKER: [string, Dimension, (value: unknown) => unknown][] = [
  ["without the assignment", "assigned", withdrawn],
  ["without the consent", "consent", withdrawn],
  ["without stewardship", "steward", withdrawn],
  ["outside the own agency", "ownUnit", withdrawn],
  ["without the emergency grant", "emergency", withdrawn],
  ["for a record that is not current", "current", withdrawn],
  ["without taking part in the appointment", "participants", (value) => (value === "actor" ? "others" : null)],
  ["at a stricter own level", "own", stricterLevel],
  ["at a stricter place level", "place", stricterLevel],
  ["with a stricter parent", "parent", stricterLevel],
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
    const allowedAt = new Uint8Array(DOMAIN_SIZE);
    forEachCase((c, index) => {
      cases++;
      const allowed = decideCase(c).effect === "allow";
      allowedAt[index] = allowed ? 1 : 0;
      if (allowed) allowedCount++;
      for (const [name, holds] of INVARIANTS) if (!holds(c, allowed)) note(name, c);
    });
    // Monotone: if a position is refused, nothing weaker may be allowed. Every weaker position is
    // itself in the domain, so its decision is the one the walk above made.
    let weakerChecked = 0;
    forEachCase((c, index) => {
      if (allowedAt[index]) return;
      for (const [name, dimension, weaker] of WEAKER) {
        const value = weaker(c[dimension]);
        if (value === null) continue;
        weakerChecked++;
        const w = indexWith(index, c, dimension, value);
        if (allowedAt[w]) note(`monotone: allowed ${name} though refused with it`, caseAt(w));
      }
    });
    expect(Object.fromEntries(broken)).toEqual({});
    // The domain is really walked, and the policy is not "deny everything".
    expect(cases).toBe(DOMAIN_SIZE);
    expect(DOMAIN_SIZE).toBeGreaterThan(1_000_000);
    expect(allowedCount).toBeGreaterThan(cases / 20);
    expect(weakerChecked).toBeGreaterThan(cases);
  });
});

describe("the domain's index", () => {
  test("decodes every dimension, the walk visits each index's case, and a weaker position's index is that position", () => {
    let checked = 0;
    for (let index = 0; index < DOMAIN_SIZE; index += 7_919) {
      const c = caseAt(index);
      for (const [, dimension, weaker] of WEAKER) {
        const value = weaker(c[dimension]);
        if (value === null) continue;
        expect(caseAt(indexWith(index, c, dimension, value))).toEqual({ ...c, [dimension]: value });
        checked++;
      }
    }
    let visited = 0;
    forEachCase((c, index) => {
      visited++;
      if (index % 7_919 === 0) expect(c).toEqual(caseAt(index));
    });
    expect(visited).toBe(DOMAIN_SIZE);
    expect(caseAt(DOMAIN_SIZE - 1)).toEqual({ ...caseAt(0), ...Object.fromEntries(DIMENSIONS.map(([name, values]) => [name, values[values.length - 1]])) });
    expect(checked).toBeGreaterThan(1_000);
  });
});

describe("a former identity's quarantine, over every combination", () => {
  test("to every role but personal security it does not exist, not even by reference; personal security reads it and nothing else; the log about her stays the auditors'", () => {
    const broken: string[] = [];
    let cases = 0;
    forEachCase((c) => {
      if (c.place !== undefined || c.participants !== "none" || c.parent !== "none") return;
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
    });
    expect(broken).toEqual([]);
    expect(cases).toBeGreaterThan(10_000);
  });
});
