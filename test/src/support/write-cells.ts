import type { Operation, ProtectionLevel, Role, WriteFacts } from "@skyddsnat/schema";
import { childFacts, DESK, householdFacts, type WriteHousehold } from "./write-fixtures.js";

/**
 * The write half of the access matrix: each mutation under each relationship that decides it,
 * tried by every role. `expected` is written by hand from the rules and DOMAIN.md —
 * independently of write-rules.ts, so a wrong row shows up as a disagreement.
 */
export interface WriteCell {
  operation: Operation;
  relation: string;
  /** The level of the household the cell is tried on. */
  level: ProtectionLevel;
  /** Roles that may make this change in this relationship (by hand). */
  expected: readonly Role[];
  /** Who acts for a role, when the relationship names someone (default: a stranger of that role). */
  actor?: Partial<Record<Role, string>>;
  mutation: (h: WriteHousehold, actorId: string) => string;
  facts: (h: WriteHousehold, actorId: string) => WriteFacts;
}

/** A member of each role with no part in any write household. */
export const STRANGER: Record<Role, string> = {
  SOCIAL_SECRETARY: DESK.stranger,
  CONTACT_PERSON: DESK.otherContact,
  HOUSING_OFFICER: "ho-3903",
  POLICE_LIAISON: "pl-4903",
  CHILD_SERVICES_OFFICER: "cs-5903",
  AUDITOR: "au-6903",
  TEAM_LEAD: DESK.teamLead,
  PERSONAL_SECURITY: "ps-9903",
  POPULATION_REGISTER: DESK.register,
  SOCIAL_ON_CALL: "oc-9903",
};

const ON_CASE = { SOCIAL_SECRETARY: DESK.owner, CONTACT_PERSON: DESK.contactPerson } as const;
const day = 86_400_000;
const subject = (h: WriteHousehold) => ({ subject: householdFacts(h) });

const openCase = (h: WriteHousehold) =>
  `mutation { openCase(input: { subjectId: "${h.personId}", type: SHELTER_FOLLOW_UP, assessment: "Uppföljning efter skyddat boende." }) { id } }`;
const assign = (h: WriteHousehold, staffId: string) => `mutation { assignStaff(input: { caseId: "${h.caseId}", staffId: "${staffId}", role: CONTACT_PERSON }) { id } }`;
const consent = (h: WriteHousehold) =>
  `mutation { recordConsent(input: { subjectId: "${h.personId}", recipientAgency: social_services, recipientUnit: "social-services/malmo-vald", givenBy: "${h.personId}", form: WRITTEN, purpose: COORDINATED_SUPPORT, scope: [LOCATION], validFrom: "${new Date(Date.now() - day).toISOString()}", validTo: "${new Date(Date.now() + 30 * day).toISOString()}" }) { id } }`;
const level = (h: WriteHousehold, to: ProtectionLevel) => `mutation { updateProtectionLevel(input: { subjectId: "${h.personId}", protectionLevel: ${to} }) { id } }`;
/** A meeting at the agency's office with both staff of the case taking part (no place is forbidden there). */
const meeting = (h: WriteHousehold) =>
  `mutation { scheduleAppointment(input: { caseId: "${h.caseId}", startsAt: "${new Date(Date.now() + 3 * day).toISOString()}", endsAt: "${new Date(Date.now() + 3 * day + 3_600_000).toISOString()}", place: "Socialkontoret, rum 2", placeKind: OFFICE_OF_AGENCY, participants: ["${DESK.owner}", "${DESK.contactPerson}"] }) { id } }`;
const place = (childCaseId: string) =>
  `mutation { placeChild(input: { childCaseId: "${childCaseId}", kind: SCHOOL, schoolName: "Nya skolan", municipality: "Sandviken", startsOn: "${new Date(Date.now() + 10 * day).toISOString().slice(0, 10)}T00:00:00Z" }) { id } }`;

