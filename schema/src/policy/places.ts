import { type ProtectionLevel, stricterLevel } from "../protection.js";
import type { SubjectFacts } from "./facts.js";
import { householdLevel } from "./relations.js";

/**
 * Protection follows the place, not only the person (DESIGN.md, invariant 10).
 *
 * A place is somewhere a person lives, stays or is regularly found. Its identifying fields are
 * every field that, alone or joined with another record, tells which place it is: they are all
 * LOCATION, so they follow the level that governs the place, not only the level of the person
 * the record is about. The place's level is the strictest LOCATION level of everyone the hub
 * knows to live or have lived there (see `placeLevelOf`), with a floor for places that are secret
 * by nature.
 *
 * - A flat is occupied by one household at a time, and its tenancies follow each other: an
 *   earlier or later tenancy of the same flat is joinable to hers by landlord, rooms and dates.
 *   So every tenancy of a flat where a protected person lives or lived takes her level for its
 *   identifying fields.
 * - A shelter (skyddat boende) is secret whoever is placed there.
 * - A school, a Barnahus meeting room and an incident's place are shared by many: no record of
 *   another person can be joined to hers, because on her record every field that names the
 *   place is LOCATION under her household's level; the other records name the place, not her.
 */
export const PLACES = {
  flat: {
    identifiedBy: ["Tenancy.streetAddress", "Tenancy.postalCode", "Tenancy.city", "Tenancy.landlord", "Tenancy.rooms"],
    occupants: "every tenant of the flat, past and present, with their households",
    floor: "NONE",
  },
  shelter: {
    identifiedBy: ["Case.shelterPlacement"],
    occupants: "whoever is placed there; the place is secret by nature",
    floor: "PROTECTED_REGISTRATION",
  },
  school: {
    identifiedBy: ["SchoolPlacement.schoolName", "SchoolPlacement.municipality"],
    occupants: "the child of the placement only: a school is shared by many, and joins nothing",
    floor: "NONE",
  },
  meetingPlace: {
    identifiedBy: ["BarnahusConsultation.location", "BarnahusConsultation.heldAt"],
    occupants: "the child of the consultation only",
    floor: "NONE",
  },
  incidentPlace: {
    identifiedBy: ["Incident.place"],
    occupants: "the person the incident is about only",
    floor: "NONE",
  },
} as const satisfies Record<string, { identifiedBy: readonly string[]; occupants: string; floor: ProtectionLevel }>;
export type PlaceKind = keyof typeof PLACES;

/**
 * The level of a place: the strictest household level of everyone who lives or lived there, and
 * at least the kind's floor. One occupant whose facts are unknown makes the place unknown (null):
 * fail closed.
 */
export function placeLevelOf(kind: PlaceKind, occupants: readonly (SubjectFacts | undefined)[]): ProtectionLevel | null {
  let level: ProtectionLevel = PLACES[kind].floor;
  for (const occupant of occupants) {
    const household = occupant ? householdLevel(occupant) : null;
    if (household === null) return null;
    level = stricterLevel(level, household);
  }
  return level;
}

/** The places as a Markdown table; the README embeds this output verbatim. */
export function placesMarkdown(): string {
  const rows = Object.entries(PLACES).map(
    ([kind, place]) => `| ${kind} | ${place.identifiedBy.map((field) => `\`${field}\``).join(", ")} | ${place.occupants} | ${place.floor} |`,
  );
  return ["| place | identified by | whose level counts | floor |", "|---|---|---|---|", ...rows].join("\n");
}
