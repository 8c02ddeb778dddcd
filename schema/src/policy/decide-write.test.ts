import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { type Actor, type Purpose, ROLES, type Role, ROLES_BY_AGENCY } from "../actor.js";
import type { ProtectionLevel } from "../protection.js";
import { decide } from "./decide.js";
import { decideWrite, widensAccess } from "./decide-write.js";
import type { SubjectFacts } from "./facts.js";
import type { WriteFacts } from "./write-facts.js";
import { writeMatrixMarkdown } from "./write-matrix.js";
import { OPERATIONS, type Operation, WRITE_RULES } from "./write-rules.js";

const NOW = new Date("2026-11-24T12:00:00Z");
const BEFORE = "2026-11-01T09:00:00.000Z";
const DURING = "2026-11-24T12:00:00.004Z"; // written by the request being decided

const agencyOf = (role: Role) => (Object.entries(ROLES_BY_AGENCY).find(([, roles]) => roles.includes(role))?.[0] ?? "audit") as Actor["agency"];
const PURPOSE: Partial<Record<Role, Purpose>> = { CONTACT_PERSON: "COORDINATED_SUPPORT", AUDITOR: "AUDIT" };
function actor(role: Role, staffId = "xx-0001", purpose?: Purpose): Actor {
  return { staffId, role, agency: agencyOf(role), purpose: purpose ?? PURPOSE[role] ?? "CASE_WORK", issuer: "test", unit: `${agencyOf(role)}/a` };
}

function person(level: ProtectionLevel | null, assigned: { staffId: string; role: Role; since?: string }[] = [], householdLevels: ProtectionLevel[] = []): SubjectFacts {
  return {
    id: "per_subject",
    protectionLevel: level,
    householdLevels,
    assignments: assigned.map((a) => ({ since: BEFORE, ...a })),
    caseUnits: [],
    consents: [],
    custodians: [],
    birthDate: "1990-05-01",
    quarantined: false,
  };
}
const onCase = (staffId: string, role: Role = "SOCIAL_SECRETARY", since = BEFORE) => [{ staffId, role, since }];

