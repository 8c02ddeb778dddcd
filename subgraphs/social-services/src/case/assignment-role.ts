import { type Agency, ROLES_BY_AGENCY, type Role } from "@skyddsnat/schema";
import type { AssignmentRole } from "../enums.js";

/**
 * Staff ids carry their desk's prefix (the staff directory, infra/hub/src/seed/staff.ts): social
 * services holds no other record of whom an id belongs to, so the prefix says her agency.
 */
const ROLE_OF_PREFIX: Readonly<Record<string, Role>> = {
  ss: "SOCIAL_SECRETARY",
  cp: "CONTACT_PERSON",
  tl: "TEAM_LEAD",
  ho: "HOUSING_OFFICER",
  pl: "POLICE_LIAISON",
  ps: "PERSONAL_SECURITY",
  cs: "CHILD_SERVICES_OFFICER",
};

const agencyOf = (role: Role): Agency | undefined => (Object.keys(ROLES_BY_AGENCY) as Agency[]).find((agency) => ROLES_BY_AGENCY[agency].includes(role));

/**
 * Whether the staff member's agency holds the role: social services' own roles for its staff, and
 * for a member of the case's coordinated plan (SIP) her own agency's role — a housing officer as
 * HOUSING_OFFICER, never as the case's social secretary.
 */
export function agencyHoldsRole(staffId: string, role: AssignmentRole): boolean {
  const staffRole = ROLE_OF_PREFIX[staffId.split("-")[0] ?? ""];
  return staffRole !== undefined && agencyOf(staffRole) === agencyOf(role);
}
