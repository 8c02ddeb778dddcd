import type { ProtectionLevel } from "@skyddsnat/schema";
import { identityNumber } from "./identity-numbers.js";
import { derivedId } from "./derived-ids.js";
import { fictionPhone } from "./phones.js";
import { dayFromReference, momentFromReference } from "./random.js";
import { unitOf, unitOfMember } from "./staff.js";
import { type ConsentRow, emptyTables, type PersonRow, type SeedTables } from "./tables.js";
import { ASSESSMENTS, CHILD_NOTES, CONSULTATION_SUMMARIES, INCIDENT_DESCRIPTIONS, SHELTER_PLACEMENTS, THREAT_SUMMARIES } from "./texts.js";

/**
 * The named scenario households the access-matrix, leak and audit tests rely on. They are written
 * by hand and do not depend on the PRNG: whatever seed builds the population, these records and
 * their ids are the same, so a test can name "the adult with protected registration" by a
 * constant. Their ids look exactly like every other id (prefix + ten random base32 characters,
 * drawn once and pasted here): nothing in an id says which scenario, level or role it belongs to.
 *
 * Every full scenario has the same shape, so every row of the access matrix has something to
 * look at: one adult client and one child living together (one household), the adult the child's
 * custodian; an OPEN social-services case with the social secretary and the contact person
 * assigned, and the scenario's housing, police and child officers as members of her coordinated
 * plan (SIP); three consents of hers to named units (valid, revoked, expired) and the child's
 * custodial consent given by her; a housing
 * application; an ACTIVE tenancy and an ENDED one (the "previous address"); an incident; a
 * restraining order against a restrained person (level NONE); a threat assessment; and for the
 * child an OPEN child case with a school or preschool placement and a Barnahus consultation.
 *
 * Two scenarios differ in shape (issue 19): PROTECTED_REGISTRATION is the common case — the child
 * in joint custody with the restrained father, who lives elsewhere, is a threat person to them
 * (ThreatRelation from the restraining order) and has his own open case with his own secretary
 * (ss-1003); ASSUMED_IDENTITY's adult is the new identity with only new records, while a
 * quarantined former identity carries the previous tenancy, the incident and the restraining order.
 *
 * The personal data (names, addresses, phones, schools) is unique to the scenarios — the random
 * population never draws it — so a leak test can search a response for the value itself.
 */

/** The staff the scenario households are tied to; everyone else in STAFF is a stranger to them. */
export const SCENARIO_STAFF = Object.freeze({
  /** Social secretary assigned on every scenario's open case. */
  socialSecretary: "ss-1001",
  /** Contact person assigned on every scenario's open case. */
  contactPerson: "cp-2001",
  /** Handles every scenario's housing application and administers the active tenancy. */
  housingOfficer: "ho-3001",
  /** Administered the ended tenancies (the previous addresses). */
  previousHousingOfficer: "ho-3002",
  /** Officer on every scenario child's open child case. */
  childServicesOfficer: "cs-5001",
  /** Reported the incidents and made the threat assessments. */
  policeLiaison: "pl-4001",
  /** Assigned only on the closed case of the closedCase scenario. */
  closedCaseSocialSecretary: "ss-1002",
  /**
   * The restrained father's own social secretary (PROTECTED_REGISTRATION: the joint-custody
   * household), in another unit: his case reaches nothing of the mother's or the children's.
   */
  threatPersonsSocialSecretary: "ss-1003",
} as const);

/**
 * Ids of one full scenario household. Every id is opaque. (Named `Household` because the hub's
 * package entry exports it under that name; `ScenarioHousehold` is an alias.)
 */
export interface Household {
  /** The adult's protection level. */
  adultLevel: ProtectionLevel;
  /** The child's own protection level (equal to the adult's except in inheritedChild). */
  childLevel: ProtectionLevel;
  /** Person id of the adult client. */
  adult: string;
  /** Person id of the child. */
  child: string;
  /** The household's children: just [child]. */
  children: readonly [string];
  /** Person id of the restrained person (kontaktförbud), an adult with level NONE. */
  restrainedPerson: string;
  /** The adult's OPEN social-services case (PROTECTION_AND_SUPPORT). */
  caseId: string;
  /**
   * Assignment ids on that case: social services' own staff, and the other agencies' officers who
   * are members of her coordinated plan (SIP) — so they handle her (know whom and how).
   */
  assignments: { socialSecretary: string; contactPerson: string; housingOfficer: string; policeLiaison: string; childServicesOfficer: string };
  /**
   * An upcoming meeting on that case, the social secretary and the contact person taking part: at
   * the social-services office (for NONE a home visit, which no instruction forbids there).
   */
  appointment: string;
  /**
   * The adult's consents, all for COORDINATED_SUPPORT: `valid` to social-services covering
   * STATUS, HOUSING, SAFETY, CHILD, LOCATION; `revoked` to housing covering STATUS, HOUSING;
   * `expired` to police-liaison covering SAFETY, LOCATION.
   */
  consentIds: {
    valid: string;
    revoked: string;
    expired: string;
    /** The child's consent given by the adult as custodian, to the same unit and scope as `valid`. */
    custodial: string;
    /** The child's own consent beside the custodial one, where she is 12 or older (else null). */
    childOwn: string | null;
  };
  /**
   * The child's custody: SOLE (the adult) or, in the common case (PROTECTED_REGISTRATION), JOINT
   * with the restrained father, who does not live with them and is a threat person to them.
   */
  custody: "SOLE" | "JOINT";
  /** The restrained person is the child's father and joint custodian (PROTECTED_REGISTRATION). */
  restrainedIsCustodian: boolean;
  /** The restrained father's own OPEN case, ss-1003 assigned (null where he has none). */
  restrainedCase: { caseId: string; assignment: string } | null;
  /** The household the adult and the child live in (co-residence). */
  householdId: string;
  /** The threat relation: restrainedPerson is a threat to the adult (or her former identity), from the restraining order. */
  threatRelation: string;
  /**
   * ASSUMED_IDENTITY only: the Person she was before the assumed identity, quarantined. It carries
   * the old records — endedTenancy (her previous address), the incident and the restraining order
   * (whose restrained person knows the old identity) — and nothing links it to `adult`.
   */
  formerIdentity: string | null;
  /** Housing application (handler ho-3001, status HOUSED). */
  applicationId: string;
  /** The transitional flat she lives in now (its address is her home address). */
  activeFlat: string;
  /** ACTIVE tenancy of activeFlat, administered by ho-3001. */
  activeTenancy: string;
  /** The flat she lived in before, in another municipality. */
  endedFlat: string;
  /** ENDED tenancy of endedFlat, administered by ho-3002: her previous address. */
  endedTenancy: string;
  /** Who rented activeFlat before her: an adult with level NONE and no case. */
  previousTenant: string;
  /**
   * The previous tenant's ENDED tenancy of activeFlat, administered by ho-3002: an unprotected
   * record of the place where she lives now, so its address is hers (protection follows the place).
   */
  previousTenantTenancy: string;
  /** An incident (THREAT) with a place. */
  incident: string;
  /** The restraining order protecting the adult against restrainedPerson, valid now. */
  restrainingOrder: string;
  /** A threat assessment of the adult. */
  threatAssessment: string;
  /** The child's OPEN child case, officer cs-5001. */
  childCase: string;
  /** The child's school or preschool placement under childCase. */
  placement: string;
  /** A Barnahus consultation under childCase. */
  consultation: string;
}