// Each row reads: this actor, this operation, these facts → allow (the rule) or the reason.
type Row = [string, Actor, Operation, WriteFacts, string];
const table: Row[] = [
  // openCase
  ["a secretary opens a case for an unprotected person", actor("SOCIAL_SECRETARY", "ss-1"), "openCase", { subject: person("NONE") }, "secretary-opens-case-of-unprotected-person"],
  ["…but not for a protected one she is not assigned to: no side door onto her case", actor("SOCIAL_SECRETARY", "ss-1"), "openCase", { subject: person("PROTECTED_REGISTRATION", onCase("ss-2")) }, "SUBJECT_PROTECTED"],
  ["…nor for a child who lives with a protected parent", actor("SOCIAL_SECRETARY", "ss-1"), "openCase", { subject: person("NONE", [], ["ASSUMED_IDENTITY"]) }, "SUBJECT_PROTECTED"],
  ["…nor for a person whose level is unknown", actor("SOCIAL_SECRETARY", "ss-1"), "openCase", { subject: person(null) }, "SUBJECT_PROTECTED"],
  ["…nor without facts at all", actor("SOCIAL_SECRETARY", "ss-1"), "openCase", {}, "SUBJECT_PROTECTED"],
  ["the secretary on a protected person's case opens a further case for her", actor("SOCIAL_SECRETARY", "ss-1"), "openCase", { subject: person("PROTECTED_REGISTRATION", onCase("ss-1")) }, "secretary-opens-further-case-of-own-client"],
  ["an assignment made in this very request does not count", actor("SOCIAL_SECRETARY", "ss-1"), "openCase", { subject: person("PROTECTED_REGISTRATION", onCase("ss-1", "SOCIAL_SECRETARY", DURING)) }, "SUBJECT_PROTECTED"],
  ["being on the case as contact person does not count for a secretary", actor("SOCIAL_SECRETARY", "ss-1"), "openCase", { subject: person("CONFIDENTIALITY_MARKED", onCase("ss-1", "CONTACT_PERSON")) }, "SUBJECT_PROTECTED"],
  ["a team lead opens a case for a protected person (and is not assigned by it)", actor("TEAM_LEAD", "tl-1"), "openCase", { subject: person("ASSUMED_IDENTITY") }, "team-lead-opens-any-case"],
  ["…but not for an unknown one", actor("TEAM_LEAD", "tl-1"), "openCase", { subject: person(null) }, "SUBJECT_UNKNOWN"],
  ["a contact person opens no case", actor("CONTACT_PERSON", "cp-1"), "openCase", { subject: person("NONE") }, "NOT_PERMITTED_FOR_ROLE"],
  ["a housing officer opens no case", actor("HOUSING_OFFICER"), "openCase", { subject: person("NONE") }, "NOT_PERMITTED_FOR_ROLE"],
  // assignStaff
  ["the owner staffs her case", actor("SOCIAL_SECRETARY", "ss-1"), "assignStaff", { case: { ownerId: "ss-1" }, assignee: { staffId: "cp-1" } }, "owner-staffs-own-case"],
  ["the owner may put herself on her own case", actor("SOCIAL_SECRETARY", "ss-1"), "assignStaff", { case: { ownerId: "ss-1" }, assignee: { staffId: "ss-1" } }, "owner-staffs-own-case"],
  ["a secretary does not assign herself to another's case", actor("SOCIAL_SECRETARY", "ss-2"), "assignStaff", { case: { ownerId: "ss-1" }, assignee: { staffId: "ss-2" } }, "REQUIRES_CASE_OWNER"],
  ["…nor anyone else", actor("SOCIAL_SECRETARY", "ss-2"), "assignStaff", { case: { ownerId: "ss-1" }, assignee: { staffId: "cp-1" } }, "REQUIRES_CASE_OWNER"],
  ["a case with no recorded owner is staffed by no secretary", actor("SOCIAL_SECRETARY", "ss-1"), "assignStaff", { case: { ownerId: null }, assignee: { staffId: "cp-1" } }, "REQUIRES_CASE_OWNER"],
  ["a team lead staffs any case", actor("TEAM_LEAD", "tl-1"), "assignStaff", { case: { ownerId: "ss-1" }, assignee: { staffId: "ss-2" } }, "team-lead-staffs-cases"],
  ["…with someone other than herself", actor("TEAM_LEAD", "tl-1"), "assignStaff", { case: { ownerId: "tl-1" }, assignee: { staffId: "tl-1" } }, "SELF_ASSIGNMENT"],
  ["a contact person assigns no one", actor("CONTACT_PERSON", "cp-1"), "assignStaff", { case: { ownerId: "cp-1" }, assignee: { staffId: "cp-1" } }, "NOT_PERMITTED_FOR_ROLE"],
  // closeCase
  ["the owner closes her case", actor("SOCIAL_SECRETARY", "ss-1"), "closeCase", { case: { ownerId: "ss-1" } }, "owner-closes-own-case"],
  ["another secretary does not", actor("SOCIAL_SECRETARY", "ss-2"), "closeCase", { case: { ownerId: "ss-1" } }, "REQUIRES_CASE_OWNER"],
  ["a team lead closes any case", actor("TEAM_LEAD", "tl-1"), "closeCase", { case: { ownerId: "ss-1" } }, "team-lead-closes-cases"],
  // recordConsent / revokeConsent
  ["the contact person on the case records a consent", actor("CONTACT_PERSON", "cp-1"), "recordConsent", { subject: person("PROTECTED_REGISTRATION", onCase("cp-1", "CONTACT_PERSON")) }, "staff-on-the-case-record-consent"],
  ["a contact person not on the case records nothing", actor("CONTACT_PERSON", "cp-2"), "recordConsent", { subject: person("PROTECTED_REGISTRATION", onCase("cp-1", "CONTACT_PERSON")) }, "REQUIRES_ASSIGNMENT"],
  ["…not even for an unprotected person", actor("CONTACT_PERSON", "cp-2"), "recordConsent", { subject: person("NONE") }, "REQUIRES_ASSIGNMENT"],
  ["the secretary on the case books a meeting", actor("SOCIAL_SECRETARY", "ss-1"), "scheduleAppointment", { subject: person("PROTECTED_REGISTRATION", onCase("ss-1", "SOCIAL_SECRETARY")) }, "staff-on-the-case-schedule-meetings"],
  ["a secretary not on the case books none", actor("SOCIAL_SECRETARY", "ss-2"), "scheduleAppointment", { subject: person("NONE", onCase("ss-1", "SOCIAL_SECRETARY")) }, "REQUIRES_ASSIGNMENT"],
  ["housing books no social-services meeting", actor("HOUSING_OFFICER", "ho-1"), "scheduleAppointment", { subject: person("NONE") }, "NOT_PERMITTED_FOR_ROLE"],
  ["a secretary not on the case records nothing", actor("SOCIAL_SECRETARY", "ss-2"), "recordConsent", { subject: person("NONE", onCase("ss-1")) }, "REQUIRES_ASSIGNMENT"],
  ["the secretary on the case records the revocation", actor("SOCIAL_SECRETARY", "ss-1"), "revokeConsent", { subject: person("CONFIDENTIALITY_MARKED", onCase("ss-1")) }, "staff-on-the-case-record-revocation"],
  ["a contact person not on the case revokes nothing", actor("CONTACT_PERSON", "cp-2"), "revokeConsent", { subject: person("NONE", onCase("cp-1", "CONTACT_PERSON")) }, "REQUIRES_ASSIGNMENT"],
  ["a team lead records no consent", actor("TEAM_LEAD", "tl-1"), "recordConsent", { subject: person("NONE") }, "NOT_PERMITTED_FOR_ROLE"],
  // updateProtectionLevel
  ["the population register lowers a level", actor("POPULATION_REGISTER", "pr-1"), "updateProtectionLevel", { subject: person("ASSUMED_IDENTITY"), newLevel: "NONE" }, "population-register-sets-the-level"],
  ["the population register raises a level", actor("POPULATION_REGISTER", "pr-1"), "updateProtectionLevel", { subject: person("NONE"), newLevel: "PROTECTED_REGISTRATION" }, "population-register-sets-the-level"],
  ["the assigned secretary raises a level", actor("SOCIAL_SECRETARY", "ss-1"), "updateProtectionLevel", { subject: person("CONFIDENTIALITY_MARKED", onCase("ss-1")), newLevel: "PROTECTED_REGISTRATION" }, "staff-on-the-case-raise-the-level"],
  ["the assigned contact person raises a level", actor("CONTACT_PERSON", "cp-1"), "updateProtectionLevel", { subject: person("NONE", onCase("cp-1", "CONTACT_PERSON")), newLevel: "CONFIDENTIALITY_MARKED" }, "staff-on-the-case-raise-the-level"],
  ["the assigned secretary never lowers one", actor("SOCIAL_SECRETARY", "ss-1"), "updateProtectionLevel", { subject: person("PROTECTED_REGISTRATION", onCase("ss-1")), newLevel: "NONE" }, "LEVEL_NOT_RAISED"],
  ["…nor sets the same level again", actor("SOCIAL_SECRETARY", "ss-1"), "updateProtectionLevel", { subject: person("PROTECTED_REGISTRATION", onCase("ss-1")), newLevel: "PROTECTED_REGISTRATION" }, "LEVEL_NOT_RAISED"],
  ["an unassigned secretary lowers nothing", actor("SOCIAL_SECRETARY", "ss-2"), "updateProtectionLevel", { subject: person("PROTECTED_REGISTRATION"), newLevel: "NONE" }, "LEVEL_NOT_RAISED"],
  ["an unassigned secretary raises nothing either", actor("SOCIAL_SECRETARY", "ss-2"), "updateProtectionLevel", { subject: person("NONE"), newLevel: "ASSUMED_IDENTITY" }, "REQUIRES_ASSIGNMENT"],
  ["an unknown current level is never 'raised'", actor("SOCIAL_SECRETARY", "ss-1"), "updateProtectionLevel", { subject: person(null, onCase("ss-1")), newLevel: "ASSUMED_IDENTITY" }, "LEVEL_NOT_RAISED"],
  ["a team lead does not set levels", actor("TEAM_LEAD", "tl-1"), "updateProtectionLevel", { subject: person("NONE"), newLevel: "ASSUMED_IDENTITY" }, "NOT_PERMITTED_FOR_ROLE"],
  // quarantineIdentity (the police's personal-security unit, lag (1991:483))
  ["the personal-security unit quarantines a known person's former identity", actor("PERSONAL_SECURITY", "ps-1"), "quarantineIdentity", { subject: person("PROTECTED_REGISTRATION") }, "personal-security-quarantines-the-former-identity"],
  ["…whatever her level was", actor("PERSONAL_SECURITY", "ps-1"), "quarantineIdentity", { subject: person("NONE") }, "personal-security-quarantines-the-former-identity"],
  ["…not one already quarantined", actor("PERSONAL_SECURITY", "ps-1"), "quarantineIdentity", { subject: { ...person("PROTECTED_REGISTRATION"), quarantined: true } }, "ALREADY_QUARANTINED"],
  ["…not a person whose level is unknown", actor("PERSONAL_SECURITY", "ps-1"), "quarantineIdentity", { subject: person(null) }, "SUBJECT_UNKNOWN"],
  ["…nor without facts at all", actor("PERSONAL_SECURITY", "ps-1"), "quarantineIdentity", {}, "SUBJECT_UNKNOWN"],
  ["the police liaison quarantines no one", actor("POLICE_LIAISON", "pl-1"), "quarantineIdentity", { subject: person("PROTECTED_REGISTRATION") }, "NOT_PERMITTED_FOR_ROLE"],
  ["nor does the population register, which sets levels", actor("POPULATION_REGISTER", "pr-1"), "quarantineIdentity", { subject: person("ASSUMED_IDENTITY") }, "NOT_PERMITTED_FOR_ROLE"],
  ["nor her own secretary, on her case", actor("SOCIAL_SECRETARY", "ss-1"), "quarantineIdentity", { subject: person("ASSUMED_IDENTITY", onCase("ss-1")) }, "NOT_PERMITTED_FOR_ROLE"],
  ["nor a team lead", actor("TEAM_LEAD", "tl-1"), "quarantineIdentity", { subject: person("PROTECTED_REGISTRATION") }, "NOT_PERMITTED_FOR_ROLE"],
  ["the personal-security unit makes no other change", actor("PERSONAL_SECURITY", "ps-1"), "updateProtectionLevel", { subject: person("NONE"), newLevel: "ASSUMED_IDENTITY" }, "NOT_PERMITTED_FOR_ROLE"],
  // the other agencies' writes
  ["housing registers an application for a known person", actor("HOUSING_OFFICER"), "registerApplication", { subject: person("PROTECTED_REGISTRATION") }, "housing-registers-applications"],
  ["…not for an unknown one", actor("HOUSING_OFFICER"), "registerApplication", { subject: person(null) }, "SUBJECT_UNKNOWN"],
  ["police record an incident about a known person", actor("POLICE_LIAISON"), "recordIncident", { subject: person("NONE") }, "police-record-incidents"],
  ["child services opens a child case for a known child", actor("CHILD_SERVICES_OFFICER"), "openChildCase", { subject: person("NONE", [], ["PROTECTED_REGISTRATION"]) }, "child-services-open-child-cases"],
  ["a social secretary opens no child case", actor("SOCIAL_SECRETARY"), "openChildCase", { subject: person("NONE") }, "NOT_PERMITTED_FOR_ROLE"],
  // placeChild
  ["the child case's officer places the child", actor("CHILD_SERVICES_OFFICER", "cs-1"), "placeChild", { childCase: { officerId: "cs-1" }, endsPlacementsOf: [] }, "officer-places-child-in-own-case"],
  ["…and may end her own earlier placement", actor("CHILD_SERVICES_OFFICER", "cs-1"), "placeChild", { childCase: { officerId: "cs-1" }, endsPlacementsOf: ["cs-1"] }, "officer-places-child-in-own-case"],
  ["another officer places nothing in that case", actor("CHILD_SERVICES_OFFICER", "cs-2"), "placeChild", { childCase: { officerId: "cs-1" }, endsPlacementsOf: [] }, "REQUIRES_CHILD_CASE_OFFICER"],
  ["an officer does not end another officer's current placement from a case she just opened", actor("CHILD_SERVICES_OFFICER", "cs-2"), "placeChild", { childCase: { officerId: "cs-2" }, endsPlacementsOf: ["cs-1"] }, "ENDS_ANOTHER_OFFICERS_PLACEMENT"],
  ["without the list of placements it ends, nothing is placed", actor("CHILD_SERVICES_OFFICER", "cs-1"), "placeChild", { childCase: { officerId: "cs-1" } }, "ENDS_ANOTHER_OFFICERS_PLACEMENT"],
  // the audit trail's operations
  ["auditors read the audit log", actor("AUDITOR"), "readAuditLog", {}, "auditors-review-the-log"],
  ["nobody else does", actor("SOCIAL_SECRETARY"), "readAuditLog", {}, "NOT_PERMITTED_FOR_ROLE"],
  ["police ask for an emergency disclosure", actor("POLICE_LIAISON"), "requestEmergencyAccess", {}, "break-the-glass"],
  ["housing does not", actor("HOUSING_OFFICER"), "requestEmergencyAccess", {}, "NOT_PERMITTED_FOR_ROLE"],
  ["the on-call duty asks for nothing: it decides", actor("SOCIAL_ON_CALL", "oc-1"), "requestEmergencyAccess", {}, "NOT_PERMITTED_FOR_ROLE"],
  // the holding agency's decision (two people: who asks, and social services' on-call who decides)
  ["social services' on-call grants another's request", actor("SOCIAL_ON_CALL", "oc-1"), "grantEmergencyDisclosure", { emergency: { requesterId: "pl-1", deciderId: null } }, "holding-agency-discloses-in-an-emergency"],
  ["…never its own, whatever role the request was made in", actor("SOCIAL_ON_CALL", "pl-1"), "grantEmergencyDisclosure", { emergency: { requesterId: "pl-1", deciderId: null } }, "OWN_EMERGENCY_REQUEST"],
  ["…nor without knowing who asked", actor("SOCIAL_ON_CALL", "oc-1"), "grantEmergencyDisclosure", {}, "OWN_EMERGENCY_REQUEST"],
  ["social services' on-call refuses another's request", actor("SOCIAL_ON_CALL", "oc-1"), "refuseEmergencyDisclosure", { emergency: { requesterId: "pl-1", deciderId: null } }, "holding-agency-refuses-disclosure"],
  ["…and does not decide its own by refusing either", actor("SOCIAL_ON_CALL", "pl-1"), "refuseEmergencyDisclosure", { emergency: { requesterId: "pl-1", deciderId: null } }, "OWN_EMERGENCY_REQUEST"],
  ["the requester grants nothing", actor("POLICE_LIAISON", "pl-1", "EMERGENCY"), "grantEmergencyDisclosure", { emergency: { requesterId: "pl-1", deciderId: null } }, "NOT_PERMITTED_FOR_ROLE"],
  ["nor does a social secretary: the on-call duty decides", actor("SOCIAL_SECRETARY", "ss-1"), "grantEmergencyDisclosure", { emergency: { requesterId: "pl-1", deciderId: null } }, "NOT_PERMITTED_FOR_ROLE"],
  ["nor a housing officer", actor("HOUSING_OFFICER", "ho-1"), "grantEmergencyDisclosure", { emergency: { requesterId: "pl-1", deciderId: null } }, "NOT_PERMITTED_FOR_ROLE"],
  ["nor an auditor", actor("AUDITOR", "au-1"), "refuseEmergencyDisclosure", { emergency: { requesterId: "pl-1", deciderId: null } }, "NOT_PERMITTED_FOR_ROLE"],
  // the review afterwards: someone other than both
  ["auditors review emergencies", actor("AUDITOR", "au-1"), "reviewEmergencyAccess", { emergency: { requesterId: "pl-1", deciderId: "oc-1" } }, "auditors-review-emergencies"],
  ["…not one they asked for (an auditor's token under the requester's id)", actor("AUDITOR", "pl-1"), "reviewEmergencyAccess", { emergency: { requesterId: "pl-1", deciderId: "oc-1" } }, "OWN_EMERGENCY_REQUEST"],
  ["…not one they granted", actor("AUDITOR", "oc-1"), "reviewEmergencyAccess", { emergency: { requesterId: "pl-1", deciderId: "oc-1" } }, "OWN_EMERGENCY_DISCLOSURE"],
  ["…nor one they know nothing of", actor("AUDITOR", "au-1"), "reviewEmergencyAccess", {}, "OWN_EMERGENCY_REQUEST"],
  ["the on-call duty reviews nothing", actor("SOCIAL_ON_CALL", "oc-2"), "reviewEmergencyAccess", { emergency: { requesterId: "pl-1", deciderId: "oc-1" } }, "NOT_PERMITTED_FOR_ROLE"],
  ["the on-call duty reads no audit log", actor("SOCIAL_ON_CALL", "oc-1"), "readAuditLog", {}, "NOT_PERMITTED_FOR_ROLE"],
  ["the register client reads no audit log", actor("POPULATION_REGISTER"), "readAuditLog", {}, "NOT_PERMITTED_FOR_ROLE"],
  ["a purpose the role may not state refuses every write", actor("SOCIAL_SECRETARY", "ss-1", "AUDIT"), "openCase", { subject: person("NONE") }, "PURPOSE_NOT_ALLOWED"],
];

