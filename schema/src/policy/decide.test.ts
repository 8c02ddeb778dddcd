import { describe, expect, test } from "@jest/globals";
import type { Actor, Purpose, Role } from "../actor.js";
import { ROLES_BY_AGENCY } from "../actor.js";
import type { FieldClass } from "../classification.js";
import type { ProtectionLevel } from "../protection.js";
import { decide } from "./decide.js";
import type { RecordFacts, SubjectFacts } from "./facts.js";

const NOW = new Date("2026-11-24T12:00:00Z");
const agencyOf = (role: Role) =>
  (Object.entries(ROLES_BY_AGENCY).find(([, roles]) => roles.includes(role))?.[0] ?? "audit") as Actor["agency"];

function actor(role: Role, staffId = "xx-0001", purpose?: Purpose): Actor {
  const defaults: Record<Role, Purpose> = {
    SOCIAL_SECRETARY: "CASE_WORK",
    CONTACT_PERSON: "COORDINATED_SUPPORT",
    HOUSING_OFFICER: "CASE_WORK",
    POLICE_LIAISON: "CASE_WORK",
    CHILD_SERVICES_OFFICER: "CASE_WORK",
    AUDITOR: "AUDIT",
    TEAM_LEAD: "CASE_WORK",
    POPULATION_REGISTER: "CASE_WORK",
  };
  return { staffId, role, agency: agencyOf(role), purpose: purpose ?? defaults[role], issuer: "test" };
}

type Assignment = Omit<SubjectFacts["assignments"][0], "since"> & { since?: string };
/** Assignments without a `since` began long before the decision. */
function subject(level: ProtectionLevel | null, extra: Omit<Partial<SubjectFacts>, "assignments"> & { assignments?: Assignment[] } = {}): SubjectFacts {
  const assignments = (extra.assignments ?? []).map((a) => ({ since: "2026-01-01T00:00:00Z", ...a }));
  return { id: "per_subject", protectionLevel: level, parentLevels: [], consents: [], ...extra, assignments };
}

const consent = (agency: Actor["agency"], scope: FieldClass[], over: Partial<SubjectFacts["consents"][0]> = {}) => ({
  recipientAgency: agency,
  purpose: "COORDINATED_SUPPORT" as Purpose,
  scope,
  validFrom: "2026-01-01T00:00:00Z",
  validTo: "2027-01-01T00:00:00Z",
  revokedAt: null,
  recordedAt: "2026-01-01T00:00:00Z",
  ...over,
});

// The person's own record: current, naming no place.
const none: RecordFacts = { stewardId: null, ownerAgency: null, current: true };
const previous: RecordFacts = { stewardId: null, ownerAgency: "housing", current: false };
/** An upcoming appointment of social services with these staff taking part. */
const appointment = (participants: string[]): RecordFacts => ({ stewardId: null, ownerAgency: "social-services", current: true, participants });
const ctx = { emergencyGrants: new Set<string>(), now: NOW };

