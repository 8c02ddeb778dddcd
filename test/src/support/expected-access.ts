/**
 * The access matrix written out by hand, from DOMAIN.md's actor table — independently of the
 * policy file, so a wrong rule shows up as a disagreement. For each actor and field: the
 * governing protection levels at which the value is released. N = NONE, C = CONFIDENTIALITY_MARKED,
 * P = PROTECTED_REGISTRATION, A = ASSUMED_IDENTITY.
 */
type Level = "N" | "C" | "P" | "A";
const ALL: Level[] = ["N", "C", "P", "A"];
const ORDINARY: Level[] = ["N"];
const MARKED: Level[] = ["N", "C"];
const NEVER: Level[] = [];

/** A role with no relationship to the household: identities, its own records, ordinary locations. */
const stranger = (own: Record<string, Level[]>): Record<string, Level[]> => ({
  // Links: that a record exists is what it says (its class), so a stranger sees no record at all;
  // the fields below a withheld link are gone with it, whatever their own row says.
  "adult.cases": NEVER,
  "adult.housingApplications": NEVER,
  "adult.tenancies": NEVER,
  "adult.incidents": NEVER,
  "child.childCases": NEVER,
  "child.schoolPlacements": NEVER,
  "previousTenant.tenancies": NEVER,
  "adult.id": ALL,
  "adult.protectionLevel": ALL,
  "adult.givenName": ALL,
  "adult.streetAddress": ORDINARY,
  "case.status": NEVER,
  "case.assessment": NEVER,
  "application.urgency": NEVER,
  "application.requestedArea": ORDINARY,
  "tenancy.status": NEVER,
  "activeTenancy.streetAddress": ORDINARY,
  "endedTenancy.streetAddress": ORDINARY,
  "activeTenancy.landlord": ORDINARY,
  // The previous tenant of her home flat has no case and no relation to anyone: the flat's
  // level (hers) governs his record of it, so no join of the two tenancies gives her address.
  "previousTenancy.streetAddress": ORDINARY,
  "previousTenancy.landlord": ORDINARY,
  "incident.category": NEVER,
  "incident.place": ORDINARY,
  "child.givenName": ALL,
  "child.streetAddress": ORDINARY,
  "childCase.concern": NEVER,
  "placement.schoolName": ORDINARY,
  ...own,
});

/** Each agency knows its own records exist. */
const HOUSING_LINKS = { "adult.housingApplications": ALL, "adult.tenancies": ALL, "previousTenant.tenancies": ALL };
const CHILD_LINKS = { "child.childCases": ALL, "child.schoolPlacements": ALL };
/** The household's consent to social services covers STATUS, HOUSING, SAFETY and CHILD: every record of hers exists for it. */
const LINKS_EXCEPT_PREVIOUS_TENANT = {
  "adult.cases": ALL,
  "adult.housingApplications": ALL,
  "adult.tenancies": ALL,
  "adult.incidents": ALL,
  "child.childCases": ALL,
  "child.schoolPlacements": ALL,
};

const everything = Object.fromEntries(Object.keys(stranger({})).map((key) => [key, ALL]));

export const EXPECTED: Record<string, Record<string, Level[]>> = {
  // The social secretary assigned to the household's case sees all of it.
  // …but not the records of the previous tenant of her flat, who is no client of hers.
  "SOCIAL_SECRETARY ss-1001 CASE_WORK": { ...everything, "previousTenant.tenancies": NEVER, "previousTenancy.streetAddress": ORDINARY, "previousTenancy.landlord": ORDINARY },
  // Another social secretary: social services' own case status, nothing protected.
  "SOCIAL_SECRETARY ss-1003 CASE_WORK": stranger({ "adult.cases": ALL, "case.status": ALL }),
  // The assigned contact person with the client's consent (incl. location) to social services.
  "CONTACT_PERSON cp-2001 COORDINATED_SUPPORT": {
    ...everything,
    "case.assessment": NEVER,
    "previousTenant.tenancies": NEVER,
    "previousTenancy.streetAddress": ORDINARY,
    "previousTenancy.landlord": ORDINARY,
  },
  // An unassigned contact person: the consent still covers social services, but protected
  // registration and assumed identity need assignment for location.
  "CONTACT_PERSON cp-2002 COORDINATED_SUPPORT": stranger({
    ...LINKS_EXCEPT_PREVIOUS_TENANT,
    "adult.streetAddress": MARKED,
    "case.status": ALL,
    "application.urgency": ALL,
    "application.requestedArea": MARKED,
    "tenancy.status": ALL,
    "activeTenancy.streetAddress": MARKED,
    "endedTenancy.streetAddress": MARKED,
    "activeTenancy.landlord": MARKED,
    "incident.category": ALL,
    "incident.place": MARKED,
    "child.streetAddress": MARKED,
    "childCase.concern": ALL,
    "placement.schoolName": MARKED,
  }),
  // The housing officer administering the active tenancy: its address, never the previous one.
  "HOUSING_OFFICER ho-3001 CASE_WORK": stranger({ ...HOUSING_LINKS, "application.urgency": ALL, "tenancy.status": ALL, "activeTenancy.streetAddress": ALL, "activeTenancy.landlord": ALL }),
  // The same officer stating consent as ground: the housing consent was revoked, so nothing more.
  "HOUSING_OFFICER ho-3001 COORDINATED_SUPPORT": stranger({ ...HOUSING_LINKS, "application.urgency": ALL, "tenancy.status": ALL, "activeTenancy.streetAddress": ALL, "activeTenancy.landlord": ALL }),
  // The officer who administered the ended tenancy: no address of a protected person at all.
  "HOUSING_OFFICER ho-3002 CASE_WORK": stranger({ ...HOUSING_LINKS, "application.urgency": ALL, "tenancy.status": ALL }),
  // Police: their own safety records; no protected location without an emergency ground.
  "POLICE_LIAISON pl-4001 CASE_WORK": stranger({ "adult.incidents": ALL, "incident.category": ALL }),
  // The police consent has expired: stating it as ground changes nothing.
  "POLICE_LIAISON pl-4001 COORDINATED_SUPPORT": stranger({ "adult.incidents": ALL, "incident.category": ALL }),
  // Stating an emergency without a recorded grant changes nothing either.
  "POLICE_LIAISON pl-4002 EMERGENCY": stranger({ "adult.incidents": ALL, "incident.category": ALL }),
  // The child's own officer: the child case and the child's current school, even when protected.
  "CHILD_SERVICES_OFFICER cs-5001 CASE_WORK": stranger({ ...CHILD_LINKS, "childCase.concern": ALL, "placement.schoolName": ALL }),
  "CHILD_SERVICES_OFFICER cs-5002 CASE_WORK": stranger({ ...CHILD_LINKS, "childCase.concern": ALL }),
  // Social services' on-call decides emergency disclosures and reads no person data itself: a
  // person's id only (a reference), under either purpose it may state.
  "SOCIAL_ON_CALL oc-9001 EMERGENCY": Object.fromEntries(Object.keys(everything).map((key) => [key, key === "adult.id" ? ALL : NEVER])),
  "SOCIAL_ON_CALL oc-9001 CASE_WORK": Object.fromEntries(Object.keys(everything).map((key) => [key, key === "adult.id" ? ALL : NEVER])),
  // Auditors: that a person exists and is protected; never a value.
  "AUDITOR au-6001 AUDIT": Object.fromEntries(
    Object.keys(everything).map((key) => [key, key === "adult.id" || key === "adult.protectionLevel" ? ALL : NEVER]),
  ),
};

export type { Level };
