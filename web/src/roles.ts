/** Roles whose work is a caseload: persons on whose open cases they are assigned (the rest get a first page of their own). */
export const CASELOAD_ROLES: ReadonlySet<string> = new Set(["SOCIAL_SECRETARY", "CONTACT_PERSON", "HOUSING_OFFICER", "POLICE_LIAISON", "CHILD_SERVICES_OFFICER"]);