export type ScenarioHousehold = Household;

/** The scenario for "assigned on an OPEN case". */
export interface ClosedCaseScenario {
  adultLevel: ProtectionLevel;
  /** Person id of the adult client. */
  adult: string;
  /** She has no children in the data; present so every scenario can be iterated alike. */
  children: readonly [];
  /** No restraining order; present so every scenario can be iterated alike. */
  restrainedPerson: null;
  /** Her CLOSED case; ss-1002 is assigned on it and on nothing else of hers. */
  closedCaseId: string;
  /**
   * ss-1002's assignment on the closed case. Deliberately not ended (endedAt null): the only
   * thing that should deny ss-1002 is that the case is closed, not that the assignment ended.
   */
  closedCaseAssignment: string;
  /** Her current OPEN case, with ss-1001 and cp-2001 assigned. */
  openCaseId: string;
  openCaseAssignments: { socialSecretary: string; contactPerson: string };
}

export interface Scenarios {
  NONE: Household;
  CONFIDENTIALITY_MARKED: Household;
  PROTECTED_REGISTRATION: Household;
  ASSUMED_IDENTITY: Household;
  /** Adult PROTECTED_REGISTRATION, child NONE: the child's location must follow the parent's level. */
  inheritedChild: Household;
  closedCase: ClosedCaseScenario;
}

type FullScenarioName = Exclude<keyof Scenarios, "closedCase">;

/** The ids added with households, custody and the coordinated plan (issue 19). */
interface HouseholdExtras {
  sip: readonly [housingOfficer: string, policeLiaison: string, childServicesOfficer: string];
  custodialConsent: string;
  childOwnConsent?: string;
  /** PROTECTED_REGISTRATION: the restrained father's case and his secretary's assignment on it. */
  fatherCase?: readonly [caseId: string, assignment: string];
  formerIdentity?: string;
}

const household = (
  adultLevel: ProtectionLevel,
  childLevel: ProtectionLevel,
  ids: readonly [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string],
  previous: readonly [tenant: string, tenancy: string],
  appointment: string,
  extras: HouseholdExtras,
): Household => {
  const [adult, child, restrained, caseId, ss, cp, valid, revoked, expired, app, activeFlat, activeTenancy, endedFlat, endedTenancy, incident, order, threat, childCase, placement, consultation] = ids;
  const [ho, pl, cs] = extras.sip;
  return Object.freeze({
    adultLevel,
    childLevel,
    adult: `per_${adult}`,
    child: `per_${child}`,
    children: Object.freeze([`per_${child}`]) as readonly [string],
    restrainedPerson: `per_${restrained}`,
    caseId: `cas_${caseId}`,
    assignments: Object.freeze({
      socialSecretary: `asg_${ss}`,
      contactPerson: `asg_${cp}`,
      housingOfficer: `asg_${ho}`,
      policeLiaison: `asg_${pl}`,
      childServicesOfficer: `asg_${cs}`,
    }),
    appointment: `apt_${appointment}`,
    consentIds: Object.freeze({
      valid: `con_${valid}`,
      revoked: `con_${revoked}`,
      expired: `con_${expired}`,
      custodial: `con_${extras.custodialConsent}`,
      childOwn: extras.childOwnConsent ? `con_${extras.childOwnConsent}` : null,
    }),
    custody: extras.fatherCase ? "JOINT" : "SOLE",
    restrainedIsCustodian: extras.fatherCase !== undefined,
    restrainedCase: extras.fatherCase ? Object.freeze({ caseId: `cas_${extras.fatherCase[0]}`, assignment: `asg_${extras.fatherCase[1]}` }) : null,
    householdId: derivedId("hou", `per_${adult}`),
    threatRelation: derivedId("thr", `per_${restrained}`, `ord_${order}`),
    formerIdentity: extras.formerIdentity ? `per_${extras.formerIdentity}` : null,
    applicationId: `app_${app}`,
    activeFlat: `flt_${activeFlat}`,
    activeTenancy: `ten_${activeTenancy}`,
    endedFlat: `flt_${endedFlat}`,
    endedTenancy: `ten_${endedTenancy}`,
    previousTenant: `per_${previous[0]}`,
    previousTenantTenancy: `ten_${previous[1]}`,
    incident: `inc_${incident}`,
    restrainingOrder: `ord_${order}`,
    threatAssessment: `thr_${threat}`,
    childCase: `chc_${childCase}`,
    placement: `plc_${placement}`,
    consultation: `bhc_${consultation}`,
  });
};

