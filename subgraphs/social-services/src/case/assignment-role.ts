import type { AssignmentRole } from "../enums.js";

/**
 * Staff ids carry their desk's prefix (the staff directory, infra/hub/src/seed/staff.ts: ss-,
 * cp-, ho-, pl-, cs-); social services holds no other record of whom an id belongs to.
 */
const PREFIX_OF_ROLE: Readonly<Record<AssignmentRole, string>> = {
  SOCIAL_SECRETARY: "ss",
  CONTACT_PERSON: "cp",
  HOUSING_OFFICER: "ho",
  POLICE_LIAISON: "pl",
  CHILD_SERVICES_OFFICER: "cs",
};

/**
 * Whether the staff member can hold the role: an assignment names a member of the case's
 * coordinated plan (SIP) in her own agency's role — a housing officer as HOUSING_OFFICER, never as
 * the case's social secretary — since that role is what the read policy gives her.
 */
export function staffHoldsRole(staffId: string, role: AssignmentRole): boolean {
  return staffId.startsWith(`${PREFIX_OF_ROLE[role]}-`);
}
