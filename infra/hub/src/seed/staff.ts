import type { Agency, Role } from "@skyddsnat/schema";

export interface StaffMember {
  id: string;
  name: string;
  agency: Agency;
  role: Role;
  title: string;
}

const member = (id: string, name: string, agency: Agency, role: Role, title: string): StaffMember => ({ id, name, agency, role, title });

/** The staff directory: who may hold a token from which agency's issuer, in which role. */
export const STAFF: readonly StaffMember[] = [
  member("ss-1001", "Karin Holm", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, våld i nära relation"),
  member("ss-1002", "Mattias Ek", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, våld i nära relation"),
  member("ss-1003", "Amira Said", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, försörjningsstöd"),
  member("ss-1004", "Petra Lund", "social-services", "SOCIAL_SECRETARY", "Socialsekreterare, mottagning"),
  member("cp-2001", "Lena Berg", "social-services", "CONTACT_PERSON", "Kontaktperson"),
  member("cp-2002", "Omar Nasser", "social-services", "CONTACT_PERSON", "Kontaktperson"),
  member("cp-2003", "Sofia Strand", "social-services", "CONTACT_PERSON", "Kontaktperson"),
  member("ho-3001", "Jonas Ahl", "housing", "HOUSING_OFFICER", "Bostadshandläggare, genomgångslägenheter"),
  member("ho-3002", "Elin Dahl", "housing", "HOUSING_OFFICER", "Bostadshandläggare"),
  member("ho-3003", "Fredrik Sund", "housing", "HOUSING_OFFICER", "Bostadshandläggare"),
  member("pl-4001", "Therese Wall", "police-liaison", "POLICE_LIAISON", "Samverkanspolis, Koncept Karin"),
  member("pl-4002", "Niklas Bro", "police-liaison", "POLICE_LIAISON", "Samverkanspolis"),
  member("cs-5001", "Hanna Vik", "child-services", "CHILD_SERVICES_OFFICER", "Socialsekreterare, barn och familj"),
  member("cs-5002", "Ali Rahimi", "child-services", "CHILD_SERVICES_OFFICER", "Barnahus-samordnare"),
  member("cs-5003", "Ida Norén", "child-services", "CHILD_SERVICES_OFFICER", "Socialsekreterare, barn och familj"),
  member("au-6001", "Marie Falk", "audit", "AUDITOR", "Loggranskare"),
  member("au-6002", "Peter Lind", "audit", "AUDITOR", "Dataskyddsombud"),
];

/** A few ids per role for the README and the demo. */
export const DEMO_STAFF: Readonly<Record<Role, readonly string[]>> = {
  SOCIAL_SECRETARY: ["ss-1001", "ss-1002", "ss-1003"],
  CONTACT_PERSON: ["cp-2001", "cp-2002"],
  HOUSING_OFFICER: ["ho-3001", "ho-3002"],
  POLICE_LIAISON: ["pl-4001", "pl-4002"],
  CHILD_SERVICES_OFFICER: ["cs-5001", "cs-5002"],
  AUDITOR: ["au-6001", "au-6002"],
};