// The id bodies were drawn once from a CSPRNG and pasted; their order in each list is the
// parameter order of household() above, nothing more.
export const SCENARIOS: Readonly<Scenarios> = Object.freeze({
  NONE: household("NONE", "NONE", [
    "h2ihzoipw4", "qvqx5hjbz7", "kfzawifigg", "rlp6kodx4o", "62uhrhz77q", "h4cyghqict", "l6s5xhc7tf", "oqa6uem4hz", "bkm7gtxske", "z3xtpolned",
    "nqos7xnlyb", "tcajvqu62l", "45jr54z3u6", "nzuh2paqjy", "djk33oihlj", "3xs6kygwv6", "dtketzkhtm", "uhakwylios", "apt7owhe7a", "nzkalc6msq",
  ], ["qyyul5632j", "q4fo7kryjl"], "26xkiyo62t", { sip: ["whtpifz4jj", "d7y3ygljyo", "ahl2qzjt7r"], custodialConsent: "5jo7llaray" }),
  CONFIDENTIALITY_MARKED: household("CONFIDENTIALITY_MARKED", "CONFIDENTIALITY_MARKED", [
    "dbhzz4vp2d", "vk3qtsoav6", "5nlzsrlqzo", "2y256z73ti", "dluufzu2fa", "eneyss5wnn", "e5slaygfcq", "zrlorttbcu", "ugztn3cxzz", "33saumxx63",
    "6wlyq7wbhq", "liwc2drbrt", "f2vakfrtuv", "uk6mqel7dv", "o5majjbxrp", "fphxsul6by", "auvburmdpm", "zyo3xdsq5s", "yxbohymxoz", "j57kww6liz",
  ], ["2hwuyiojja", "bkjowzz2r7"], "y5qd32tf3m", { sip: ["b22tf7dnf7", "lneeyvgmvj", "4m7gnt4ouo"], custodialConsent: "47q6yff4ql" }),
  PROTECTED_REGISTRATION: household("PROTECTED_REGISTRATION", "PROTECTED_REGISTRATION", [
    "obtibhzqfn", "trkty23ma7", "yuahcfbzxu", "lcklmpmhdw", "3u3deqopr4", "pcza4m4ltt", "onfyivbjng", "fmh4boj62u", "rlnbcq64cn", "uesw7kejql",
    "w2cwjgbral", "yraidihmbu", "4vcgi3nryy", "gzqwipknnw", "n3wxxgyrik", "j5qjzc66cm", "bky5bepqxb", "ms3tok442s", "4eox2sh4wl", "w7bdcyx2k7",
  ], ["3qy2mqpdgo", "m6y6abofc5"], "sqxnkogrom", {
    sip: ["ud4l2vix7y", "iqsai2i7d4", "75nkscl6qw"],
    custodialConsent: "ny2k6rcy3w",
    fatherCase: ["g7letfupy2", "ib7u5bv7ko"],
  }),
  ASSUMED_IDENTITY: household("ASSUMED_IDENTITY", "ASSUMED_IDENTITY", [
    "lbindk6u6b", "eqnto3qizd", "3wnbw42w4c", "2juiu3ud7i", "uesiglglda", "gimcthnqyp", "uk2gdnyufl", "3h33oxaqlr", "yncwn353gh", "tjfzlf6c6y",
    "rzr6rnavzk", "lejq7ikov4", "y2yxdztvq7", "hj2xlx77rw", "hqnqbvrl7j", "5l6znh2c3m", "o3mpmawmhn", "nhstfie4v4", "ojmvgw5pks", "4okbri4bky",
  ], ["abmdvaannp", "7rg5ztuxdl"], "cslutm54rw", {
    sip: ["3ia4fzymle", "wvknsbeete", "b7c63hcot5"],
    custodialConsent: "i5jjptwkf2",
    childOwnConsent: "m5ylhvivaa",
    formerIdentity: "ozpi3l7meu",
  }),
  inheritedChild: household("PROTECTED_REGISTRATION", "NONE", [
    "2igf5zz3fy", "7ub24p4q22", "77cza6gvvh", "oiqpj56pcr", "bqoup74yex", "4nyw3vvn4c", "fm6kthfx2a", "w3rs7473pw", "yoqins6h5m", "vwhp4sal62",
    "5e3ebhkpwt", "uutd3bazaf", "fx3bmba7b4", "t6og6tqj4p", "sjk6vto5la", "snlvecni46", "jgrt5iwy4a", "tgwg5eqlq6", "l6agmkke5s", "7oni6du6kl",
  ], ["zw6l53okvr", "25rlbjrxup"], "hvuiwc6tgc", { sip: ["yabc577wim", "o5gxngn3ka", "smpmpr6dvj"], custodialConsent: "lll3ypeehn" }),
  closedCase: Object.freeze({
    adultLevel: "PROTECTED_REGISTRATION",
    adult: "per_kvb6viecgu",
    children: Object.freeze([]) as readonly [],
    restrainedPerson: null,
    closedCaseId: "cas_ivjxb4vk7w",
    closedCaseAssignment: "asg_gd33bcrnkw",
    openCaseId: "cas_5cln4hbqka",
    openCaseAssignments: Object.freeze({ socialSecretary: "asg_zkyyf45oio", contactPerson: "asg_gcg6rvox6g" }),
  }),
});

export const FULL_SCENARIO_NAMES: readonly FullScenarioName[] = [
  "NONE",
  "CONFIDENTIALITY_MARKED",
  "PROTECTED_REGISTRATION",
  "ASSUMED_IDENTITY",
  "inheritedChild",
];

// ---------------------------------------------------------------------------------------------
// The hand-written personal data behind the ids.

interface Address {
  street: string;
  postalCode: string;
  city: string;
}

