import type { Agency, FieldClass } from "@skyddsnat/schema";
import type { Household } from "@skyddsnat/hub";

/** One query that touches a field of every class, for a household's adult and child. */
export const MATRIX_QUERY = `query Matrix($adult: ID!, $child: ID!, $previousTenant: ID!) {
  adult: person(id: $adult) {
    id protectionLevel givenName streetAddress
    cases { id status assessment }
    housingApplications { id urgency requestedArea }
    tenancies { id status streetAddress landlord }
    incidents { id category place }
  }
  previousTenant: person(id: $previousTenant) {
    tenancies { id streetAddress landlord }
  }
  child: person(id: $child) {
    id givenName streetAddress
    childCases { id concern }
    schoolPlacements { id schoolName }
  }
}`;

export interface MatrixField {
  key: string;
  fieldClass: FieldClass;
  owner: Agency;
  subject: "adult" | "child" | "previousTenant";
  /** Response path of the value, given the household (list items found by id). */
  path: (data: Record<string, unknown>, household: Household) => (string | number)[];
  /** The record's steward, as the subgraph computes it. */
  steward: (household: Household) => string | null;
  /** Whether the record is current (RecordFacts.current). */
  current: boolean;
  /** Everyone who lives or lived at the place the record names (places.ts), if it names one. */
  occupants?: (household: Household) => string[];
  /** The key of the link (a list on Person) the record is reached through: withheld, it is gone. */
  under?: string;
  /** The unit that holds the record (RecordFacts.ownerUnit); absent for a person and for links. */
  unit?: string;
  /** Whether the household's adult holds the record: an assumed identity's old records are her former identity's. */
  held?: (household: Household) => boolean;
}

const indexOf = (data: Record<string, unknown>, root: string, list: string, id: string | null) => {
  const items = (data[root] as Record<string, unknown> | null)?.[list] as { id: string }[] | null | undefined;
  // A withheld list: the record is not there at all (its link cell says so).
  if (items === null || items === undefined) return 0;
  // A list the actor's unit sees without this row (another unit holds it): the row is not there.
  return items.findIndex((item) => item.id === id);
};
const row = (root: string, list: string, field: string, id: (h: Household) => string) => (d: Record<string, unknown>, h: Household) => [root, list, indexOf(d, root, list, id(h)), field];
const none = () => null;
const SOCIAL = "social-services/malmo-vald";
const HOUSING = "housing/malmo";
const POLICE = "police-liaison/malmo";
const CHILD = "child-services/malmo-bou";
/** An assumed identity's previous address and incident belong to her quarantined former identity. */
const notAssumed = (h: Household) => h.formerIdentity === null;

