/**
 * The access matrix written out by hand, from DOMAIN.md's actor table and issue 19's reading of
 * Swedish practice — independently of the policy file, so a wrong rule shows up as a
 * disagreement. For each actor and field: the governing protection levels at which the value is
 * released. N = NONE, C = CONFIDENTIALITY_MARKED, P = PROTECTED_REGISTRATION, A = ASSUMED_IDENTITY.
 *
 * Who is who in every scenario household (infra/hub/src/seed/scenarios.ts): ss-1001 (secretary)
 * and cp-2001 (contact person) are assigned on her case, of unit social-services/malmo-vald; the
 * housing, police and child officers ho-3001, pl-4001 and cs-5001 are members of the case's
 * coordinated plan (SIP), and ho-3001 administers her tenancy, cs-5001 the child's case. Her
 * valid consent (and the child's custodial one) names social-services/malmo-vald for
 * COORDINATED_SUPPORT; her housing consent is revoked, her police consent expired. Records are
 * held by housing/malmo, police-liaison/malmo and child-services/malmo-bou.
 *
 * No class is open because the level is NONE (OSL 26 kap. 1 §), so no row below depends on the
 * level any more: every release follows a need.
 */
type Level = "N" | "C" | "P" | "A";
const ALL: Level[] = ["N", "C", "P", "A"];
const NEVER: Level[] = [];

/** Every field of the matrix, withheld: the start of every actor's row. */
const nothing: Record<string, Level[]> = Object.fromEntries(
  [
    "adult.cases",
    "adult.housingApplications",
    "adult.tenancies",
    "adult.incidents",
    "child.childCases",
    "child.schoolPlacements",
    "previousTenant.tenancies",
    "adult.id",
    "adult.protectionLevel",
    "adult.givenName",
    "adult.streetAddress",
    "case.status",
    "case.assessment",
    "application.urgency",
    "application.requestedArea",
    "tenancy.status",
    "activeTenancy.streetAddress",
    "endedTenancy.streetAddress",
    "activeTenancy.landlord",
    "previousTenancy.streetAddress",
    "previousTenancy.landlord",
    "incident.category",
    "incident.place",
    "child.givenName",
    "child.streetAddress",
    "childCase.concern",
    "placement.schoolName",
  ].map((key) => [key, NEVER]),
);

/** Opaque ids reveal nothing: every handling role sees them. */
const stranger = (own: Record<string, Level[]> = {}): Record<string, Level[]> => ({ ...nothing, "adult.id": ALL, ...own });
/** Staff who handle her (assigned, a SIP member, a team lead of the case's unit): whom and how, for her and the child she lives with. */
const HANDLES = { "adult.protectionLevel": ALL, "adult.givenName": ALL, "child.givenName": ALL };
/**
 * Her unit's view of a link to its own agency's records: the list is there, with the rows that
 * unit holds (none, for another unit: an empty list, which says nothing).
 */
const SOCIAL_LINK = { "adult.cases": ALL };
const HOUSING_LINKS = { "adult.housingApplications": ALL, "adult.tenancies": ALL, "previousTenant.tenancies": ALL };
const POLICE_LINKS = { "adult.incidents": ALL };
const CHILD_LINKS = { "child.childCases": ALL, "child.schoolPlacements": ALL };
/** Housing/malmo's own records of her: the application, the tenancy, the previous tenant's (all held there). */
const HOUSING_RECORDS = { ...HOUSING_LINKS, "application.urgency": ALL, "tenancy.status": ALL };

const everything = Object.fromEntries(Object.keys(nothing).map((key) => [key, ALL]));
/** The previous tenant of her flat is no client of hers: his records are no case of hers. */
const notThePreviousTenant = { "previousTenant.tenancies": NEVER, "previousTenancy.streetAddress": NEVER, "previousTenancy.landlord": NEVER };

