import type { Role } from "../actor.js";
import type { FieldClass } from "../classification.js";
import type { ProtectionLevel } from "../protection.js";

/**
 * THE access policy of Skyddsnät, one row per rule. Read top to bottom: the first row whose role,
 * protection level and field class match, and whose condition holds, allows the field. A field
 * no row allows is withheld (deny by default). Levels are the governing level of the field: for
 * LOCATION the strictest level in the household.
 *
 * Conditions (computed by relationsOf from facts, never by the caller):
 *   always     — the row's role, level and class suffice
 *   assigned   — assigned in that role on an open case of the person or the household
 *   own-agency — the field belongs to the actor's own agency's records
 *   consent    — a valid, unrevoked consent to the actor's agency, for the stated purpose, covers the class
 *   assigned-and-consent — both of the above
 *   steward    — the actor is responsible for this current record (e.g. administers this tenancy)
 *   emergency  — an active break-the-glass grant for the person, and the request states EMERGENCY
 *   assigned-participant — a participant of the record (an appointment) and assigned on the case
 *
 * A record that names participants (an appointment) shows its LOCATION only through rows whose
 * condition is assigned-participant: no other row opens when and where she will be.
 */
export type Condition =
  | "always"
  | "assigned"
  | "own-agency"
  | "consent"
  | "assigned-and-consent"
  | "steward"
  | "emergency"
  | "assigned-participant";

export interface Rule {
  name: string;
  roles: readonly Role[];
  levels: readonly ProtectionLevel[];
  classes: readonly FieldClass[];
  when: Condition;
  why: string;
}

const CASE_ROLES: readonly Role[] = [
  "SOCIAL_SECRETARY",
  "CONTACT_PERSON",
  "HOUSING_OFFICER",
  "POLICE_LIAISON",
  "CHILD_SERVICES_OFFICER",
];
/** Team leads know whom a case concerns and how to handle them; who works on it is their task, not its content. */
const HANDLING_ROLES: readonly Role[] = [...CASE_ROLES, "TEAM_LEAD"];
const ALL_LEVELS: readonly ProtectionLevel[] = [
  "NONE",
  "CONFIDENTIALITY_MARKED",
  "PROTECTED_REGISTRATION",
  "ASSUMED_IDENTITY",
];
const PROTECTED: readonly ProtectionLevel[] = ["CONFIDENTIALITY_MARKED", "PROTECTED_REGISTRATION", "ASSUMED_IDENTITY"];
const AGENCY_RECORDS: readonly FieldClass[] = ["STATUS", "HOUSING", "SAFETY", "CHILD"];

export const RULES: readonly Rule[] = [
  {
    name: "references",
    roles: [...HANDLING_ROLES, "AUDITOR", "POPULATION_REGISTER"],
    levels: ALL_LEVELS,
    classes: ["REFERENCE"],
    when: "always",
    why: "Opaque ids and links reveal nothing about a person by themselves.",
  },
  {
    name: "auditor-reviews-the-log",
    roles: ["AUDITOR"],
    levels: ALL_LEVELS,
    classes: ["AUDIT", "PROTECTION"],
    when: "always",
    why: "Auditors see who accessed whom, when and why, and that a person is protected — never the values.",
  },
  {
    name: "staff-know-how-to-handle",
    roles: HANDLING_ROLES,
    levels: ALL_LEVELS,
    classes: ["PROTECTION"],
    when: "always",
    why: "Anyone handling the person must know the protection level and how to send mail and book meetings.",
  },
  {
    name: "staff-know-whom-a-record-concerns",
    roles: HANDLING_ROLES,
    levels: ALL_LEVELS,
    classes: ["IDENTITY"],
    when: "always",
    why: "Names and identity number reveal no location; for an assumed identity they are the current identity only.",
  },
  {
    name: "participants-see-their-appointment",
    roles: CASE_ROLES,
    levels: ALL_LEVELS,
    classes: ["LOCATION"],
    when: "assigned-participant",
    why: "When and where a meeting is tells where she will be: only the staff who meet her, assigned on her case, see it — not the secretary or a colleague who does not take part, and no emergency or consent opens it (handling instructions: never reveal meeting places).",
  },
  {
    name: "social-secretary-holds-the-whole-case",
    roles: ["SOCIAL_SECRETARY"],
    levels: ALL_LEVELS,
    classes: ["LOCATION", "CASE_DETAIL", ...AGENCY_RECORDS],
    when: "assigned",
    why: "The social secretary assigned to the case needs all of it, including where the client lives.",
  },
  {
    name: "agency-sees-its-own-records",
    roles: CASE_ROLES,
    levels: ALL_LEVELS,
    classes: AGENCY_RECORDS,
    when: "own-agency",
    why: "Each agency reads its own registers; location within them is governed by the rows below.",
  },
  {
    name: "contact-person-coordinates",
    roles: ["CONTACT_PERSON"],
    levels: ALL_LEVELS,
    classes: ["STATUS"],
    when: "assigned",
    why: "The contact person sees the status of every agency's records for assigned clients.",
  },
  {
    name: "client-consented",
    roles: CASE_ROLES,
    levels: ALL_LEVELS,
    classes: AGENCY_RECORDS,
    when: "consent",
    why: "The client's consent (samtycke) to this agency for this purpose is a ground to share.",
  },
  {
    name: "ordinary-location",
    roles: CASE_ROLES,
    levels: ["NONE"],
    classes: ["LOCATION"],
    when: "always",
    why: "Without protection, ordinary secrecy applies and the stated purpose is the ground.",
  },
  {
    name: "marked-location-on-consent",
    roles: CASE_ROLES,
    levels: ["CONFIDENTIALITY_MARKED"],
    classes: ["LOCATION"],
    when: "consent",
    why: "Sekretessmarkering: location only where a need is established; the client's own consent establishes it.",
  },
  {
    name: "contact-person-location-where-case-grants",
    roles: ["CONTACT_PERSON"],
    levels: PROTECTED,
    classes: ["LOCATION"],
    when: "assigned-and-consent",
    why: "The contact person on the case sees location only where the client's consent grants it.",
  },
  {
    name: "steward-of-current-record",
    roles: ["HOUSING_OFFICER", "CHILD_SERVICES_OFFICER"],
    levels: PROTECTED,
    classes: ["LOCATION"],
    when: "steward",
    why: "The officer administering this current tenancy or child case needs its address or school — never a previous one.",
  },
  {
    name: "emergency-ground",
    roles: ["SOCIAL_SECRETARY", "POLICE_LIAISON", "CHILD_SERVICES_OFFICER"],
    // Every level: an emergency for an unprotected person must not open less than for a protected one.
    levels: ALL_LEVELS,
    classes: ["LOCATION", "SAFETY"],
    when: "emergency",
    why: "A recorded emergency (nödsituation) that threatens life or health, time-limited and reviewed afterwards; it opens where the person is now and her safety records, never a previous address.",
  },
  {
    name: "on-call-assesses-emergency-requests",
    roles: ["SOCIAL_ON_CALL"],
    levels: ALL_LEVELS,
    classes: ["AUDIT"],
    when: "always",
    why: "Social services' on-call (socialjouren) reads the emergency requests it decides — who asks, for whom, and the stated emergency; no person data, and the audit log stays the auditors' (readAuditLog).",
  },
];