export const MATRIX_FIELDS: MatrixField[] = [
  { key: "adult.id", fieldClass: "REFERENCE", owner: "social-services", subject: "adult", path: () => ["adult", "id"], steward: none, current: true },
  { key: "adult.protectionLevel", fieldClass: "PROTECTION", owner: "social-services", subject: "adult", path: () => ["adult", "protectionLevel"], steward: none, current: true },
  { key: "adult.givenName", fieldClass: "IDENTITY", owner: "social-services", subject: "adult", path: () => ["adult", "givenName"], steward: none, current: true },
  { key: "adult.streetAddress", fieldClass: "LOCATION", owner: "social-services", subject: "adult", path: () => ["adult", "streetAddress"], steward: none, current: true },
  { key: "case.status", fieldClass: "STATUS", owner: "social-services", subject: "adult", path: (d, h) => ["adult", "cases", indexOf(d, "adult", "cases", h.caseId), "status"], steward: none, current: true, under: "adult.cases" , unit: SOCIAL },
  { key: "case.assessment", fieldClass: "CASE_DETAIL", owner: "social-services", subject: "adult", path: (d, h) => ["adult", "cases", indexOf(d, "adult", "cases", h.caseId), "assessment"], steward: none, current: true, under: "adult.cases" , unit: SOCIAL },
  { key: "application.urgency", fieldClass: "HOUSING", owner: "housing", subject: "adult", path: row("adult", "housingApplications", "urgency", (h) => h.applicationId), steward: none, current: true, under: "adult.housingApplications" , unit: HOUSING },
  { key: "application.requestedArea", fieldClass: "LOCATION", owner: "housing", subject: "adult", path: row("adult", "housingApplications", "requestedArea", (h) => h.applicationId), steward: none, current: true, under: "adult.housingApplications" , unit: HOUSING },
  { key: "tenancy.status", fieldClass: "STATUS", owner: "housing", subject: "adult", path: (d, h) => ["adult", "tenancies", indexOf(d, "adult", "tenancies", h.activeTenancy), "status"], steward: () => "ho-3001", current: true, under: "adult.tenancies" , unit: HOUSING },
  { key: "activeTenancy.streetAddress", fieldClass: "LOCATION", owner: "housing", subject: "adult", path: (d, h) => ["adult", "tenancies", indexOf(d, "adult", "tenancies", h.activeTenancy), "streetAddress"], steward: () => "ho-3001", current: true, occupants: (h) => [h.adult, h.previousTenant], under: "adult.tenancies" , unit: HOUSING },
  { key: "endedTenancy.streetAddress", fieldClass: "LOCATION", owner: "housing", subject: "adult", path: (d, h) => ["adult", "tenancies", indexOf(d, "adult", "tenancies", h.endedTenancy), "streetAddress"], steward: none, current: false, occupants: (h) => [h.adult], under: "adult.tenancies" , unit: HOUSING, held: notAssumed },
  { key: "activeTenancy.landlord", fieldClass: "LOCATION", owner: "housing", subject: "adult", path: (d, h) => ["adult", "tenancies", indexOf(d, "adult", "tenancies", h.activeTenancy), "landlord"], steward: () => "ho-3001", current: true, occupants: (h) => [h.adult, h.previousTenant], under: "adult.tenancies" , unit: HOUSING },
  { key: "previousTenancy.streetAddress", fieldClass: "LOCATION", owner: "housing", subject: "previousTenant", path: (d, h) => ["previousTenant", "tenancies", indexOf(d, "previousTenant", "tenancies", h.previousTenantTenancy), "streetAddress"], steward: none, current: false, occupants: (h) => [h.adult, h.previousTenant], under: "previousTenant.tenancies" , unit: HOUSING },
  { key: "previousTenancy.landlord", fieldClass: "LOCATION", owner: "housing", subject: "previousTenant", path: (d, h) => ["previousTenant", "tenancies", indexOf(d, "previousTenant", "tenancies", h.previousTenantTenancy), "landlord"], steward: none, current: false, occupants: (h) => [h.adult, h.previousTenant], under: "previousTenant.tenancies" , unit: HOUSING },
  { key: "incident.category", fieldClass: "SAFETY", owner: "police-liaison", subject: "adult", path: row("adult", "incidents", "category", (h) => h.incident), steward: none, current: false, under: "adult.incidents" , unit: POLICE, held: notAssumed },
  { key: "incident.place", fieldClass: "LOCATION", owner: "police-liaison", subject: "adult", path: row("adult", "incidents", "place", (h) => h.incident), steward: none, current: false, under: "adult.incidents" , unit: POLICE, held: notAssumed },
  { key: "child.givenName", fieldClass: "IDENTITY", owner: "social-services", subject: "child", path: () => ["child", "givenName"], steward: none, current: true },
  { key: "child.streetAddress", fieldClass: "LOCATION", owner: "social-services", subject: "child", path: () => ["child", "streetAddress"], steward: none, current: true },
  { key: "childCase.concern", fieldClass: "CHILD", owner: "child-services", subject: "child", path: row("child", "childCases", "concern", (h) => h.childCase), steward: () => "cs-5001", current: true, under: "child.childCases" , unit: CHILD },
  { key: "placement.schoolName", fieldClass: "LOCATION", owner: "child-services", subject: "child", path: row("child", "schoolPlacements", "schoolName", (h) => h.placement), steward: () => "cs-5001", current: true, under: "child.schoolPlacements" , unit: CHILD },
  // The links: a record exists for an actor only if she may see what it says (its class).
  { key: "adult.cases", fieldClass: "STATUS", owner: "social-services", subject: "adult", path: () => ["adult", "cases"], steward: none, current: true },
  { key: "adult.housingApplications", fieldClass: "HOUSING", owner: "housing", subject: "adult", path: () => ["adult", "housingApplications"], steward: none, current: true },
  { key: "adult.tenancies", fieldClass: "HOUSING", owner: "housing", subject: "adult", path: () => ["adult", "tenancies"], steward: none, current: true },
  { key: "adult.incidents", fieldClass: "SAFETY", owner: "police-liaison", subject: "adult", path: () => ["adult", "incidents"], steward: none, current: true },
  { key: "child.childCases", fieldClass: "CHILD", owner: "child-services", subject: "child", path: () => ["child", "childCases"], steward: none, current: true },
  { key: "child.schoolPlacements", fieldClass: "CHILD", owner: "child-services", subject: "child", path: () => ["child", "schoolPlacements"], steward: none, current: true },
  { key: "previousTenant.tenancies", fieldClass: "HOUSING", owner: "housing", subject: "previousTenant", path: () => ["previousTenant", "tenancies"], steward: none, current: true },
];