interface PersonData {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Birth number in the synthetic block 980–999; even for women, odd for men. */
  serial: number;
}

interface ScenarioData {
  adult: PersonData & { phone: number };
  /** Where the household lives (and the active flat's address). */
  home: Address;
  /** Where the adult and child are registered; differs from home.city for protected registration. */
  registeredMunicipality: string;
  child: PersonData & { placement: "PRESCHOOL" | "SCHOOL"; schoolName: string };
  previousHome: Address;
  restrained: PersonData & { home: Address };
  /** Rented the household's home flat before them; lives elsewhere now. */
  previousTenant: PersonData & { home: Address };
  restrainingOrderKind: "BASIC" | "EXTENDED" | "SPECIAL_EXTENDED" | "WITHIN_HOUSEHOLD";
  threatLevel: "LOW" | "MODERATE" | "HIGH" | "SEVERE";
  childConcern: "WITNESSED_VIOLENCE" | "DIRECT_VIOLENCE" | "SUPPORT_AFTER_RELOCATION";
  /** Shifts the scenario's dates by a few days, so the households are not identical in time. */
  shift: number;
  /** ASSUMED_IDENTITY: who she was before (name, birth, number), registered at previousHome. */
  former?: PersonData;
}

/**
 * Where each scenario's meeting is held: an office of the agency wherever the person is
 * protected (a home visit or a place near home is forbidden there), a home visit for NONE. The
 * rooms are unique to the scenarios, so a leak test can search a response for them.
 */
const MEETINGS: Record<FullScenarioName, { kind: "OFFICE_OF_AGENCY" | "HOME_VISIT"; place: string }> = {
  NONE: { kind: "HOME_VISIT", place: "" },
  CONFIDENTIALITY_MARKED: { kind: "OFFICE_OF_AGENCY", place: "Socialkontoret, samtalsrum Hassel" },
  PROTECTED_REGISTRATION: { kind: "OFFICE_OF_AGENCY", place: "Socialkontoret, samtalsrum Rönn" },
  ASSUMED_IDENTITY: { kind: "OFFICE_OF_AGENCY", place: "Socialkontoret, samtalsrum Asp" },
  inheritedChild: { kind: "OFFICE_OF_AGENCY", place: "Socialkontoret, samtalsrum Lönn" },
};

// Streets, schools and phone numbers below are not in the random pools (places.ts, phones.ts
// hand the population builder only numbers these do not use).
const DATA: Record<FullScenarioName, ScenarioData> = {
  NONE: {
    adult: { givenName: "Maria", familyName: "Sundqvist", birthDate: "1986-04-17", serial: 982, phone: 17 },
    home: { street: "Körsbärsvägen 7", postalCode: "803 24", city: "Gävle" },
    registeredMunicipality: "Gävle",
    child: { givenName: "Alva", familyName: "Sundqvist", birthDate: "2019-08-02", serial: 984, placement: "SCHOOL", schoolName: "Klöverängsskolan" },
    previousHome: { street: "Vävaregatan 21", postalCode: "504 31", city: "Borås" },
    restrained: { givenName: "Robert", familyName: "Mattsson", birthDate: "1983-11-29", serial: 981, home: { street: "Tegelbruksgatan 2", postalCode: "753 19", city: "Uppsala" } },
    previousTenant: { givenName: "Tomas", familyName: "Lindqvist", birthDate: "1975-03-14", serial: 980, home: { street: "Kvarngärdesgatan 14", postalCode: "802 51", city: "Gävle" } },
    restrainingOrderKind: "BASIC",
    threatLevel: "MODERATE",
    childConcern: "WITNESSED_VIOLENCE",
    shift: 0,
  },
  CONFIDENTIALITY_MARKED: {
    adult: { givenName: "Leyla", familyName: "Demirci", birthDate: "1991-01-23", serial: 986, phone: 38 },
    home: { street: "Klövervägen 3", postalCode: "226 47", city: "Lund" },
    registeredMunicipality: "Lund",
    child: { givenName: "Noah", familyName: "Demirci", birthDate: "2022-02-10", serial: 983, placement: "PRESCHOOL", schoolName: "Förskolan Pärlugglan" },
    previousHome: { street: "Pilbäcksvägen 4", postalCode: "215 52", city: "Malmö" },
    restrained: { givenName: "Henrik", familyName: "Blom", birthDate: "1988-06-05", serial: 985, home: { street: "Kopparslagaregatan 19", postalCode: "416 63", city: "Göteborg" } },
    previousTenant: { givenName: "Elin", familyName: "Forsberg", birthDate: "1990-08-21", serial: 997, home: { street: "Vinkelgatan 8", postalCode: "222 27", city: "Lund" } },
    restrainingOrderKind: "EXTENDED",
    threatLevel: "HIGH",
    childConcern: "SUPPORT_AFTER_RELOCATION",
    shift: 3,
  },
  PROTECTED_REGISTRATION: {
    adult: { givenName: "Josefin", familyName: "Wikström", birthDate: "1989-09-12", serial: 988, phone: 51 },
    home: { street: "Gjutargatan 9", postalCode: "702 27", city: "Örebro" },
    registeredMunicipality: "Uppsala",
    child: { givenName: "Saga", familyName: "Wikström", birthDate: "2017-05-23", serial: 990, placement: "SCHOOL", schoolName: "Mossbackeskolan" },
    previousHome: { street: "Linvävaregatan 5", postalCode: "603 36", city: "Norrköping" },
    restrained: { givenName: "Kristoffer", familyName: "Engström", birthDate: "1985-02-14", serial: 987, home: { street: "Snickargränd 11", postalCode: "724 62", city: "Västerås" } },
    previousTenant: { givenName: "Oskar", familyName: "Hedlund", birthDate: "1982-12-03", serial: 998, home: { street: "Bergslagsvägen 17", postalCode: "703 61", city: "Örebro" } },
    restrainingOrderKind: "EXTENDED",
    threatLevel: "HIGH",
    childConcern: "WITNESSED_VIOLENCE",
    shift: 5,
  },
  ASSUMED_IDENTITY: {
    adult: { givenName: "Annika", familyName: "Håkansson", birthDate: "1984-07-30", serial: 992, phone: 64 },
    home: { street: "Humlegårdsvägen 11", postalCode: "903 38", city: "Umeå" },
    registeredMunicipality: "Sundsvall",
    child: { givenName: "Isak", familyName: "Håkansson", birthDate: "2014-09-30", serial: 989, placement: "SCHOOL", schoolName: "Stensötaskolan" },
    previousHome: { street: "Bryggerigatan 8", postalCode: "554 47", city: "Jönköping" },
    restrained: { givenName: "Joakim", familyName: "Öberg", birthDate: "1980-03-08", serial: 991, home: { street: "Garvaregatan 30", postalCode: "212 15", city: "Malmö" } },
    previousTenant: { givenName: "Karin", familyName: "Norling", birthDate: "1968-06-09", serial: 999, home: { street: "Renmarksvägen 5", postalCode: "907 42", city: "Umeå" } },
    restrainingOrderKind: "SPECIAL_EXTENDED",
    threatLevel: "SEVERE",
    childConcern: "DIRECT_VIOLENCE",
    shift: 8,
    // A new identity shares nothing with the old: not the name, the birth date or the number.
    former: { givenName: "Camilla", familyName: "Ekdahl", birthDate: "1983-02-19", serial: 990 },
  },
  inheritedChild: {
    adult: { givenName: "Frida", familyName: "Nyberg", birthDate: "1993-12-01", serial: 994, phone: 72 },
    home: { street: "Sjömansgatan 6", postalCode: "414 63", city: "Göteborg" },
    registeredMunicipality: "Alingsås",
    child: { givenName: "Elias", familyName: "Nyberg", birthDate: "2020-12-12", serial: 993, placement: "PRESCHOOL", schoolName: "Förskolan Kotten" },
    previousHome: { street: "Repslagaregatan 12", postalCode: "506 30", city: "Borås" },
    restrained: { givenName: "Marcus", familyName: "Lundgren", birthDate: "1990-10-19", serial: 995, home: { street: "Mästargatan 4", postalCode: "805 95", city: "Gävle" } },
    previousTenant: { givenName: "Viktor", familyName: "Almqvist", birthDate: "1995-01-27", serial: 980, home: { street: "Stigbergsliden 22", postalCode: "414 58", city: "Göteborg" } },
    restrainingOrderKind: "WITHIN_HOUSEHOLD",
    threatLevel: "HIGH",
    childConcern: "WITNESSED_VIOLENCE",
    shift: 11,
  },
};

