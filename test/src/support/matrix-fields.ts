import type { Agency, FieldClass } from "@skyddsnat/schema";
import type { Household } from "@skyddsnat/hub";

/** One query that touches a field of every class, for a household's adult and child. */
export const MATRIX_QUERY = `query Matrix($adult: ID!, $child: ID!) {
  adult: person(id: $adult) {
    id protectionLevel givenName streetAddress
    cases { id status assessment }
    housingApplications { id urgency requestedArea }
    tenancies { id status streetAddress }
    incidents { id category place }
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
  subject: "adult" | "child";
  /** Response path of the value, given the household (list items found by id). */
  path: (data: Record<string, unknown>, household: Household) => (string | number)[];
  /** The record's steward, as the subgraph computes it. */
  steward: (household: Household) => string | null;
}

const indexOf = (data: Record<string, unknown>, root: string, list: string, id: string | null) => {
  const items = ((data[root] as Record<string, unknown>)?.[list] ?? []) as { id: string }[];
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`${root}.${list} has no item ${id}`);
  return index;
};
const first = (root: string, list: string, field: string) => () => [root, list, 0, field];
const none = () => null;

export const MATRIX_FIELDS: MatrixField[] = [
  { key: "adult.id", fieldClass: "REFERENCE", owner: "social-services", subject: "adult", path: () => ["adult", "id"], steward: none },
  { key: "adult.protectionLevel", fieldClass: "PROTECTION", owner: "social-services", subject: "adult", path: () => ["adult", "protectionLevel"], steward: none },
  { key: "adult.givenName", fieldClass: "IDENTITY", owner: "social-services", subject: "adult", path: () => ["adult", "givenName"], steward: none },
  { key: "adult.streetAddress", fieldClass: "LOCATION", owner: "social-services", subject: "adult", path: () => ["adult", "streetAddress"], steward: none },
  { key: "case.status", fieldClass: "STATUS", owner: "social-services", subject: "adult", path: first("adult", "cases", "status"), steward: none },
  { key: "case.assessment", fieldClass: "CASE_DETAIL", owner: "social-services", subject: "adult", path: first("adult", "cases", "assessment"), steward: none },
  { key: "application.urgency", fieldClass: "HOUSING", owner: "housing", subject: "adult", path: first("adult", "housingApplications", "urgency"), steward: none },
  { key: "application.requestedArea", fieldClass: "LOCATION", owner: "housing", subject: "adult", path: first("adult", "housingApplications", "requestedArea"), steward: none },
  { key: "tenancy.status", fieldClass: "STATUS", owner: "housing", subject: "adult", path: (d, h) => ["adult", "tenancies", indexOf(d, "adult", "tenancies", h.activeTenancy), "status"], steward: () => "ho-3001" },
  { key: "activeTenancy.streetAddress", fieldClass: "LOCATION", owner: "housing", subject: "adult", path: (d, h) => ["adult", "tenancies", indexOf(d, "adult", "tenancies", h.activeTenancy), "streetAddress"], steward: () => "ho-3001" },
  { key: "endedTenancy.streetAddress", fieldClass: "LOCATION", owner: "housing", subject: "adult", path: (d, h) => ["adult", "tenancies", indexOf(d, "adult", "tenancies", h.endedTenancy), "streetAddress"], steward: none },
  { key: "incident.category", fieldClass: "SAFETY", owner: "police-liaison", subject: "adult", path: first("adult", "incidents", "category"), steward: none },
  { key: "incident.place", fieldClass: "LOCATION", owner: "police-liaison", subject: "adult", path: first("adult", "incidents", "place"), steward: none },
  { key: "child.givenName", fieldClass: "IDENTITY", owner: "social-services", subject: "child", path: () => ["child", "givenName"], steward: none },
  { key: "child.streetAddress", fieldClass: "LOCATION", owner: "social-services", subject: "child", path: () => ["child", "streetAddress"], steward: none },
  { key: "childCase.concern", fieldClass: "CHILD", owner: "child-services", subject: "child", path: first("child", "childCases", "concern"), steward: () => "cs-5001" },
  { key: "placement.schoolName", fieldClass: "LOCATION", owner: "child-services", subject: "child", path: first("child", "schoolPlacements", "schoolName"), steward: () => "cs-5001" },
];
