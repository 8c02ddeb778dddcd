import type { Role } from "../actor.js";

/**
 * THE write policy of Skyddsnät: who may make which change, one row per rule, in the same form
 * as the read rules (rules.ts). For an operation, the first row whose role matches and whose
 * conditions all hold allows it; a change no row allows is refused (deny by default).
 *
 * Conditions (computed by write-conditions.ts from the facts the mutation gathered, never by
 * the caller; every one must hold):
 *   always            — the row's role suffices
 *   subject-known     — social services knows the person and their protection level
 *   subject-unprotected — known, and neither the person nor a parent has any protection
 *   assigned          — the actor is assigned, in her own role, on an open case of the person or
 *                       the household, since before this request began
 *   case-owner        — the actor owns the case (opened it, or was made its owner)
 *   assigns-another   — the assignment is for someone other than the actor
 *   raises-level      — the new protection level is stricter than the person's known level
 *   child-case-officer — the actor is the officer of the child case the change is made in
 *   ends-only-own-placements — every current placement the change ends is in a child case of the actor's
 *   not-the-requester — the emergency request the change decides or reviews was made by someone else
 *   not-the-granter   — the emergency disclosure the review is of was decided by someone else
 *   not-quarantined   — the person is not (yet) a quarantined former identity
 *
 * widensAccess: the change can open data to someone who could not see it before (an assignment,
 * a consent, a case whose opener becomes assigned, an emergency disclosure granted). Such changes are
 * recorded with reason ACCESS_WIDENED so a reviewer finds each one.
 */
export type WriteCondition =
  | "always"
  | "subject-known"
  | "subject-unprotected"
  | "assigned"
  | "case-owner"
  | "assigns-another"
  | "raises-level"
  | "child-case-officer"
  | "ends-only-own-placements"
  | "not-the-requester"
  | "not-the-granter"
  | "not-quarantined";

/** The operations the hub decides, reads of the audit trail included. */
export const OPERATIONS = [
  "openCase",
  "closeCase",
  "assignStaff",
  "recordConsent",
  "revokeConsent",
  "scheduleAppointment",
  "updateProtectionLevel",
  "quarantineIdentity",
  "registerApplication",
  "recordIncident",
  "openChildCase",
  "placeChild",
  "readAuditLog",
  "requestEmergencyAccess",
  "grantEmergencyDisclosure",
  "refuseEmergencyDisclosure",
  "reviewEmergencyAccess",
] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface WriteRule {
  name: string;
  operation: Operation;
  roles: readonly Role[];
  when: readonly WriteCondition[];
  widensAccess: boolean;
  why: string;
}

const CASE_STAFF: readonly Role[] = ["SOCIAL_SECRETARY", "CONTACT_PERSON"];
/** Who may ask the holding agency for an emergency disclosure: the roles the emergency read row names. */
const EMERGENCY_REQUESTERS: readonly Role[] = ["SOCIAL_SECRETARY", "POLICE_LIAISON", "CHILD_SERVICES_OFFICER"];