const CLOSED_CASE_DATA = {
  adult: { givenName: "Madeleine", familyName: "Sjöberg", birthDate: "1979-05-06", serial: 996, phone: 86 } satisfies PersonData & { phone: number },
  home: { street: "Tullportsgatan 15", postalCode: "118 53", city: "Stockholm" } satisfies Address,
  registeredMunicipality: "Örebro",
};

const utcDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** An adult outside the household with no protection, registered where she lives (the restrained person, a previous tenant). */
const unprotectedAdult = (id: string, person: PersonData & { home: Address }, createdAt: Date) => ({
  id,
  identityNumber: identityNumber(utcDay(person.birthDate), person.serial),
  givenName: person.givenName,
  familyName: person.familyName,
  birthDate: utcDay(person.birthDate),
  protectionLevel: "NONE" as const,
  streetAddress: person.home.street,
  postalCode: person.home.postalCode,
  city: person.home.city,
  phone: null,
  registeredMunicipality: person.home.city,
  residenceMunicipality: person.home.city,
  createdAt,
});

/** The unit the scenarios' valid consents (and the children's) name: the secretary's and the contact person's. */
const VALID_CONSENT_UNIT = unitOf(SCENARIO_STAFF.socialSecretary) as string;

/** A consent on the child, given by `givenBy` (her custodian, or she herself), like the adult's valid one. */
const childConsent = (id: string, childId: string, givenBy: string, s: number): ConsentRow => ({
  id,
  personId: childId,
  recipientAgency: "social_services",
  recipientUnit: VALID_CONSENT_UNIT,
  givenBy,
  form: "DIGITAL",
  purpose: "COORDINATED_SUPPORT",
  scope: ["STATUS", "HOUSING", "SAFETY", "CHILD", "LOCATION"],
  validFrom: momentFromReference(-137 - s, 10, 0),
  validTo: momentFromReference(730, 0, 0),
  revokedAt: null,
  recordedBy: SCENARIO_STAFF.contactPerson,
  createdAt: momentFromReference(-137 - s, 10, 0),
});

/**
 * The Person she was before the assumed identity: quarantined since the police decided the new
 * one. She lived at her previous address then (the ended tenancy says so); the person row keeps no
 * address of its own (she lives nowhere under this identity now), and was registered under
 * protected registration in another municipality, as before the new identity.
 */
const formerIdentity = (id: string, person: PersonData, home: Address, s: number): PersonRow => ({
  id,
  identityNumber: identityNumber(utcDay(person.birthDate), person.serial),
  givenName: person.givenName,
  familyName: person.familyName,
  birthDate: utcDay(person.birthDate),
  protectionLevel: "PROTECTED_REGISTRATION",
  streetAddress: null,
  postalCode: null,
  city: null,
  phone: null,
  registeredMunicipality: FORMER_REGISTRATION,
  residenceMunicipality: home.city,
  createdAt: momentFromReference(-1200 - s, 9, 0),
  quarantinedAt: momentFromReference(-420 - s, 12, 0),
});

/** Where the former identity was registered under protected registration: not where she lived. */
const FORMER_REGISTRATION = "Växjö";

