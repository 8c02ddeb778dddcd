import type { Agency, Role } from "./actor.js";

/**
 * A unit (enhet) of an agency, as the token claim `unit` names it: a short slug path whose first
 * segment is the agency, e.g. `housing/malmo` or `social-services/malmo-vald`. Need to know inside
 * an agency is the unit's (policy rule unit-sees-its-own-records), so the unit comes from the
 * agency's identity provider like the role, and the hub checks it belongs to the agency.
 */
export const MAX_UNIT_LENGTH = 64;
/** Lower-case slugs separated by single slashes: no empty, leading or trailing segment. */
const UNIT = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

/**
 * Roles whose need to know is their unit's: they must carry one. Auditors review the log and the
 * population register carries the Tax Agency's levels; neither reads a unit's records, so a unit
 * is optional for them.
 */
export const ROLES_WITH_UNIT: readonly Role[] = [
  "SOCIAL_SECRETARY",
  "CONTACT_PERSON",
  "HOUSING_OFFICER",
  "POLICE_LIAISON",
  "CHILD_SERVICES_OFFICER",
  "TEAM_LEAD",
  "PERSONAL_SECURITY",
];

/** Whether `value` is shaped as a unit (any agency's). */
export const isUnit = (value: unknown): value is string =>
  typeof value === "string" && value.length <= MAX_UNIT_LENGTH && UNIT.test(value);

/** The agency a unit belongs to: its first segment. */
export const agencyOfUnit = (unit: string): string => unit.slice(0, unit.indexOf("/"));

/** Whether `unit` is a well-formed unit of `agency`. */
export const isUnitOf = (agency: Agency, unit: unknown): unit is string => isUnit(unit) && agencyOfUnit(unit) === agency;

/** Whether a role must carry a unit (its access inside the agency is the unit's). */
export const requiresUnit = (role: Role): boolean => ROLES_WITH_UNIT.includes(role);