// Each row reads: this actor, this subject, this class, this record → allow or the reason.
type Row = [string, Actor, SubjectFacts, FieldClass, RecordFacts, string, Set<string>?];
const table: Row[] = [
  ["anyone sees references, even of an unknown person", actor("AUDITOR"), subject(null), "REFERENCE", none, "allow"],
  ["an unknown protection level withholds everything else", actor("SOCIAL_SECRETARY"), subject(null), "IDENTITY", none, "PROTECTION_LEVEL_UNKNOWN"],
  ["an assigned social secretary sees a protected address", actor("SOCIAL_SECRETARY", "ss-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "LOCATION", none, "allow"],
  ["an unassigned social secretary does not", actor("SOCIAL_SECRETARY", "ss-2"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "LOCATION", none, "REQUIRES_ASSIGNMENT"],
  ["assignment in another role does not count", actor("SOCIAL_SECRETARY", "ss-1"), subject("CONFIDENTIALITY_MARKED", { assignments: [{ staffId: "ss-1", role: "CONTACT_PERSON" }] }), "CASE_DETAIL", none, "REQUIRES_ASSIGNMENT"],
  ["case details are for the assigned social secretary only, even unprotected", actor("HOUSING_OFFICER"), subject("NONE"), "CASE_DETAIL", none, "NOT_PERMITTED_FOR_ROLE"],
  ["an ordinary person's address is ordinary data", actor("HOUSING_OFFICER"), subject("NONE"), "LOCATION", none, "allow"],
  ["a housing officer gets no address of a protected person", actor("HOUSING_OFFICER", "ho-1"), subject("PROTECTED_REGISTRATION"), "LOCATION", none, "REQUIRES_STEWARDSHIP"],
  ["…except the tenancy they administer", actor("HOUSING_OFFICER", "ho-1"), subject("PROTECTED_REGISTRATION"), "LOCATION", { stewardId: "ho-1", ownerAgency: "housing", current: true }, "allow"],
  ["a marked person's location on her consent", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "allow"],
  ["…but not with a revoked consent", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"], { revokedAt: "2026-06-01T00:00:00Z" })] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…nor an expired one", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"], { validTo: "2026-06-01T00:00:00Z" })] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…nor one to another agency", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("police-liaison", ["LOCATION"])] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…nor one for another purpose", actor("HOUSING_OFFICER", "ho-1", "CASE_WORK"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["consent alone never opens a protected registration's location", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("PROTECTED_REGISTRATION", { consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "REQUIRES_STEWARDSHIP"],
  ["an assigned contact person sees location where consent grants it", actor("CONTACT_PERSON", "cp-1"), subject("ASSUMED_IDENTITY", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }], consents: [consent("social-services", ["LOCATION"])] }), "LOCATION", none, "allow"],
  ["an assigned contact person without that consent does not", actor("CONTACT_PERSON", "cp-1"), subject("ASSUMED_IDENTITY", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "LOCATION", none, "REQUIRES_ASSIGNMENT_AND_CONSENT"],
  ["an assigned contact person sees status from every agency", actor("CONTACT_PERSON", "cp-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "STATUS", { stewardId: null, ownerAgency: "housing", current: true }, "allow"],
  ["police see no protected location without an emergency ground", actor("POLICE_LIAISON", "pl-1"), subject("PROTECTED_REGISTRATION"), "LOCATION", { stewardId: null, ownerAgency: "police-liaison", current: true }, "REQUIRES_EMERGENCY_GROUND"],
  ["police see a marked person's location only on her consent", actor("POLICE_LIAISON", "pl-1"), subject("CONFIDENTIALITY_MARKED"), "LOCATION", none, "REQUIRES_CONSENT"],
  ["police with a grant but not stating EMERGENCY do not", actor("POLICE_LIAISON", "pl-1"), subject("PROTECTED_REGISTRATION"), "LOCATION", none, "REQUIRES_EMERGENCY_GROUND", new Set(["per_subject"])],
  ["police with a grant stating EMERGENCY do", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), subject("PROTECTED_REGISTRATION"), "LOCATION", none, "allow", new Set(["per_subject"])],
  ["an emergency opens no previous address", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), subject("PROTECTED_REGISTRATION"), "LOCATION", previous, "REQUIRES_EMERGENCY_GROUND", new Set(["per_subject"])],
  ["…but the safety records it names, current or not", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), subject("PROTECTED_REGISTRATION"), "SAFETY", previous, "allow", new Set(["per_subject"])],
  ["a flat where a protected person lived is protected in an unprotected tenant's record", actor("HOUSING_OFFICER", "ho-2"), subject("NONE"), "LOCATION", { ...previous, placeLevel: "PROTECTED_REGISTRATION" }, "REQUIRES_STEWARDSHIP"],
  ["…and a place whose level is unknown withholds its address", actor("HOUSING_OFFICER", "ho-2"), subject("NONE"), "LOCATION", { ...previous, placeLevel: null }, "PROTECTION_LEVEL_UNKNOWN"],
  ["…while an unprotected place of an unprotected tenant stays ordinary", actor("HOUSING_OFFICER", "ho-2"), subject("NONE"), "LOCATION", { ...previous, placeLevel: "NONE" }, "allow"],
  ["the place's level governs location only", actor("HOUSING_OFFICER", "ho-2"), subject("NONE"), "HOUSING", { ...previous, placeLevel: "ASSUMED_IDENTITY" }, "allow"],
  ["no role reads the policy's own inputs", actor("SOCIAL_SECRETARY", "ss-1"), subject("NONE", { assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "POLICY", none, "NOT_PERMITTED_FOR_ROLE"],
  ["police see their own safety records", actor("POLICE_LIAISON"), subject("ASSUMED_IDENTITY"), "SAFETY", { stewardId: null, ownerAgency: "police-liaison", current: true }, "allow"],
  ["a child's school follows the parent's protection", actor("CHILD_SERVICES_OFFICER", "cs-2"), subject("NONE", { parentLevels: ["PROTECTED_REGISTRATION"] }), "LOCATION", { stewardId: "cs-1", ownerAgency: "child-services", current: true }, "REQUIRES_STEWARDSHIP"],
  ["…and the child's own officer sees it", actor("CHILD_SERVICES_OFFICER", "cs-1"), subject("NONE", { parentLevels: ["PROTECTED_REGISTRATION"] }), "LOCATION", { stewardId: "cs-1", ownerAgency: "child-services", current: true }, "allow"],
  ["the parent's protection does not hide the child's own identity", actor("CHILD_SERVICES_OFFICER"), subject("NONE", { parentLevels: ["PROTECTED_REGISTRATION"] }), "IDENTITY", none, "allow"],
  ["auditors never see identities", actor("AUDITOR"), subject("NONE"), "IDENTITY", none, "NOT_PERMITTED_FOR_ROLE"],
  ["auditors never see locations, even unprotected", actor("AUDITOR"), subject("NONE"), "LOCATION", none, "NOT_PERMITTED_FOR_ROLE"],
  ["auditors see that a person is protected", actor("AUDITOR"), subject("ASSUMED_IDENTITY"), "PROTECTION", none, "allow"],
  ["only auditors read the audit trail", actor("SOCIAL_SECRETARY"), subject("NONE"), "AUDIT", none, "NOT_PERMITTED_FOR_ROLE"],
  ["an appointment's participant on the case sees when and where", actor("CONTACT_PERSON", "cp-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "LOCATION", appointment(["cp-1"]), "allow"],
  ["…the case's own secretary, not taking part, does not", actor("SOCIAL_SECRETARY", "ss-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "LOCATION", appointment(["cp-1"]), "REQUIRES_PARTICIPATION"],
  ["…nor anyone for an unprotected person", actor("HOUSING_OFFICER", "ho-1"), subject("NONE"), "LOCATION", appointment(["cp-1"]), "REQUIRES_PARTICIPATION"],
  ["…nor an emergency", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), subject("PROTECTED_REGISTRATION"), "LOCATION", appointment(["cp-1"]), "REQUIRES_PARTICIPATION", new Set(["per_subject"])],
  ["…nor a participant no longer assigned on the case", actor("CONTACT_PERSON", "cp-1"), subject("NONE"), "LOCATION", appointment(["cp-1"]), "REQUIRES_PARTICIPATION"],
  ["…while its status follows the ordinary rows", actor("CONTACT_PERSON", "cp-1"), subject("NONE", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "STATUS", appointment(["ss-1"]), "allow"],
  ["a purpose the role may not state withholds everything", actor("HOUSING_OFFICER", "ho-1", "AUDIT"), subject("NONE"), "REFERENCE", none, "PURPOSE_NOT_ALLOWED"],
];

describe("decide()", () => {
  // Rest parameters: Jest would take a seventh named parameter of a six-item row for `done`.
  test.each(table)("%s", (...row: Row) => {
    const [, who, about, fieldClass, record, expected, grants] = row;
    const decision = decide(who, about, fieldClass, record, { ...ctx, emergencyGrants: grants ?? ctx.emergencyGrants });
    expect(decision.effect === "allow" ? "allow" : decision.reason).toBe(expected);
  });
});