/** The restrained father's own open case (ekonomiskt bistånd), his own secretary on it, in her unit. */
function restrainedFathersCase(ss: SeedTables["socialServices"], fatherId: string, ids: { caseId: string; assignment: string }, s: number): void {
  const secretary = SCENARIO_STAFF.threatPersonsSocialSecretary;
  ss.cases.push({
    id: ids.caseId,
    personId: fatherId,
    type: "ECONOMIC_ASSISTANCE",
    status: "OPEN",
    openedAt: momentFromReference(-90 - s, 10, 0),
    closedAt: null,
    assessment: ASSESSMENTS.ECONOMIC_ASSISTANCE[0],
    shelterPlacement: null,
    ownerId: secretary,
    unit: unitOf(secretary) as string,
  });
  ss.assignments.push({ id: ids.assignment, caseId: ids.caseId, staffId: secretary, role: "SOCIAL_SECRETARY", assignedAt: momentFromReference(-90 - s, 11, 0), endedAt: null });
}

/**
 * The scenario rows. Pure and constant: called once per population build, it returns fresh
 * objects each time so a caller may not mutate the next build's data through them.
 */
export function scenarioTables(): SeedTables {
  const t = emptyTables();
  const ss = t.socialServices;
  for (const name of FULL_SCENARIO_NAMES) {
    const ids = SCENARIOS[name];
    const d = DATA[name];
    const s = d.shift;
    const created = momentFromReference(-400 - s, 9, 12);

    ss.persons.push(
      {
        id: ids.adult,
        identityNumber: identityNumber(utcDay(d.adult.birthDate), d.adult.serial),
        givenName: d.adult.givenName,
        familyName: d.adult.familyName,
        birthDate: utcDay(d.adult.birthDate),
        protectionLevel: ids.adultLevel,
        streetAddress: d.home.street,
        postalCode: d.home.postalCode,
        city: d.home.city,
        phone: fictionPhone(d.adult.phone),
        registeredMunicipality: d.registeredMunicipality,
        residenceMunicipality: d.home.city,
        createdAt: created,
      },
      {
        id: ids.child,
        identityNumber: identityNumber(utcDay(d.child.birthDate), d.child.serial),
        givenName: d.child.givenName,
        familyName: d.child.familyName,
        birthDate: utcDay(d.child.birthDate),
        protectionLevel: ids.childLevel,
        streetAddress: d.home.street,
        postalCode: d.home.postalCode,
        city: d.home.city,
        phone: null,
        // A child is registered with the parent: for inheritedChild that keeps the child's own
        // registration from naming the parent's real municipality.
        registeredMunicipality: d.registeredMunicipality,
        residenceMunicipality: d.home.city,
        createdAt: created,
      },
      unprotectedAdult(ids.restrainedPerson, d.restrained, momentFromReference(-95 - s, 14, 3)),
      unprotectedAdult(ids.previousTenant, d.previousTenant, momentFromReference(-500 - s, 10, 41)),
    );
    if (ids.formerIdentity && d.former) ss.persons.push(formerIdentity(ids.formerIdentity, d.former, d.previousHome, s));
    // The adult and the child live together; the father (where he is the custodian) does not.
    ss.households.push({ id: ids.householdId, createdAt: created });
    for (const personId of [ids.adult, ids.child]) {
      ss.householdMemberships.push({ id: derivedId("hom", ids.householdId, personId), householdId: ids.householdId, personId, since: created, endedAt: null });
    }
    ss.custodies.push({ childId: ids.child, custodianId: ids.adult, kind: ids.custody, since: utcDay(d.child.birthDate) });
    if (ids.restrainedIsCustodian) ss.custodies.push({ childId: ids.child, custodianId: ids.restrainedPerson, kind: "JOINT", since: utcDay(d.child.birthDate) });
    // The restrained person threatens her (for an assumed identity: the former identity he knows).
    ss.threatRelations.push({
      id: ids.threatRelation,
      protectedId: ids.formerIdentity ?? ids.adult,
      threatId: ids.restrainedPerson,
      source: "RESTRAINING_ORDER",
      since: momentFromReference(-60 - s, 0, 0),
      endedAt: null,
    });
    if (ids.restrainedCase) restrainedFathersCase(ss, ids.restrainedPerson, ids.restrainedCase, s);

    const openedAt = momentFromReference(-150 - s, 10, 30);
    ss.cases.push({
      id: ids.caseId,
      personId: ids.adult,
      type: "PROTECTION_AND_SUPPORT",
      status: "OPEN",
      openedAt,
      closedAt: null,
      assessment: ASSESSMENTS.PROTECTION_AND_SUPPORT[0],
      shelterPlacement: SHELTER_PLACEMENTS[0],
      ownerId: SCENARIO_STAFF.socialSecretary,
      unit: unitOf(SCENARIO_STAFF.socialSecretary) as string,
    });
    ss.assignments.push(
      {
        id: ids.assignments.socialSecretary,
        caseId: ids.caseId,
        staffId: SCENARIO_STAFF.socialSecretary,
        role: "SOCIAL_SECRETARY",
        assignedAt: momentFromReference(-150 - s, 11, 0),
        endedAt: null,
      },
      {
        id: ids.assignments.contactPerson,
        caseId: ids.caseId,
        staffId: SCENARIO_STAFF.contactPerson,
        role: "CONTACT_PERSON",
        assignedAt: momentFromReference(-140 - s, 13, 15),
        endedAt: null,
      },
      // Her coordinated plan (SIP): the other agencies' officers who work with her.
      ...(
        [
          [ids.assignments.housingOfficer, SCENARIO_STAFF.housingOfficer, "HOUSING_OFFICER"],
          [ids.assignments.policeLiaison, SCENARIO_STAFF.policeLiaison, "POLICE_LIAISON"],
          [ids.assignments.childServicesOfficer, SCENARIO_STAFF.childServicesOfficer, "CHILD_SERVICES_OFFICER"],
        ] as const
      ).map(([id, staffId, role], i) => ({ id, caseId: ids.caseId, staffId, role, assignedAt: momentFromReference(-135 - s + i, 10, 0), endedAt: null })),
    );
    const meeting = MEETINGS[name];
    ss.appointments.push({
      id: ids.appointment,
      caseId: ids.caseId,
      organisingAgency: "social_services",
      startsAt: momentFromReference(60 + s, 10, 0),
      endsAt: momentFromReference(60 + s, 11, 0),
      place: meeting.kind === "HOME_VISIT" ? d.home.street : meeting.place,
      placeKind: meeting.kind,
      createdBy: SCENARIO_STAFF.socialSecretary,
      createdAt: momentFromReference(-10 - s, 9, 0),
    });
    ss.appointmentParticipants.push(
      { appointmentId: ids.appointment, staffId: SCENARIO_STAFF.socialSecretary },
      { appointmentId: ids.appointment, staffId: SCENARIO_STAFF.contactPerson },
    );
    ss.consents.push(
      {
        id: ids.consentIds.valid,
        personId: ids.adult,
        recipientAgency: "social_services",
        recipientUnit: VALID_CONSENT_UNIT,
        givenBy: ids.adult,
        form: "WRITTEN",
        purpose: "COORDINATED_SUPPORT",
        scope: ["STATUS", "HOUSING", "SAFETY", "CHILD", "LOCATION"],
        // Valid well past the reference date, so it also covers the real date tests run on.
        validFrom: momentFromReference(-138 - s, 10, 0),
        validTo: momentFromReference(730, 0, 0),
        revokedAt: null,
        recordedBy: SCENARIO_STAFF.contactPerson,
        createdAt: momentFromReference(-138 - s, 10, 0),
      },
      {
        id: ids.consentIds.revoked,
        personId: ids.adult,
        recipientAgency: "housing",
        recipientUnit: unitOf(SCENARIO_STAFF.housingOfficer) as string,
        givenBy: ids.adult,
        form: "WRITTEN",
        purpose: "COORDINATED_SUPPORT",
        scope: ["STATUS", "HOUSING"],
        validFrom: momentFromReference(-138 - s, 10, 5),
        validTo: momentFromReference(365, 0, 0),
        revokedAt: momentFromReference(-21 - s, 15, 40),
        recordedBy: SCENARIO_STAFF.contactPerson,
        createdAt: momentFromReference(-138 - s, 10, 5),
      },
      {
        id: ids.consentIds.expired,
        personId: ids.adult,
        recipientAgency: "police_liaison",
        recipientUnit: unitOf(SCENARIO_STAFF.policeLiaison) as string,
        givenBy: ids.adult,
        form: "ORAL",
        purpose: "COORDINATED_SUPPORT",
        scope: ["SAFETY", "LOCATION"],
        validFrom: momentFromReference(-400 - s, 9, 30),
        validTo: momentFromReference(-35 - s, 0, 0),
        revokedAt: null,
        recordedBy: SCENARIO_STAFF.socialSecretary,
        createdAt: momentFromReference(-400 - s, 9, 30),
      },
      // For the child, her custodian's consent (the mother's: a father who is a threat person
      // neither needs to consent nor counts), and from 12 the child's own beside it.
      childConsent(ids.consentIds.custodial, ids.child, ids.adult, s),
      ...(ids.consentIds.childOwn ? [childConsent(ids.consentIds.childOwn, ids.child, ids.child, s)] : []),
    );

    t.housing.applications.push({
      id: ids.applicationId,
      personId: ids.adult,
      urgency: "HIGH",
      requestedArea: d.home.city,
      householdSize: 2,
      status: "HOUSED",
      submittedAt: momentFromReference(-146 - s, 9, 45),
      decidedAt: momentFromReference(-128 - s, 14, 0),
      handlerId: SCENARIO_STAFF.housingOfficer,
      unit: unitOfMember(SCENARIO_STAFF.housingOfficer),
    });
    t.housing.flats.push(
      { id: ids.activeFlat, streetAddress: d.home.street, postalCode: d.home.postalCode, city: d.home.city, rooms: 2, landlord: "Kommunhem Bostäder AB" },
      { id: ids.endedFlat, streetAddress: d.previousHome.street, postalCode: d.previousHome.postalCode, city: d.previousHome.city, rooms: 3, landlord: "Hemtrygg Bostads AB" },
    );
    t.housing.tenancies.push(
      {
        id: ids.endedTenancy,
        personId: ids.formerIdentity ?? ids.adult,
        flatId: ids.endedFlat,
        administratorId: SCENARIO_STAFF.previousHousingOfficer,
        unit: unitOfMember(SCENARIO_STAFF.previousHousingOfficer),
        status: "ENDED",
        startsOn: dayFromReference(-720 - s),
        endsOn: dayFromReference(-190 - s),
      },
      {
        id: ids.activeTenancy,
        personId: ids.adult,
        flatId: ids.activeFlat,
        administratorId: SCENARIO_STAFF.housingOfficer,
        unit: unitOfMember(SCENARIO_STAFF.housingOfficer),
        status: "ACTIVE",
        startsOn: dayFromReference(-120 - s),
        endsOn: null,
      },
      {
        id: ids.previousTenantTenancy,
        personId: ids.previousTenant,
        flatId: ids.activeFlat,
        administratorId: SCENARIO_STAFF.previousHousingOfficer,
        unit: unitOfMember(SCENARIO_STAFF.previousHousingOfficer),
        status: "ENDED",
        startsOn: dayFromReference(-480 - s),
        endsOn: dayFromReference(-126 - s),
      },
    );

    t.policeLiaison.incidents.push({
      id: ids.incident,
      // An assumed identity's incidents are the former identity's, where she lived then.
      personId: ids.formerIdentity ?? ids.adult,
      occurredAt: momentFromReference(-45 - s, 21, 10),
      category: "THREAT",
      place: `Utanför bostaden, ${(ids.formerIdentity ? d.previousHome : d.home).street.replace(/ \d+$/, "")}, ${(ids.formerIdentity ? d.previousHome : d.home).city}`,
      description: INCIDENT_DESCRIPTIONS.THREAT[0],
      reportedBy: SCENARIO_STAFF.policeLiaison,
      unit: unitOfMember(SCENARIO_STAFF.policeLiaison),
      createdAt: momentFromReference(-44 - s, 8, 20),
    });
    t.policeLiaison.restrainingOrders.push({
      id: ids.restrainingOrder,
      protectedPersonId: ids.formerIdentity ?? ids.adult,
      restrainedPersonId: ids.restrainedPerson,
      kind: d.restrainingOrderKind,
      // A kontaktförbud runs for at most a year; this one covers the reference date and beyond.
      validFrom: momentFromReference(-60 - s, 0, 0),
      validTo: momentFromReference(305 - s, 0, 0),
      // No officer of its own: held by the unit of the household's police liaison.
      unit: unitOfMember(SCENARIO_STAFF.policeLiaison),
    });
    t.policeLiaison.threatAssessments.push({
      id: ids.threatAssessment,
      personId: ids.adult,
      level: d.threatLevel,
      assessedAt: momentFromReference(-30 - s, 13, 0),
      summary: THREAT_SUMMARIES[d.threatLevel][0],
      assessorId: SCENARIO_STAFF.policeLiaison,
      unit: unitOfMember(SCENARIO_STAFF.policeLiaison),
    });

    t.childServices.childCases.push({
      id: ids.childCase,
      childId: ids.child,
      status: "OPEN",
      concern: d.childConcern,
      openedAt: momentFromReference(-100 - s, 10, 0),
      closedAt: null,
      officerId: SCENARIO_STAFF.childServicesOfficer,
      unit: unitOfMember(SCENARIO_STAFF.childServicesOfficer),
      notes: CHILD_NOTES[d.childConcern][0],
    });
    t.childServices.placements.push({
      id: ids.placement,
      childCaseId: ids.childCase,
      childId: ids.child,
      kind: d.child.placement,
      schoolName: d.child.schoolName,
      // The school is where the family lives: the placement reveals the parent's location.
      municipality: d.home.city,
      startsOn: dayFromReference(-90 - s),
      endsOn: null,
      unit: unitOfMember(SCENARIO_STAFF.childServicesOfficer),
    });
    t.childServices.consultations.push({
      id: ids.consultation,
      childCaseId: ids.childCase,
      heldAt: momentFromReference(-20 - s, 9, 30),
      location: `Barnahus ${d.home.city}, samtalsrum 2`,
      summary: CONSULTATION_SUMMARIES[0],
    });
  }

  // closedCase: an earlier, closed case with ss-1002 still on it, and a current open case.
  const c = SCENARIOS.closedCase;
  const d = CLOSED_CASE_DATA;
  ss.persons.push({
    id: c.adult,
    identityNumber: identityNumber(utcDay(d.adult.birthDate), d.adult.serial),
    givenName: d.adult.givenName,
    familyName: d.adult.familyName,
    birthDate: utcDay(d.adult.birthDate),
    protectionLevel: c.adultLevel,
    streetAddress: d.home.street,
    postalCode: d.home.postalCode,
    city: d.home.city,
    phone: fictionPhone(d.adult.phone),
    registeredMunicipality: d.registeredMunicipality,
    residenceMunicipality: d.home.city,
    createdAt: momentFromReference(-900, 10, 0),
  });
  ss.cases.push(
    {
      id: c.closedCaseId,
      personId: c.adult,
      type: "SHELTER_FOLLOW_UP",
      status: "CLOSED",
      openedAt: momentFromReference(-880, 9, 0),
      closedAt: momentFromReference(-500, 16, 0),
      assessment: ASSESSMENTS.SHELTER_FOLLOW_UP[1],
      shelterPlacement: SHELTER_PLACEMENTS[3],
      ownerId: SCENARIO_STAFF.closedCaseSocialSecretary,
      unit: unitOf(SCENARIO_STAFF.closedCaseSocialSecretary) as string,
    },
    {
      id: c.openCaseId,
      personId: c.adult,
      type: "PROTECTION_AND_SUPPORT",
      status: "OPEN",
      openedAt: momentFromReference(-80, 10, 0),
      closedAt: null,
      assessment: ASSESSMENTS.PROTECTION_AND_SUPPORT[1],
      shelterPlacement: null,
      ownerId: SCENARIO_STAFF.socialSecretary,
      unit: unitOf(SCENARIO_STAFF.socialSecretary) as string,
    },
  );
  ss.assignments.push(
    {
      id: c.closedCaseAssignment,
      caseId: c.closedCaseId,
      staffId: SCENARIO_STAFF.closedCaseSocialSecretary,
      role: "SOCIAL_SECRETARY",
      assignedAt: momentFromReference(-879, 11, 0),
      endedAt: null,
    },
    {
      id: c.openCaseAssignments.socialSecretary,
      caseId: c.openCaseId,
      staffId: SCENARIO_STAFF.socialSecretary,
      role: "SOCIAL_SECRETARY",
      assignedAt: momentFromReference(-80, 11, 0),
      endedAt: null,
    },
    {
      id: c.openCaseAssignments.contactPerson,
      caseId: c.openCaseId,
      staffId: SCENARIO_STAFF.contactPerson,
      role: "CONTACT_PERSON",
      assignedAt: momentFromReference(-75, 10, 0),
      endedAt: null,
    },
  );
  return t;
}

/** Scenario phone numbers (last two digits), which the random population must not reuse. */
export const SCENARIO_PHONE_DIGITS: readonly number[] = [...FULL_SCENARIO_NAMES.map((n) => DATA[n].adult.phone), CLOSED_CASE_DATA.adult.phone];
