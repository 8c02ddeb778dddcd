/**
 * Who is calling, as established by a verified token. Every layer (gateway, subgraphs, policy,
 * audit) works from this one shape; nothing downstream re-reads the caller's raw token.
 */

/** The agencies that issue tokens to their staff and systems. */
export const AGENCIES = [
  "social-services",
  "housing",
  "police-liaison",
  "child-services",
  "audit",
  "population-register", // the Tax Agency's population data, through its integration
] as const;
export type Agency = (typeof AGENCIES)[number];

/** Roles from DOMAIN.md's actor table. A machine client acts for exactly one of them. */
export const ROLES = [
  "SOCIAL_SECRETARY", // socialsekreterare
  "CONTACT_PERSON", // kontaktperson
  "HOUSING_OFFICER",
  "POLICE_LIAISON",
  "CHILD_SERVICES_OFFICER", // barn- och familjeenheten, Barnahus
  "AUDITOR",
  "TEAM_LEAD", // arbetsledare / enhetschef: owns the unit's cases, staffs them
  "POPULATION_REGISTER", // machine client: sets protection levels as the Tax Agency notifies them
  // The police's personal-security unit (personsäkerhetsverksamheten), which decides on assumed
  // identities (lag (1991:483) om fingerade personuppgifter): the one role that reads a former
  // identity's quarantined records.
  "PERSONAL_SECURITY",
  "SOCIAL_ON_CALL", // socialjouren: social services' on-call duty, decides emergency disclosures
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The legal ground a caller states for the request (ändamål / rättslig grund). It is recorded
 * with every access to protected data.
 */
export const PURPOSES = [
  "CASE_WORK", // necessary disclosure to carry out the agency's own task
  "COORDINATED_SUPPORT", // sharing on the client's consent (samtycke)
  "EMERGENCY", // threat to life or health; break-the-glass
  "AUDIT", // systematic log review (systematisk loggkontroll)
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Which agencies' staff may hold which roles. A token claiming another pairing is rejected. */
export const ROLES_BY_AGENCY: Readonly<Record<Agency, readonly Role[]>> = {
  "social-services": ["SOCIAL_SECRETARY", "CONTACT_PERSON", "TEAM_LEAD", "SOCIAL_ON_CALL"],
  housing: ["HOUSING_OFFICER"],
  "police-liaison": ["POLICE_LIAISON", "PERSONAL_SECURITY"],
  "child-services": ["CHILD_SERVICES_OFFICER"],
  audit: ["AUDITOR"],
  "population-register": ["POPULATION_REGISTER"],
};

/** Purposes a role may state. An auditor reviews logs; case workers never state AUDIT. */
export const PURPOSES_BY_ROLE: Readonly<Record<Role, readonly Purpose[]>> = {
  SOCIAL_SECRETARY: ["CASE_WORK", "COORDINATED_SUPPORT", "EMERGENCY"],
  CONTACT_PERSON: ["COORDINATED_SUPPORT", "CASE_WORK"],
  HOUSING_OFFICER: ["CASE_WORK", "COORDINATED_SUPPORT"],
  POLICE_LIAISON: ["CASE_WORK", "COORDINATED_SUPPORT", "EMERGENCY"],
  CHILD_SERVICES_OFFICER: ["CASE_WORK", "COORDINATED_SUPPORT", "EMERGENCY"],
  AUDITOR: ["AUDIT"],
  TEAM_LEAD: ["CASE_WORK"],
  // The register's only task is to carry the Tax Agency's levels: necessary for the agency's own task.
  POPULATION_REGISTER: ["CASE_WORK"],
  PERSONAL_SECURITY: ["CASE_WORK"],
  // The on-call duty answers emergencies (the default), and deciding a disclosure is its own task.
  SOCIAL_ON_CALL: ["EMERGENCY", "CASE_WORK"],
};

export interface Actor {
  /** Staff id (or machine client id) from the token's `sub`. */
  staffId: string;
  agency: Agency;
  role: Role;
  purpose: Purpose;
  /** The `iss` of the token the caller presented. */
  issuer: string;
  /**
   * The calling system, when a machine client acts for a role: the claim its issuer's mapping
   * names (`client_id` for the CLI's tokens; none for an OpenID provider, whose `client_id` is
   * the app a person signed in through, not a calling system).
   */
  clientId?: string;
  /**
   * The unit the staff member works in (token claim `unit`, e.g. `housing/malmo`): need to know
   * inside an agency is the unit's, not the whole agency's (rules.ts, own-unit). Absent, no
   * record is her unit's.
   */
  unit?: string;
}

export const isAgency = (v: unknown): v is Agency => AGENCIES.includes(v as Agency);
export const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);
export const isPurpose = (v: unknown): v is Purpose => PURPOSES.includes(v as Purpose);