describe("decideWrite()", () => {
  test.each(table)("%s", (_, who, operation, facts, expected) => {
    const decision = decideWrite(who, operation, facts, { now: NOW });
    expect(decision.effect === "allow" ? decision.rule : decision.reason).toBe(expected);
  });

  test("every rule of the table is exercised by a row above", () => {
    const decided = new Set(table.map(([, who, operation, facts]) => decideWrite(who, operation, facts, { now: NOW }).rule));
    expect(WRITE_RULES.map((rule) => rule.name).filter((name) => !decided.has(name))).toEqual([]);
  });

  test("deny by default: a role with no row for an operation is refused whatever the facts", () => {
    const everything: WriteFacts = {
      subject: person("NONE", ROLES.map((role) => ({ staffId: "xx-0001", role }))),
      case: { ownerId: "xx-0001" },
      assignee: { staffId: "other" },
      newLevel: "ASSUMED_IDENTITY",
      childCase: { officerId: "xx-0001" },
      endsPlacementsOf: [],
      emergency: { requesterId: "other", deciderId: "another" },
    };
    for (const role of ROLES) {
      for (const operation of OPERATIONS) {
        const hasRow = WRITE_RULES.some((rule) => rule.operation === operation && rule.roles.includes(role));
        const decision = decideWrite(actor(role), operation, everything, { now: NOW });
        expect([role, operation, decision.effect]).toEqual([role, operation, hasRow ? "allow" : "deny"]);
      }
    }
  });

  test("every allowed way onto a case, a consent or an emergency disclosure is flagged as widening access; asking for one is not", () => {
    expect(OPERATIONS.filter(widensAccess)).toEqual(["openCase", "assignStaff", "recordConsent", "scheduleAppointment", "grantEmergencyDisclosure"]);
    const opened = decideWrite(actor("SOCIAL_SECRETARY", "ss-1"), "openCase", { subject: person("NONE") }, { now: NOW });
    expect(opened).toMatchObject({ effect: "allow", widensAccess: true });
  });

  test("only the population register ever lowers a level, and it reads no protected class", () => {
    for (const role of ROLES) {
      const subject = person("ASSUMED_IDENTITY", ROLES.map((r) => ({ staffId: "xx-0001", role: r })));
      const lowered = decideWrite(actor(role), "updateProtectionLevel", { subject, newLevel: "NONE" }, { now: NOW });
      expect([role, lowered.effect]).toEqual([role, role === "POPULATION_REGISTER" ? "allow" : "deny"]);
    }
    const register = actor("POPULATION_REGISTER", "pr-1");
    for (const fieldClass of ["IDENTITY", "LOCATION", "CASE_DETAIL", "SAFETY", "CHILD", "HOUSING", "STATUS", "AUDIT"] as const) {
      const decision = decide(register, person("NONE"), fieldClass, { stewardId: "pr-1", ownerAgency: "population-register" }, { emergencyGrants: new Set(), now: NOW });
      expect([fieldClass, decision.effect]).toEqual([fieldClass, "redact"]);
    }
  });

  test("social services' on-call decides disclosures but reads no person data itself, at any level, on any relation", () => {
    const onCall = actor("SOCIAL_ON_CALL", "oc-1", "EMERGENCY");
    for (const level of ["NONE", "CONFIDENTIALITY_MARKED", "PROTECTED_REGISTRATION", "ASSUMED_IDENTITY"] as const) {
      const subject = person(level, [{ staffId: "oc-1", role: "SOCIAL_ON_CALL" }]);
      for (const fieldClass of ["PROTECTION", "IDENTITY", "LOCATION", "STATUS", "CASE_DETAIL", "HOUSING", "SAFETY", "CHILD", "POLICY"] as const) {
        const record = { stewardId: "oc-1", ownerAgency: "social-services" as const, current: true };
        const decision = decide(onCall, subject, fieldClass, record, { emergencyGrants: new Set(["per_subject"]), now: NOW });
        expect([level, fieldClass, decision.effect]).toEqual([level, fieldClass, "redact"]);
      }
    }
  });

  test("the README's write table is the policy's own output", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(writeMatrixMarkdown());
  });
});