export const EXPECTED: Record<string, Record<string, Level[]>> = {
  // The social secretary assigned to the household's case sees all of it.
  "SOCIAL_SECRETARY ss-1001 CASE_WORK": { ...everything, ...notThePreviousTenant },
  // Another unit's secretary (in the common case, the restrained father's own): nothing of the
  // household — her unit's (empty) list of cases, not whom they concern.
  "SOCIAL_SECRETARY ss-1003 CASE_WORK": stranger(SOCIAL_LINK),
  // The assigned contact person with the client's consent (incl. location) to her unit.
  "CONTACT_PERSON cp-2001 COORDINATED_SUPPORT": { ...everything, ...notThePreviousTenant, "case.assessment": NEVER },
  // A contact person of another unit: the consent names malmo-vald, not her unit — nothing.
  "CONTACT_PERSON cp-2002 COORDINATED_SUPPORT": stranger(SOCIAL_LINK),
  // The housing officer of her plan, administering the active tenancy: whom, her unit's records,
  // the current tenancy's address — never the previous one, nor where she lives by the person.
  "HOUSING_OFFICER ho-3001 CASE_WORK": stranger({ ...HANDLES, ...HOUSING_RECORDS, "activeTenancy.streetAddress": ALL, "activeTenancy.landlord": ALL }),
  // The same officer stating consent as ground: the housing consent was revoked, so nothing more.
  "HOUSING_OFFICER ho-3001 COORDINATED_SUPPORT": stranger({ ...HANDLES, ...HOUSING_RECORDS, "activeTenancy.streetAddress": ALL, "activeTenancy.landlord": ALL }),
  // A colleague of the same unit, outside her plan: the unit's records, not whom they concern.
  "HOUSING_OFFICER ho-3002 CASE_WORK": stranger(HOUSING_RECORDS),
  // Another municipality's housing unit: its own (empty) lists.
  "HOUSING_OFFICER ho-3003 CASE_WORK": stranger(HOUSING_LINKS),
  // Police of her plan: whom, their unit's safety records; no location without an emergency disclosure.
  "POLICE_LIAISON pl-4001 CASE_WORK": stranger({ ...HANDLES, ...POLICE_LINKS, "incident.category": ALL }),
  // The police consent has expired: stating it as ground changes nothing.
  "POLICE_LIAISON pl-4001 COORDINATED_SUPPORT": stranger({ ...HANDLES, ...POLICE_LINKS, "incident.category": ALL }),
  // Stating an emergency without a granted disclosure changes nothing either; outside her plan, no names.
  "POLICE_LIAISON pl-4002 EMERGENCY": stranger({ ...POLICE_LINKS, "incident.category": ALL }),
  // The child's own officer, of her plan: whom, the child case and the child's current school.
  "CHILD_SERVICES_OFFICER cs-5001 CASE_WORK": stranger({ ...HANDLES, ...CHILD_LINKS, "childCase.concern": ALL, "placement.schoolName": ALL }),
  // A colleague of the same unit: the unit's child case, not the school, not whom it concerns.
  "CHILD_SERVICES_OFFICER cs-5002 CASE_WORK": stranger({ ...CHILD_LINKS, "childCase.concern": ALL }),
  // The team lead of the case's unit knows whom her unit's case concerns and how to handle them.
  "TEAM_LEAD tl-7001 CASE_WORK": stranger(HANDLES),
  // A team lead of another unit does not.
  "TEAM_LEAD tl-7002 CASE_WORK": stranger(),
  // Social services' on-call decides emergency disclosures and reads no person data itself: a
  // person's id only (a reference), under either purpose it may state.
  "SOCIAL_ON_CALL oc-9001 EMERGENCY": stranger(),
  "SOCIAL_ON_CALL oc-9001 CASE_WORK": stranger(),
  // Auditors: that a person exists; never a value, nor who is protected.
  "AUDITOR au-6001 AUDIT": stranger(),
};

export type { Level };
