import type { Agency, Purpose, Role } from "../actor.js";
import type { FieldClass } from "../classification.js";
import type { ProtectionLevel } from "../protection.js";

/**
 * What the hub knows about one subject (a Person) when it decides. Social services owns these
 * facts and serves them to the gateway and the other subgraphs; decide() never fetches them.
 */
export interface SubjectFacts {
  id: string;
  /** null when the level could not be established (unknown person, facts unavailable). */
  protectionLevel: ProtectionLevel | null;
  /** Levels of the person's parents: a child's location follows the strictest of them. */
  parentLevels: ProtectionLevel[];
  /**
   * Active assignments on open cases of the subject or of a parent (the household's case), with
   * when each began (ISO time): a decision counts only those that began before its request did.
   */
  assignments: { staffId: string; role: Role; since: string }[];
  /** Consents of the subject or of a parent acting for the child; `recordedAt` as for assignments. */
  consents: {
    recipientAgency: Agency;
    purpose: Purpose;
    scope: FieldClass[];
    validFrom: string;
    validTo: string;
    revokedAt: string | null;
    recordedAt: string;
  }[];
}

/** Facts about the record the field belongs to (not the person). */
export interface RecordFacts {
  /** Staff member responsible for the record while it is current (tenancy administrator…). */
  stewardId: string | null;
  /** The agency whose subgraph owns the field. */
  ownerAgency: Agency | null;
  /**
   * Whether the record describes the present: the person herself, a tenancy in force, an open
   * case, a current placement. An emergency opens only the present, never a previous address.
   * Unknown counts as not current.
   */
  current: boolean;
  /**
   * The level of the place the record names (places.ts), over everyone who lives or lived there;
   * absent when the record names no place; null when it could not be established (fail closed).
   */
  placeLevel?: ProtectionLevel | null;
  /**
   * The staff who take part in the record (an appointment's participants): a record that names
   * participants shows its LOCATION to them only (rules.ts). Absent when the record names none.
   */
  participants?: readonly string[];
}

/** Facts for a subject the hub could not look up: deny by default follows from the null level. */
export function unknownSubject(id: string): SubjectFacts {
  return { id, protectionLevel: null, parentLevels: [], assignments: [], consents: [] };
}

/**
 * Whose data is protected, for the audit trail and for fail-closed release: a person whose own
 * level or a parent's is anything but NONE, or whose level is unknown.
 */
export function isProtectedSubject(facts: SubjectFacts | undefined): boolean {
  if (!facts || facts.protectionLevel === null) return true;
  return facts.protectionLevel !== "NONE" || facts.parentLevels.some((level) => level !== "NONE");
}
