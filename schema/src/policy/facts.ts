import type { Actor, Agency, Purpose, Role } from "../actor.js";
import { knowsFormerIdentities } from "./identities.js";
import type { FieldClass } from "../classification.js";
import type { ProtectionLevel } from "../protection.js";

/** How a consent was given (OSL 12 kap.: the hub records it, so a reviewer can check it). */
export const CONSENT_FORMS = ["WRITTEN", "ORAL", "DIGITAL"] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/**
 * A consent (samtycke) recorded on a subject: to a named unit of an agency, for one purpose, for
 * some classes of data; `givenBy` is the person who gave it — the subject herself, or for a child
 * one of her custodians (vårdnadshavare). relations.ts decides which of them count.
 */
export interface ConsentFact {
  recipientAgency: Agency;
  /** The unit (or staff group) the consent names: it opens data to that unit only. */
  recipientUnit: string;
  purpose: Purpose;
  scope: FieldClass[];
  validFrom: string;
  validTo: string;
  revokedAt: string | null;
  /** When it was recorded (ISO time): a decision counts only consents recorded before its request began. */
  recordedAt: string;
  /** Person id of who gave it. */
  givenBy: string;
  form: ConsentForm;
}

/**
 * What the hub knows about one subject (a Person) when it decides. Social services owns these
 * facts and serves them to the gateway and the other subgraphs; decide() never fetches them.
 */
export interface SubjectFacts {
  id: string;
  /** null when the level could not be established (unknown person, facts unavailable). */
  protectionLevel: ProtectionLevel | null;
  /**
   * Levels of everyone she lives with now (co-residents, in both directions): where she lives
   * reveals where they live, so her location follows the strictest of them.
   */
  householdLevels: ProtectionLevel[];
  /**
   * Active assignments on open cases of the subject or of a custodian she lives with (the
   * household's case) — never of a threat person — with when each began (ISO time): a decision
   * counts only those that began before its request did. The unit is the case's unit.
   */
  assignments: { staffId: string; role: Role; since: string }[];
  /** Units whose open cases concern her or the household (a team lead handles her unit's cases). */
  caseUnits: string[];
  /** Consents recorded on the subject: her own, or for a child a custodian's on her behalf. */
  consents: ConsentFact[];
  /** Her custodians (vårdnadshavare); `threat` when one is a threat person to her household. */
  custodians: { personId: string; threat: boolean }[];
  /** Date of birth (ISO date), for a child's say in her own consent; null when not known. */
  birthDate: string | null;
  /**
   * The records of a former identity after an assumed identity was decided: quarantined, read
   * only by the police's personal-security role (rules.ts); to everyone else they do not exist.
   */
  quarantined: boolean;
}

/** Facts about the record the field belongs to (not the person). */
export interface RecordFacts {
  /** Staff member responsible for the record while it is current (tenancy administrator…). */
  stewardId: string | null;
  /** The agency whose subgraph owns the field. */
  ownerAgency: Agency | null;
  /**
   * The unit of that agency that holds the record (the case's, the tenancy's…): own-agency
   * access is the unit's. Absent or null: no unit's (fail closed).
   */
  ownerUnit?: string | null;
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
  return {
    id,
    protectionLevel: null,
    householdLevels: [],
    assignments: [],
    caseUnits: [],
    consents: [],
    custodians: [],
    birthDate: null,
    quarantined: false,
  };
}

/**
 * Whether a person exists for this actor when she names one in a write or a request: her level
 * is known, and she is no former identity — which exists for the police's personal-security
 * unit alone, so to everyone else a quarantined id answers exactly like an unknown one.
 */
export function existsFor(actor: Pick<Actor, "role">, facts: SubjectFacts | undefined): facts is SubjectFacts {
  return facts !== undefined && facts.protectionLevel !== null && (!facts.quarantined || knowsFormerIdentities(actor));
}

/**
 * Whose data is protected: a person whose own level or a co-resident's is anything but NONE, or
 * whose level is unknown.
 */
export function isProtectedSubject(facts: SubjectFacts | undefined): boolean {
  if (!facts || facts.protectionLevel === null) return true;
  return facts.protectionLevel !== "NONE" || facts.householdLevels.some((level) => level !== "NONE");
}
