import type { Role } from "./actor.js";

/**
 * Who may perform which everyday operation. Reading is governed per field by the policy;
 * writing is governed here, per operation, by role. One row per operation, with the reason.
 */
export const OPERATIONS = {
  openCase: { roles: ["SOCIAL_SECRETARY"], why: "cases are opened by social services' case workers" },
  closeCase: { roles: ["SOCIAL_SECRETARY"], why: "only the case worker closes a case" },
  assignStaff: { roles: ["SOCIAL_SECRETARY"], why: "the case owner staffs the case" },
  recordConsent: {
    roles: ["SOCIAL_SECRETARY", "CONTACT_PERSON"],
    why: "consent is taken by the staff who meet the client",
  },
  revokeConsent: {
    roles: ["SOCIAL_SECRETARY", "CONTACT_PERSON"],
    why: "a revocation is recorded by whoever the client tells",
  },
  registerApplication: { roles: ["HOUSING_OFFICER"], why: "housing registers its own applications" },
  recordIncident: { roles: ["POLICE_LIAISON"], why: "incidents are police records" },
  openChildCase: { roles: ["CHILD_SERVICES_OFFICER"], why: "child services opens its own cases" },
  placeChild: { roles: ["CHILD_SERVICES_OFFICER"], why: "school placements are made in a child case" },
  updateProtectionLevel: {
    roles: ["SOCIAL_SECRETARY"],
    why: "social services records the level the Tax Agency notified (population data)",
  },
  readAuditLog: { roles: ["AUDITOR"], why: "log review (loggkontroll) is the auditors' task" },
  requestEmergencyAccess: {
    roles: ["SOCIAL_SECRETARY", "POLICE_LIAISON", "CHILD_SERVICES_OFFICER"],
    why: "the roles that may act on a threat to life or health",
  },
  reviewEmergencyAccess: { roles: ["AUDITOR"], why: "every emergency access is reviewed afterwards by someone else" },
} as const satisfies Record<string, { roles: readonly Role[]; why: string }>;
export type Operation = keyof typeof OPERATIONS;

export function mayPerform(role: Role, operation: Operation): boolean {
  return (OPERATIONS[operation].roles as readonly Role[]).includes(role);
}
