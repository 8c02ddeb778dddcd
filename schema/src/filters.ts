/**
 * Which classified field each filter argument of a list matches on, by the list's root field.
 * A filter that matches on a field asks about that field: the subgraph admits only rows whose
 * field the actor could see (PolicyContext.admitOn), and the gateway records, for every
 * protected person a filtered list returned, an access to that field (finding a person by where
 * she lives is an access to where she lives). Arguments not named here (an id, a staff member's
 * own assignments) match on no classified field of the row.
 */
export const FILTERED_FIELDS = {
  // No protection-level filter: a list of the protected is a directory no one may have (issue 19).
  persons: { name: "Person.givenName", residenceMunicipality: "Person.residenceMunicipality" },
  cases: { status: "Case.status", type: "Case.type", assignedTo: "Case.status" },
  housingApplications: { requestedArea: "HousingApplication.requestedArea", status: "HousingApplication.status", urgency: "HousingApplication.urgency" },
  tenancies: { status: "Tenancy.status" },
  incidents: { category: "Incident.category", occurredFrom: "Incident.occurredAt", occurredTo: "Incident.occurredAt" },
  restrainingOrders: { activeOn: "RestrainingOrder.active" },
  threatAssessments: { level: "ThreatAssessment.level" },
  childCases: { concern: "ChildCase.concern", status: "ChildCase.status", officerId: "ChildCase.status" },
  schoolPlacements: { municipality: "SchoolPlacement.municipality", kind: "SchoolPlacement.kind" },
} as const satisfies Record<string, Record<string, string>>;

export type FilteredList = keyof typeof FILTERED_FIELDS;

/** The distinct classified fields a list's filter matches on, for the arguments it sets. */
export function filteredFields(list: string, filter: object | null | undefined): string[] {
  const fields: Record<string, string> | undefined = (FILTERED_FIELDS as Record<string, Record<string, string>>)[list];
  if (!fields || !filter) return [];
  const set = Object.entries(filter).filter(([, value]) => value !== null && value !== undefined);
  return [...new Set(set.flatMap(([argument]) => (fields[argument] ? [fields[argument]] : [])))];
}

/** A protected person a filter matched and its subgraph then excluded, by the field it matched on. */
export interface FilterExclusion {
  field: string;
  subjectId: string;
}

/**
 * The response extension a subgraph reports its filter exclusions in. Only the gateway reads it
 * (subgraphs answer nobody else), and it removes it before anything reaches the caller.
 */
export const FILTER_EXCLUSIONS_EXTENSION = "skyddsnatFilterExclusions";

/** Exclusions read back from a subgraph's response extensions; anything malformed counts as none. */
export function filterExclusionsOf(extensions: Record<string, unknown> | undefined): FilterExclusion[] {
  const reported = extensions?.[FILTER_EXCLUSIONS_EXTENSION];
  if (!Array.isArray(reported)) return [];
  return reported.filter(
    (item): item is FilterExclusion =>
      typeof item === "object" && item !== null && typeof (item as FilterExclusion).field === "string" && typeof (item as FilterExclusion).subjectId === "string",
  );
}
