import type { Agency, Role } from "@skyddsnat/schema";

/**
 * The demo staff directory: who works where, in which role. Tokens name a staff id (`sub`); the
 * seed's assignments, tenancies, child cases and reports refer to these ids, so the access tests
 * can pick "the social secretary on her case" and "a social secretary who is not".
 * The names are invented.
 */
export interface StaffMember {
  id: string;
  name: string;
  agency: Agency;
  role: Role;
  title: string;
  /**
   * The unit she works in (token claim `unit`): need to know inside an agency is the unit's. Two
   * municipalities (Malmö, Lund), so "own agency" and "own unit" differ in the demo data.
   */
  unit: string;
}

const member = (id: string, name: string, agency: Agency, role: Role, title: string, unit: string): StaffMember =>
  Object.freeze({ id, name, agency, role, title, unit });

/**
 * Ids carry a role prefix and a number block per role (ss-1xxx, cp-2xxx, ho-3xxx, pl-4xxx,
 * cs-5xxx, au-6xxx, tl-7xxx, pr-8xxx, ps-91xx). Unlike person ids they may be readable: a staff id says which desk acted,
 * cs-5xxx, au-6xxx, tl-7xxx, pr-8xxx, oc-9xxx). Unlike person ids they may be readable: a staff id says which desk acted,
 * which is exactly what an audit record needs, and reveals nothing about any client.
 */