describe("a change's own response obeys the rules as they stood before it", () => {
  const read = (who: Actor, subject: SubjectFacts, fieldClass: "LOCATION") =>
    decide(who, subject, fieldClass, { stewardId: null, ownerAgency: "social-services" }, { emergencyGrants: new Set(), now: NOW });
  const consent = (recordedAt: string): SubjectFacts["consents"][0] => ({
    recipientAgency: "social-services",
    recipientUnit: "social-services/a",
    purpose: "COORDINATED_SUPPORT",
    scope: ["LOCATION"],
    validFrom: "2026-01-01T00:00:00Z",
    validTo: "2027-01-01T00:00:00Z",
    revokedAt: null,
    recordedAt,
    givenBy: "per_subject",
    form: "WRITTEN",
  });

  test("an assignment that began before the request opens the address; one made during it does not", () => {
    const secretary = actor("SOCIAL_SECRETARY", "ss-1");
    expect(read(secretary, person("PROTECTED_REGISTRATION", onCase("ss-1")), "LOCATION").effect).toBe("allow");
    expect(read(secretary, person("PROTECTED_REGISTRATION", onCase("ss-1", "SOCIAL_SECRETARY", DURING)), "LOCATION")).toMatchObject({ reason: "REQUIRES_ASSIGNMENT" });
    expect(read(secretary, person("PROTECTED_REGISTRATION", onCase("ss-1", "SOCIAL_SECRETARY", NOW.toISOString())), "LOCATION")).toMatchObject({ reason: "REQUIRES_ASSIGNMENT" });
  });

  test("a consent recorded during the request does not open the address in its response", () => {
    const contact = actor("CONTACT_PERSON", "cp-1");
    const marked = (recordedAt: string) => ({ ...person("CONFIDENTIALITY_MARKED", onCase("cp-1", "CONTACT_PERSON")), consents: [consent(recordedAt)] });
    expect(read(contact, marked(BEFORE), "LOCATION").effect).toBe("allow");
    expect(read(contact, marked(DURING), "LOCATION")).toMatchObject({ reason: "REQUIRES_CONSENT" });
  });

  test("a time that cannot be read counts as not yet begun", () => {
    const secretary = actor("SOCIAL_SECRETARY", "ss-1");
    expect(read(secretary, person("PROTECTED_REGISTRATION", onCase("ss-1", "SOCIAL_SECRETARY", "garbage")), "LOCATION").effect).toBe("redact");
  });
});
