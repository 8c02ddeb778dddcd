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
    PERSONAL_SECURITY: "CASE_WORK",
  };
  return { staffId, role, agency: agencyOf(role), purpose: purpose ?? defaults[role], issuer: "test", unit: `${agencyOf(role)}/a` };
}
const inUnit = (who: Actor, unit: string): Actor => ({ ...who, unit });

type Assignment = Omit<SubjectFacts["assignments"][0], "since"> & { since?: string };
/** Assignments without a `since` began long before the decision. */
function subject(level: ProtectionLevel | null, extra: Omit<Partial<SubjectFacts>, "assignments"> & { assignments?: Assignment[] } = {}): SubjectFacts {
  const assignments = (extra.assignments ?? []).map((a) => ({ since: "2026-01-01T00:00:00Z", ...a }));
  return {
    id: "per_subject",
    protectionLevel: level,
    householdLevels: [],
    caseUnits: [],
    consents: [],
    custodians: [],
    birthDate: "1990-05-01",
    quarantined: false,
    ...extra,
    assignments,
  };
}

const consent = (agency: Actor["agency"], scope: FieldClass[], over: Partial<SubjectFacts["consents"][0]> = {}): SubjectFacts["consents"][0] => ({
  recipientAgency: agency,
  recipientUnit: `${agency}/a`,
  givenBy: "per_subject",
  form: "WRITTEN",
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
const previous: RecordFacts = { stewardId: null, ownerAgency: "housing", ownerUnit: "housing/b", current: false };
/** A current record held by this unit of the agency. */
const held = (agency: Actor["agency"], unit = `${agency}/a`, over: Partial<RecordFacts> = {}): RecordFacts => ({ stewardId: null, ownerAgency: agency, ownerUnit: unit, current: true, ...over });
/** An upcoming appointment of social services with these staff taking part. */
const appointment = (participants: string[]): RecordFacts => ({ stewardId: null, ownerAgency: "social-services", current: true, participants });
const ctx = { emergencyGrants: new Set<string>(), now: NOW };

// Each row reads: this actor, this subject, this class, this record → allow or the reason.
type Row = [string, Actor, SubjectFacts, FieldClass, RecordFacts, string, Set<string>?];
const table: Row[] = [
  ["anyone handling persons sees references, even of an unknown person", actor("AUDITOR"), subject(null), "REFERENCE", none, "allow"],
  ["an unknown protection level withholds everything else", actor("SOCIAL_SECRETARY"), subject(null), "IDENTITY", none, "PROTECTION_LEVEL_UNKNOWN"],
  ["an assigned social secretary sees a protected address", actor("SOCIAL_SECRETARY", "ss-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "LOCATION", none, "allow"],
  ["an unassigned social secretary does not", actor("SOCIAL_SECRETARY", "ss-2"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "LOCATION", none, "REQUIRES_ASSIGNMENT"],
  ["assignment in another role does not count", actor("SOCIAL_SECRETARY", "ss-1"), subject("CONFIDENTIALITY_MARKED", { assignments: [{ staffId: "ss-1", role: "CONTACT_PERSON" }] }), "CASE_DETAIL", none, "REQUIRES_ASSIGNMENT"],
  ["case details are for the assigned social secretary only, even unprotected", actor("HOUSING_OFFICER"), subject("NONE"), "CASE_DETAIL", none, "NOT_PERMITTED_FOR_ROLE"],
  // OSL 26 kap. 1 §: no class is open because the level is NONE.
  ["an unprotected client's address is still secret: no need, no address", actor("HOUSING_OFFICER", "ho-1"), subject("NONE"), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…her consent to the officer's unit opens it", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("NONE", { consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "allow"],
  ["…a consent to another unit of the agency does not", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("NONE", { consents: [consent("housing", ["LOCATION"], { recipientUnit: "housing/b" })] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…nor does it reach an officer who states no unit", { ...actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), unit: undefined }, subject("NONE", { consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…and the steward of her current tenancy needs it at every level", actor("HOUSING_OFFICER", "ho-1"), subject("NONE"), "LOCATION", held("housing", "housing/a", { stewardId: "ho-1" }), "allow"],
  ["a housing officer gets no address of a protected person", actor("HOUSING_OFFICER", "ho-1"), subject("PROTECTED_REGISTRATION"), "LOCATION", none, "REQUIRES_STEWARDSHIP"],
  ["…except the tenancy they administer", actor("HOUSING_OFFICER", "ho-1"), subject("PROTECTED_REGISTRATION"), "LOCATION", held("housing", "housing/a", { stewardId: "ho-1" }), "allow"],
  ["a marked person's location on her consent", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "allow"],
  ["…but not with a revoked consent", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"], { revokedAt: "2026-06-01T00:00:00Z" })] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…nor an expired one", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"], { validTo: "2026-06-01T00:00:00Z" })] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…nor one to another agency", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("police-liaison", ["LOCATION"])] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…nor one for another purpose", actor("HOUSING_OFFICER", "ho-1", "CASE_WORK"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["…nor one someone else gave for an adult", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("CONFIDENTIALITY_MARKED", { consents: [consent("housing", ["LOCATION"], { givenBy: "per_other" })] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["consent alone never opens a protected registration's location", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("PROTECTED_REGISTRATION", { consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "REQUIRES_STEWARDSHIP"],
  ["an assigned contact person sees location where consent grants it", actor("CONTACT_PERSON", "cp-1"), subject("ASSUMED_IDENTITY", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }], consents: [consent("social-services", ["LOCATION"])] }), "LOCATION", none, "allow"],
  ["an assigned contact person without that consent does not", actor("CONTACT_PERSON", "cp-1"), subject("ASSUMED_IDENTITY", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "LOCATION", none, "REQUIRES_ASSIGNMENT_AND_CONSENT"],
  ["…not even for an unprotected client", actor("CONTACT_PERSON", "cp-1"), subject("NONE", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "LOCATION", none, "REQUIRES_CONSENT"],
  ["an assigned contact person sees status from every agency", actor("CONTACT_PERSON", "cp-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "STATUS", held("housing", "housing/b"), "allow"],
  // No directory: name, identity number and protection only for those who handle her.
  ["a housing officer who does not handle her sees no name", actor("HOUSING_OFFICER", "ho-1"), subject("NONE"), "IDENTITY", none, "REQUIRES_HANDLING"],
  ["…nor her protection", actor("HOUSING_OFFICER", "ho-1"), subject("PROTECTED_REGISTRATION"), "PROTECTION", none, "REQUIRES_HANDLING"],
  ["…a member of her case's coordinated plan does", actor("HOUSING_OFFICER", "ho-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "ho-1", role: "HOUSING_OFFICER" }] }), "IDENTITY", none, "allow"],
  ["…and the steward of her current tenancy", actor("HOUSING_OFFICER", "ho-1"), subject("PROTECTED_REGISTRATION"), "IDENTITY", held("housing", "housing/b", { stewardId: "ho-1" }), "allow"],
  ["…and her unit, on its own record", actor("POLICE_LIAISON", "pl-1"), subject("PROTECTED_REGISTRATION"), "IDENTITY", held("police-liaison"), "allow"],
  ["…and an officer she consented to share with", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("NONE", { consents: [consent("housing", ["HOUSING"])] }), "IDENTITY", none, "allow"],
  ["a team lead whose unit holds her case knows whom it concerns", actor("TEAM_LEAD", "tl-1"), subject("PROTECTED_REGISTRATION", { caseUnits: ["social-services/a"] }), "PROTECTION", none, "allow"],
  ["…a team lead of another unit does not", inUnit(actor("TEAM_LEAD", "tl-1"), "social-services/b"), subject("PROTECTED_REGISTRATION", { caseUnits: ["social-services/a"] }), "IDENTITY", none, "REQUIRES_HANDLING"],
  ["police see no protected location without an emergency ground", actor("POLICE_LIAISON", "pl-1"), subject("PROTECTED_REGISTRATION"), "LOCATION", held("police-liaison"), "REQUIRES_EMERGENCY_GROUND"],
  ["police see a marked person's location only on her consent", actor("POLICE_LIAISON", "pl-1"), subject("CONFIDENTIALITY_MARKED"), "LOCATION", none, "REQUIRES_CONSENT"],
  ["police with a grant but not stating EMERGENCY do not", actor("POLICE_LIAISON", "pl-1"), subject("PROTECTED_REGISTRATION"), "LOCATION", none, "REQUIRES_EMERGENCY_GROUND", new Set(["per_subject"])],
  ["police with a grant stating EMERGENCY do", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), subject("PROTECTED_REGISTRATION"), "LOCATION", none, "allow", new Set(["per_subject"])],
  ["an emergency opens no previous address", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), subject("PROTECTED_REGISTRATION"), "LOCATION", previous, "REQUIRES_EMERGENCY_GROUND", new Set(["per_subject"])],
  ["…but the safety records it names, current or not", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), subject("PROTECTED_REGISTRATION"), "SAFETY", previous, "allow", new Set(["per_subject"])],
  ["a flat where a protected person lived is protected in an unprotected tenant's record", actor("HOUSING_OFFICER", "ho-2"), subject("NONE"), "LOCATION", { ...previous, stewardId: "ho-2", current: true, placeLevel: "PROTECTED_REGISTRATION" }, "allow"],
  ["…and its previous address withheld from the officer of that record", actor("HOUSING_OFFICER", "ho-2"), subject("NONE"), "LOCATION", { ...previous, stewardId: "ho-2", placeLevel: "PROTECTED_REGISTRATION" }, "REQUIRES_STEWARDSHIP"],
  ["…and a place whose level is unknown withholds its address", actor("HOUSING_OFFICER", "ho-2"), subject("NONE"), "LOCATION", { ...previous, stewardId: "ho-2", current: true, placeLevel: null }, "PROTECTION_LEVEL_UNKNOWN"],
  ["the place's level governs location only", inUnit(actor("HOUSING_OFFICER", "ho-2"), "housing/b"), subject("NONE"), "HOUSING", { ...previous, placeLevel: "ASSUMED_IDENTITY" }, "allow"],
  ["no role reads the policy's own inputs", actor("SOCIAL_SECRETARY", "ss-1"), subject("NONE", { assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "POLICY", none, "NOT_PERMITTED_FOR_ROLE"],
  // Need to know within an agency: the unit's records, not the agency's.
  ["police see their own unit's safety records", actor("POLICE_LIAISON"), subject("ASSUMED_IDENTITY"), "SAFETY", held("police-liaison"), "allow"],
  ["…not another unit's of the same agency", actor("POLICE_LIAISON"), subject("ASSUMED_IDENTITY"), "SAFETY", held("police-liaison", "police-liaison/b"), "REQUIRES_OWN_UNIT"],
  ["…nor any unit's when the record names none", actor("POLICE_LIAISON"), subject("NONE"), "SAFETY", { stewardId: null, ownerAgency: "police-liaison", current: true }, "REQUIRES_OWN_UNIT"],
  ["…nor when the officer states no unit", { ...actor("POLICE_LIAISON"), unit: undefined }, subject("NONE"), "SAFETY", held("police-liaison"), "REQUIRES_OWN_UNIT"],
  ["…nor another agency's record in a unit of the same name", inUnit(actor("POLICE_LIAISON"), "housing/a"), subject("NONE"), "HOUSING", held("housing"), "REQUIRES_OWN_UNIT"],
  // Households: location follows the strictest co-resident, in both directions.
  ["a child's school follows the protection of the parent she lives with", actor("CHILD_SERVICES_OFFICER", "cs-2"), subject("NONE", { householdLevels: ["PROTECTED_REGISTRATION"] }), "LOCATION", held("child-services", "child-services/a", { stewardId: "cs-1" }), "REQUIRES_STEWARDSHIP"],
  ["…and the child's own officer sees it", actor("CHILD_SERVICES_OFFICER", "cs-1"), subject("NONE", { householdLevels: ["PROTECTED_REGISTRATION"] }), "LOCATION", held("child-services", "child-services/a", { stewardId: "cs-1" }), "allow"],
  ["a parent's address follows the protection of the child she lives with", actor("HOUSING_OFFICER", "ho-1", "COORDINATED_SUPPORT"), subject("NONE", { householdLevels: ["PROTECTED_REGISTRATION"], consents: [consent("housing", ["LOCATION"])] }), "LOCATION", none, "REQUIRES_STEWARDSHIP"],
  ["the household's protection does not hide the child's own identity from her officer", actor("CHILD_SERVICES_OFFICER"), subject("NONE", { householdLevels: ["PROTECTED_REGISTRATION"] }), "IDENTITY", held("child-services"), "allow"],
  ["auditors never see identities", actor("AUDITOR"), subject("NONE"), "IDENTITY", none, "NOT_PERMITTED_FOR_ROLE"],
  ["auditors never see locations, even unprotected", actor("AUDITOR"), subject("NONE"), "LOCATION", none, "NOT_PERMITTED_FOR_ROLE"],
  ["auditors never see who is protected: no list of the protected for anyone", actor("AUDITOR"), subject("ASSUMED_IDENTITY"), "PROTECTION", none, "NOT_PERMITTED_FOR_ROLE"],
  ["only auditors read the audit trail", actor("SOCIAL_SECRETARY"), subject("NONE"), "AUDIT", none, "NOT_PERMITTED_FOR_ROLE"],
  ["an appointment's participant on the case sees when and where", actor("CONTACT_PERSON", "cp-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "LOCATION", appointment(["cp-1"]), "allow"],
  ["…the case's own secretary, not taking part, does not", actor("SOCIAL_SECRETARY", "ss-1"), subject("PROTECTED_REGISTRATION", { assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "LOCATION", appointment(["cp-1"]), "REQUIRES_PARTICIPATION"],
  ["…nor anyone for an unprotected person", actor("HOUSING_OFFICER", "ho-1"), subject("NONE"), "LOCATION", appointment(["cp-1"]), "REQUIRES_PARTICIPATION"],
  ["…nor an emergency", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), subject("PROTECTED_REGISTRATION"), "LOCATION", appointment(["cp-1"]), "REQUIRES_PARTICIPATION", new Set(["per_subject"])],
  ["…nor a participant no longer assigned on the case", actor("CONTACT_PERSON", "cp-1"), subject("NONE"), "LOCATION", appointment(["cp-1"]), "REQUIRES_PARTICIPATION"],
  ["…while its status follows the ordinary rows", actor("CONTACT_PERSON", "cp-1"), subject("NONE", { assignments: [{ staffId: "cp-1", role: "CONTACT_PERSON" }] }), "STATUS", appointment(["ss-1"]), "allow"],
  ["a purpose the role may not state withholds everything", actor("HOUSING_OFFICER", "ho-1", "AUDIT"), subject("NONE"), "REFERENCE", none, "PURPOSE_NOT_ALLOWED"],
  // A former identity: to everyone but the police's personal-security unit it does not exist.
  ["a former identity's records are not even referenced to her own secretary", actor("SOCIAL_SECRETARY", "ss-1"), subject("PROTECTED_REGISTRATION", { quarantined: true, assignments: [{ staffId: "ss-1", role: "SOCIAL_SECRETARY" }] }), "REFERENCE", none, "NOT_PERMITTED_FOR_ROLE"],
  ["…nor their safety records to the police unit that holds them", actor("POLICE_LIAISON"), subject("NONE", { quarantined: true }), "SAFETY", held("police-liaison"), "NOT_PERMITTED_FOR_ROLE"],
  ["…nor anything to an auditor", actor("AUDITOR"), subject("NONE", { quarantined: true }), "REFERENCE", none, "NOT_PERMITTED_FOR_ROLE"],
  ["…the personal-security unit reads them", actor("PERSONAL_SECURITY", "ps-1"), subject("PROTECTED_REGISTRATION", { quarantined: true }), "LOCATION", previous, "allow"],
  ["…and nothing of anyone else", actor("PERSONAL_SECURITY", "ps-1"), subject("ASSUMED_IDENTITY"), "REFERENCE", none, "NOT_PERMITTED_FOR_ROLE"],
];

describe("decide()", () => {
  // Rest parameters: Jest would take a seventh named parameter of a six-item row for `done`.
  test.each(table)("%s", (...row: Row) => {
    const [, who, about, fieldClass, record, expected, grants] = row;
    const decision = decide(who, about, fieldClass, record, { ...ctx, emergencyGrants: grants ?? ctx.emergencyGrants });
    expect(decision.effect === "allow" ? "allow" : decision.reason).toBe(expected);
  });
});