export const STAFF: readonly StaffMember[] = Object.freeze([
  member("ss-1001", "Karin Holm", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, våld i nära relation", "social-services/malmo-vald"),
  member("ss-1002", "Mattias Ek", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, våld i nära relation", "social-services/malmo-vald"),
  member("ss-1003", "Amira Said", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, ekonomiskt bistånd", "social-services/malmo-ekonomi"),
  member("ss-1004", "Petra Lund", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, mottagning vuxen", "social-services/malmo-mottagning"),
  member("ss-1005", "Jelena Marković", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, avhopparverksamhet", "social-services/lund-avhopp"),
  member("cp-2001", "Lena Berg", "social-services", "CONTACT_PERSON", "Kontaktperson, våld i nära relation", "social-services/malmo-vald"),
  member("cp-2002", "Omar Nasser", "social-services", "CONTACT_PERSON", "Kontaktperson", "social-services/malmo-mottagning"),
  member("cp-2003", "Sofia Strand", "social-services", "CONTACT_PERSON", "Kontaktperson", "social-services/malmo-ekonomi"),
  member("cp-2004", "Birgitta Ås", "social-services", "CONTACT_PERSON", "Kontaktperson, efter skyddat boende", "social-services/malmo-vald"),
  member("ho-3001", "Jonas Ahl", "housing", "HOUSING_OFFICER", "Bostadshandläggare, genomgångslägenheter", "housing/malmo"),
  member("ho-3002", "Elin Dahl", "housing", "HOUSING_OFFICER", "Bostadshandläggare, genomgångslägenheter", "housing/malmo"),
  member("ho-3003", "Fredrik Sund", "housing", "HOUSING_OFFICER", "Bostadshandläggare, bostadssociala kontrakt", "housing/lund"),
  member("ho-3004", "Aylin Demir", "housing", "HOUSING_OFFICER", "Bostadssamordnare", "housing/lund"),
  member("pl-4001", "Therese Wall", "police-liaison", "POLICE_LIAISON", "Samverkanspolis, Koncept Karin", "police-liaison/malmo"),
  member("pl-4002", "Niklas Bro", "police-liaison", "POLICE_LIAISON", "Samverkanspolis, brottsofferenheten", "police-liaison/malmo"),
  member("pl-4003", "Maria Kask", "police-liaison", "POLICE_LIAISON", "Personsäkerhetshandläggare", "police-liaison/lund"),
  member("pl-4004", "Erik Sandell", "police-liaison", "POLICE_LIAISON", "Utredare, relationsvåld", "police-liaison/malmo"),
  member("cs-5001", "Hanna Vik", "child-services", "CHILD_SERVICES_OFFICER", "Socialsekreterare, barn och familj", "child-services/malmo-bou"),
  member("cs-5002", "Ali Rahimi", "child-services", "CHILD_SERVICES_OFFICER", "Barnahus-samordnare", "child-services/malmo-bou"),
  member("cs-5003", "Ida Norén", "child-services", "CHILD_SERVICES_OFFICER", "Socialsekreterare, barn och familj", "child-services/malmo-bou"),
  member("cs-5004", "Tove Lindahl", "child-services", "CHILD_SERVICES_OFFICER", "Barnsekreterare, utredning", "child-services/lund"),
  member("au-6001", "Marie Falk", "audit", "AUDITOR", "Loggranskare", "audit/skane"),
  member("au-6002", "Peter Lind", "audit", "AUDITOR", "Dataskyddsombud", "audit/skane"),
  member("au-6003", "Gunilla Roos", "audit", "AUDITOR", "Informationssäkerhetssamordnare", "audit/skane"),
  member("tl-7001", "Annika Westin", "social-services", "TEAM_LEAD", "Enhetschef, våld i nära relation", "social-services/malmo-vald"),
  member("tl-7002", "Henrik Olsson", "social-services", "TEAM_LEAD", "Arbetsledare, mottagning vuxen", "social-services/malmo-mottagning"),
  member("tl-7003", "Sara Lindqvist", "social-services", "TEAM_LEAD", "Arbetsledare, ekonomiskt bistånd", "social-services/malmo-ekonomi"),
  // The police's personal-security unit: the one desk that reads a former identity's quarantine.
  member("ps-9101", "Linnea Carlsson", "police-liaison", "PERSONAL_SECURITY", "Personsäkerhetsverksamheten, fingerade personuppgifter", "police-liaison/personsakerhet-syd"),
  // A machine client, not a person: the integration that carries the Tax Agency's levels.
  member("pr-8001", "Folkbokföringsaviseringen", "population-register", "POPULATION_REGISTER", "Integration med folkbokföringen (Skatteverket)", "population-register/skatteverket"),
  member("oc-9001", "Camilla Berglund", "social-services", "SOCIAL_ON_CALL", "Socialjouren, jourhavande socialsekreterare", "social-services/malmo-socialjour"),
  member("oc-9002", "Daniel Forsberg", "social-services", "SOCIAL_ON_CALL", "Socialjouren, jourhavande socialsekreterare", "social-services/malmo-socialjour"),
  member("oc-9003", "Ulrika Nyström", "social-services", "SOCIAL_ON_CALL", "Socialjouren, jourchef", "social-services/malmo-socialjour"),
]);

/** Staff ids of one role, in directory order: what the population builder spreads work over. */
export function staffIdsOf(role: Role): string[] {
  return STAFF.filter((s) => s.role === role).map((s) => s.id);
}

/**
 * Two or three ids per role (the one population-register client) for the README and the start-up banner (generated from this, so the
 * docs cannot drift). The scenario households are assigned to ss-1001, cp-2001, ho-3001 and
 * cs-5001 (ho-3002 administered their ended tenancies); the other ids are strangers to them.
 */
export const DEMO_STAFF: Readonly<Record<Role, readonly string[]>> = Object.freeze({
  SOCIAL_SECRETARY: ["ss-1001", "ss-1002", "ss-1003"],
  CONTACT_PERSON: ["cp-2001", "cp-2002"],
  HOUSING_OFFICER: ["ho-3001", "ho-3002"],
  POLICE_LIAISON: ["pl-4001", "pl-4002"],
  CHILD_SERVICES_OFFICER: ["cs-5001", "cs-5002"],
  AUDITOR: ["au-6001", "au-6002"],
  TEAM_LEAD: ["tl-7001", "tl-7002"],
  POPULATION_REGISTER: ["pr-8001"],
  PERSONAL_SECURITY: ["ps-9101"],
  SOCIAL_ON_CALL: ["oc-9001", "oc-9002"],
});

/** The unit of a staff member of the directory; undefined for an id it does not know. */
export function unitOf(staffId: string): string | undefined {
  return STAFF.find((s) => s.id === staffId)?.unit;
}

/** The unit of a member the seed's records name: every record is held by its officer's unit. */
export function unitOfMember(staffId: string): string {
  const unit = unitOf(staffId);
  if (unit === undefined) throw new Error(`seed: ${staffId} is not in the staff directory`);
  return unit;
}