export const WRITE_RULES: readonly WriteRule[] = [
  {
    name: "secretary-opens-case-of-unprotected-person",
    operation: "openCase",
    roles: ["SOCIAL_SECRETARY"],
    when: ["subject-unprotected"],
    widensAccess: true,
    why: "Opening a case assigns the opener; for a person without protection that opens only ordinary data.",
  },
  {
    name: "secretary-opens-further-case-of-own-client",
    operation: "openCase",
    roles: ["SOCIAL_SECRETARY"],
    when: ["assigned"],
    widensAccess: true,
    why: "A protected person's case is opened by the secretary already on her case: opening one is never the way onto it.",
  },
  {
    name: "team-lead-opens-any-case",
    operation: "openCase",
    roles: ["TEAM_LEAD"],
    when: ["subject-known"],
    widensAccess: false,
    why: "The team lead owns the new case and is not assigned by it; who works on it is a separate, recorded assignment.",
  },
  {
    name: "owner-staffs-own-case",
    operation: "assignStaff",
    roles: ["SOCIAL_SECRETARY"],
    when: ["case-owner"],
    widensAccess: true,
    why: "The case's owner decides who works on it — never someone assigning herself onto another's case.",
  },
  {
    name: "team-lead-staffs-cases",
    operation: "assignStaff",
    roles: ["TEAM_LEAD"],
    when: ["assigns-another"],
    widensAccess: true,
    why: "The team lead (arbetsledare) staffs the unit's cases, with other staff than herself.",
  },
  {
    name: "owner-closes-own-case",
    operation: "closeCase",
    roles: ["SOCIAL_SECRETARY"],
    when: ["case-owner"],
    widensAccess: false,
    why: "Closing ends every assignment on the case: the owner's decision, not a colleague's.",
  },
  {
    name: "team-lead-closes-cases",
    operation: "closeCase",
    roles: ["TEAM_LEAD"],
    when: ["always"],
    widensAccess: false,
    why: "The team lead may close any of the unit's cases (e.g. when the owner has left).",
  },
  {
    name: "staff-on-the-case-record-consent",
    operation: "recordConsent",
    roles: CASE_STAFF,
    when: ["assigned"],
    widensAccess: true,
    why: "Consent (samtycke) is taken by the staff who meet the client on her case; a consent opens data to another agency.",
  },
  {
    name: "staff-on-the-case-record-revocation",
    operation: "revokeConsent",
    roles: CASE_STAFF,
    when: ["assigned"],
    widensAccess: false,
    why: "The client tells the staff on her case; a revocation only ever narrows access.",
  },
  {
    name: "staff-on-the-case-schedule-meetings",
    operation: "scheduleAppointment",
    roles: CASE_STAFF,
    when: ["assigned"],
    widensAccess: true,
    why: "The staff who meet the client book her meetings; naming participants opens when and where to them.",
  },
  {
    name: "population-register-sets-the-level",
    operation: "updateProtectionLevel",
    roles: ["POPULATION_REGISTER"],
    when: ["subject-known"],
    widensAccess: false,
    why: "The level is the Tax Agency's decision, carried by the population-register integration; it reads no protected data.",
  },
  {
    name: "staff-on-the-case-raise-the-level",
    operation: "updateProtectionLevel",
    roles: CASE_STAFF,
    when: ["raises-level", "assigned"],
    widensAccess: false,
    why: "Staff on the case may protect at once while the Tax Agency decides; they never lower a level.",
  },
  {
    name: "personal-security-quarantines-the-former-identity",
    operation: "quarantineIdentity",
    roles: ["PERSONAL_SECURITY"],
    when: ["subject-known", "not-quarantined"],
    widensAccess: false,
    why: "The police's personal-security unit decides the assumed identity (lag (1991:483) om fingerade personuppgifter) and quarantines the former one: from then on only it reads her; the change names the former identity alone, never the new.",
  },
  {
    name: "housing-registers-applications",
    operation: "registerApplication",
    roles: ["HOUSING_OFFICER"],
    when: ["subject-known"],
    widensAccess: false,
    why: "Housing registers its own applications for a person social services knows; the caller handles it.",
  },
  {
    name: "police-record-incidents",
    operation: "recordIncident",
    roles: ["POLICE_LIAISON"],
    when: ["subject-known"],
    widensAccess: false,
    why: "Incidents are police records about a person social services knows.",
  },
  {
    name: "child-services-open-child-cases",
    operation: "openChildCase",
    roles: ["CHILD_SERVICES_OFFICER"],
    when: ["subject-known"],
    widensAccess: false,
    why: "Child services opens its own cases for a known child; the opener becomes steward of that case only.",
  },
  {
    name: "officer-places-child-in-own-case",
    operation: "placeChild",
    roles: ["CHILD_SERVICES_OFFICER"],
    when: ["child-case-officer", "ends-only-own-placements"],
    widensAccess: false,
    why: "A placement is made by the child case's own officer, and never ends a placement another officer is responsible for.",
  },
  {
    name: "auditors-review-the-log",
    operation: "readAuditLog",
    roles: ["AUDITOR"],
    when: ["always"],
    widensAccess: false,
    why: "Log review (loggkontroll) is the auditors' task.",
  },
  {
    name: "break-the-glass",
    operation: "requestEmergencyAccess",
    roles: EMERGENCY_REQUESTERS,
    when: ["always"],
    widensAccess: false,
    why: "The roles that may act on a threat to life or health ask for the person's whereabouts; the request opens nothing until the holding agency grants it.",
  },
  {
    name: "holding-agency-discloses-in-an-emergency",
    operation: "grantEmergencyDisclosure",
    roles: ["SOCIAL_ON_CALL"],
    when: ["not-the-requester"],
    widensAccess: true,
    why: "Social services holds the data and makes the secrecy assessment (socialjouren): it discloses for a stated ground (nödsituation, OSL 10 kap. 18 b §, 10 kap. 21–23 §§) and time — never to itself.",
  },
  {
    name: "holding-agency-refuses-disclosure",
    operation: "refuseEmergencyDisclosure",
    roles: ["SOCIAL_ON_CALL"],
    when: ["not-the-requester"],
    widensAccess: false,
    why: "The assessment may find no ground to disclose; the refusal is recorded and opens nothing.",
  },
  {
    name: "auditors-review-emergencies",
    operation: "reviewEmergencyAccess",
    roles: ["AUDITOR"],
    when: ["not-the-requester", "not-the-granter"],
    widensAccess: false,
    why: "Every emergency disclosure is reviewed afterwards by someone other than both who asked for it and who granted it.",
  },
];