export const WRITE_CELLS: WriteCell[] = [
  { operation: "openCase", relation: "an unprotected person", level: "NONE", expected: ["SOCIAL_SECRETARY", "TEAM_LEAD"], mutation: openCase, facts: subject },
  { operation: "openCase", relation: "a protected person, not on her case", level: "PROTECTED_REGISTRATION", expected: ["TEAM_LEAD"], mutation: openCase, facts: subject },
  { operation: "openCase", relation: "a protected person, on her case", level: "PROTECTED_REGISTRATION", expected: ["SOCIAL_SECRETARY", "TEAM_LEAD"], actor: ON_CASE, mutation: openCase, facts: subject },
  { operation: "closeCase", relation: "the case's owner", level: "CONFIDENTIALITY_MARKED", expected: ["SOCIAL_SECRETARY", "TEAM_LEAD"], actor: ON_CASE, mutation: (h) => `mutation { closeCase(id: "${h.caseId}") { id } }`, facts: () => ({ case: { ownerId: DESK.owner } }) },
  { operation: "closeCase", relation: "not the case's owner", level: "CONFIDENTIALITY_MARKED", expected: ["TEAM_LEAD"], mutation: (h) => `mutation { closeCase(id: "${h.caseId}") { id } }`, facts: () => ({ case: { ownerId: DESK.owner } }) },
  { operation: "assignStaff", relation: "the owner assigns someone else", level: "PROTECTED_REGISTRATION", expected: ["SOCIAL_SECRETARY", "TEAM_LEAD"], actor: ON_CASE, mutation: (h) => assign(h, "cp-2903"), facts: () => ({ case: { ownerId: DESK.owner }, assignee: { staffId: "cp-2903" } }) },
  { operation: "assignStaff", relation: "the owner assigns herself", level: "PROTECTED_REGISTRATION", expected: ["SOCIAL_SECRETARY"], actor: ON_CASE, mutation: (h, me) => assign(h, me), facts: (_, me) => ({ case: { ownerId: DESK.owner }, assignee: { staffId: me } }) },
  { operation: "assignStaff", relation: "not the owner, assigns herself", level: "PROTECTED_REGISTRATION", expected: [], mutation: (h, me) => assign(h, me), facts: (_, me) => ({ case: { ownerId: DESK.owner }, assignee: { staffId: me } }) },
  { operation: "assignStaff", relation: "not the owner, assigns someone else", level: "PROTECTED_REGISTRATION", expected: ["TEAM_LEAD"], mutation: (h) => assign(h, "cp-2903"), facts: () => ({ case: { ownerId: DESK.owner }, assignee: { staffId: "cp-2903" } }) },
  { operation: "recordConsent", relation: "on her case", level: "CONFIDENTIALITY_MARKED", expected: ["SOCIAL_SECRETARY", "CONTACT_PERSON"], actor: ON_CASE, mutation: consent, facts: subject },
  { operation: "recordConsent", relation: "not on her case", level: "CONFIDENTIALITY_MARKED", expected: [], mutation: consent, facts: subject },
  { operation: "revokeConsent", relation: "on her case", level: "NONE", expected: ["SOCIAL_SECRETARY", "CONTACT_PERSON"], actor: ON_CASE, mutation: (h) => `mutation { revokeConsent(id: "${h.consentId}") { id } }`, facts: subject },
  { operation: "revokeConsent", relation: "not on her case", level: "NONE", expected: [], mutation: (h) => `mutation { revokeConsent(id: "${h.consentId}") { id } }`, facts: subject },
  { operation: "scheduleAppointment", relation: "on her case", level: "PROTECTED_REGISTRATION", expected: ["SOCIAL_SECRETARY", "CONTACT_PERSON"], actor: ON_CASE, mutation: meeting, facts: subject },
  { operation: "scheduleAppointment", relation: "not on her case", level: "PROTECTED_REGISTRATION", expected: [], mutation: meeting, facts: subject },
  { operation: "updateProtectionLevel", relation: "level up, on her case", level: "CONFIDENTIALITY_MARKED", expected: ["SOCIAL_SECRETARY", "CONTACT_PERSON", "POPULATION_REGISTER"], actor: ON_CASE, mutation: (h) => level(h, "PROTECTED_REGISTRATION"), facts: (h) => ({ ...subject(h), newLevel: "PROTECTED_REGISTRATION" }) },
  { operation: "updateProtectionLevel", relation: "level up, not on her case", level: "CONFIDENTIALITY_MARKED", expected: ["POPULATION_REGISTER"], mutation: (h) => level(h, "PROTECTED_REGISTRATION"), facts: (h) => ({ ...subject(h), newLevel: "PROTECTED_REGISTRATION" }) },
  { operation: "updateProtectionLevel", relation: "level down, on her case", level: "PROTECTED_REGISTRATION", expected: ["POPULATION_REGISTER"], actor: ON_CASE, mutation: (h) => level(h, "NONE"), facts: (h) => ({ ...subject(h), newLevel: "NONE" }) },
  { operation: "updateProtectionLevel", relation: "level down, not on her case", level: "PROTECTED_REGISTRATION", expected: ["POPULATION_REGISTER"], mutation: (h) => level(h, "NONE"), facts: (h) => ({ ...subject(h), newLevel: "NONE" }) },
  {
    operation: "quarantineIdentity",
    relation: "a known person, not quarantined",
    level: "PROTECTED_REGISTRATION",
    expected: ["PERSONAL_SECURITY"],
    mutation: (h) => `mutation { quarantineIdentity(input: { subjectId: "${h.personId}" }) { subjectId } }`,
    facts: subject,
  },
  {
    operation: "registerApplication",
    relation: "a known person",
    level: "PROTECTED_REGISTRATION",
    expected: ["HOUSING_OFFICER"],
    mutation: (h) => `mutation { registerApplication(input: { subjectId: "${h.personId}", urgency: HIGH, requestedArea: "Gävle", householdSize: 2 }) { id } }`,
    facts: subject,
  },
  {
    operation: "recordIncident",
    relation: "a known person",
    level: "PROTECTED_REGISTRATION",
    expected: ["POLICE_LIAISON"],
    mutation: (h) => `mutation { recordIncident(input: { subjectId: "${h.personId}", occurredAt: "${new Date(Date.now() - day).toISOString()}", category: THREAT, place: "Centrum", description: "Hotfulla meddelanden via telefon." }) { id } }`,
    facts: subject,
  },
  {
    operation: "openChildCase",
    relation: "a known child",
    level: "PROTECTED_REGISTRATION",
    expected: ["CHILD_SERVICES_OFFICER"],
    mutation: (h) => `mutation { openChildCase(input: { childId: "${h.childId}", concern: NEGLECT, notes: "Ett nytt ärende för barnet." }) { id } }`,
    // The child's facts: her own level, her co-resident parent's, and the household's case.
    facts: (h) => ({ subject: childFacts(h) }),
  },
  { operation: "placeChild", relation: "the child case's officer", level: "PROTECTED_REGISTRATION", expected: ["CHILD_SERVICES_OFFICER"], actor: { CHILD_SERVICES_OFFICER: DESK.officer }, mutation: (h) => place(h.childCaseId), facts: () => ({ childCase: { officerId: DESK.officer }, endsPlacementsOf: [DESK.officer] }) },
  { operation: "placeChild", relation: "not the child case's officer", level: "PROTECTED_REGISTRATION", expected: [], actor: { CHILD_SERVICES_OFFICER: DESK.otherOfficer }, mutation: (h) => place(h.childCaseId), facts: () => ({ childCase: { officerId: DESK.officer }, endsPlacementsOf: [DESK.officer] }) },
  {
    operation: "placeChild",
    relation: "officer of her own case, ending another officer's placement",
    level: "PROTECTED_REGISTRATION",
    expected: [],
    actor: { CHILD_SERVICES_OFFICER: DESK.otherOfficer },
    mutation: (h) => place(h.otherChildCaseId),
    facts: () => ({ childCase: { officerId: DESK.otherOfficer }, endsPlacementsOf: [DESK.officer] }),
  },
];
