import type { Role } from "../actor.js";
import { FIELD_CLASSES, type FieldClass } from "../classification.js";
import type { ProtectionLevel } from "../protection.js";

/**
 * THE access policy of Skyddsnät, one row per rule. Read top to bottom: the first row whose role,
 * protection level and field class match, and whose condition holds, allows the field. A field
 * no row allows is withheld (deny by default). Levels are the governing level of the field: for
 * LOCATION the strictest level in the household. No class is open merely because the level is
 * NONE: social-services data is secret for everyone (OSL 26 kap. 1 §), so every row but the
 * references one names a need.
 *
 * Conditions (computed by relationsOf from facts, never by the caller):
 *   always     — the row's role, level and class suffice
 *   handles    — the actor handles the person: assigned on the household's case (in any role of
 *                its coordinated plan), steward of this record, her unit holds it, a team lead
 *                whose unit has the case, a consent to her unit, or an emergency disclosure
 *   assigned   — assigned in that role on an open case of the person or the household
 *   own-unit   — the record is held by the actor's own unit of her own agency
 *   consent    — a valid, unrevoked consent to the actor's unit, for the stated purpose, covers the class
 *   assigned-and-consent — both of the above
 *   steward    — the actor is responsible for this current record (e.g. administers this tenancy)
 *   emergency  — an active emergency disclosure for the person, and the request states EMERGENCY
 *   assigned-participant — a participant of the record (an appointment) and assigned on the case
 *   quarantined — the person is a former identity after an assumed identity was decided
 *
 * A record that names participants (an appointment) shows its LOCATION only through rows whose
 * condition is assigned-participant: no other row opens when and where she will be. A former
 * identity's records are decided by the quarantined rows only: to every other role they do not
 * exist, not even by reference.
 */
export type Condition =
  | "always"
  | "handles"
  | "assigned"
  | "own-unit"
  | "consent"
  | "assigned-and-consent"
  | "steward"
  | "emergency"
  | "assigned-participant"
  | "quarantined";

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
const AGENCY_RECORDS: readonly FieldClass[] = ["STATUS", "HOUSING", "SAFETY", "CHILD"];

const EVERY_CLASS_BUT_AUDIT: readonly FieldClass[] = FIELD_CLASSES.filter((fieldClass) => fieldClass !== "AUDIT" && fieldClass !== "POLICY");

export const RULES: readonly Rule[] = [
  {
    name: "personal-security-reads-the-quarantine",
    roles: ["PERSONAL_SECURITY"],
    levels: ALL_LEVELS,
    classes: EVERY_CLASS_BUT_AUDIT,
    when: "quarantined",
    why: "The link between a former and an assumed identity must never be revealed (lag (1991:483) om fingerade personuppgifter): the former identity's records are kept for the police's personal-security unit alone, which decided the new identity.",
  },
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
    classes: ["AUDIT"],
    when: "always",
    why: "Auditors see who accessed whom, when and why — never the values, and never who is protected: no list of the protected for anyone.",
  },
  {
    name: "staff-who-handle-her-know-whom-and-how",
    roles: HANDLING_ROLES,
    levels: ALL_LEVELS,
    classes: ["IDENTITY", "PROTECTION"],
    when: "handles",
    why: "Staff who handle the person must know whom the record concerns and how to handle her (the handling instructions); to anyone else name, identity number and protection are a directory of the protected (OSL 26 kap. 1 §: being a client is itself secret).",
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
    name: "unit-sees-its-own-records",
    roles: CASE_ROLES,
    levels: ALL_LEVELS,
    classes: AGENCY_RECORDS,
    when: "own-unit",
    why: "Need to know within an agency: each unit reads the records it holds itself, not every record of the agency across municipalities (OSL 26 kap. 1 § and 8 kap. 2 §, behörighetsstyrning); location within them is governed by the rows below.",
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
    why: "The client's consent (samtycke, OSL 10 kap. 1 § and 12 kap.) to this unit for this purpose is a ground to share.",
  },
  {
    name: "location-on-consent",
    roles: CASE_ROLES,
    levels: ["NONE", "CONFIDENTIALITY_MARKED"],
    classes: ["LOCATION"],
    when: "consent",
    why: "Without register protection the address is still secret social-services data (OSL 26 kap. 1 §), and under sekretessmarkering it needs an established need: the client's own consent to this unit establishes it.",
  },
  {
    name: "contact-person-location-where-case-grants",
    roles: ["CONTACT_PERSON"],
    levels: ALL_LEVELS,
    classes: ["LOCATION"],
    when: "assigned-and-consent",
    why: "The contact person on the case sees location only where the client's consent grants it.",
  },
  {
    name: "steward-of-current-record",
    roles: ["HOUSING_OFFICER", "CHILD_SERVICES_OFFICER"],
    levels: ALL_LEVELS,
    classes: ["LOCATION"],
    when: "steward",
    why: "The officer administering this current tenancy or child case needs its address or school — never a previous one; the need is hers, at every level.",
  },
  {
    name: "emergency-ground",
    roles: ["SOCIAL_SECRETARY", "POLICE_LIAISON", "CHILD_SERVICES_OFFICER"],
    // Every level: an emergency for an unprotected person must not open less than for a protected one.
    levels: ALL_LEVELS,
    classes: ["LOCATION", "SAFETY"],
    when: "emergency",
    why: "A recorded emergency disclosure (nödsituation, OSL 10 kap.) that threatens life or health, time-limited and reviewed afterwards; it opens where the person is now and her safety records, never a previous address.",
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
