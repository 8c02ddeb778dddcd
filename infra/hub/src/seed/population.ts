import type { ProtectionLevel } from "@skyddsnat/schema";
import { IdentityNumberAllocator } from "./identity-numbers.js";
import { givenNamesFor, FAMILY_NAMES, type Sex } from "./names.js";
import { FICTION_PHONES, fictionPhone } from "./phones.js";
import {
  BARNAHUS_ROOMS,
  INCIDENT_PLACE_KINDS,
  LANDLORDS,
  MUNICIPALITIES,
  MUNICIPALITY_NAMES,
  PRESCHOOLS,
  postalCode,
  SCHOOLS,
  STREETS,
  streetAddress,
} from "./places.js";
import { dayFromReference, momentFromReference, Random } from "./random.js";
import { FULL_SCENARIO_NAMES, type Household, SCENARIO_PHONE_DIGITS, SCENARIOS, scenarioTables } from "./scenarios.js";
import { derivedId } from "./derived-ids.js";
import { STAFF, type StaffMember, staffIdsOf, unitOf, unitOfMember } from "./staff.js";
import type { ConsentScope, FlatRow, PersonRow, RestrainingOrderRow, SeedTables } from "./tables.js";
import { ASSESSMENTS, CHILD_NOTES, CONSULTATION_SUMMARIES, INCIDENT_DESCRIPTIONS, SHELTER_PLACEMENTS, THREAT_SUMMARIES } from "./texts.js";

/**
 * The whole demo population: the rows of the four agency databases (scenarios first, then the
 * random population), the staff directory they refer to, and the scenario ids.
 */
export interface Population extends SeedTables {
  staff: readonly StaffMember[];
  /**
   * The same object as SCENARIOS: the hand-written households are identical for every seed.
   * Spelled out here with `Household` as its only named type (rather than as `Scenarios`): the
   * hub's package entry exports `Household`, so a package that infers this type through
   * `@skyddsnat/hub` can still name it in its declarations.
   */
  scenarios: {
    readonly NONE: Household;
    readonly CONFIDENTIALITY_MARKED: Household;
    readonly PROTECTED_REGISTRATION: Household;
    readonly ASSUMED_IDENTITY: Household;
    readonly inheritedChild: Household;
    readonly closedCase: {
      readonly adultLevel: ProtectionLevel;
      readonly adult: string;
      readonly children: readonly [];
      readonly restrainedPerson: null;
      readonly closedCaseId: string;
      readonly closedCaseAssignment: string;
      readonly openCaseId: string;
      readonly openCaseAssignments: { readonly socialSecretary: string; readonly contactPerson: string };
    };
  };
}

export const DEFAULT_SEED = 20261124;

/** The population must have at least this many persons; the builder aims a little higher. */
export const MIN_PERSONS = 200;
const TARGET_PERSONS = 220;
/**
 * The unit a random client's consent to another agency names: the first of that agency's units
 * in the directory (no random draw, so the population stays what it was).
 */
const FIRST_UNIT: Record<"housing" | "police_liaison" | "child_services", string> = {
  housing: STAFF.find((s) => s.agency === "housing")!.unit,
  police_liaison: STAFF.find((s) => s.agency === "police-liaison" && s.role === "POLICE_LIAISON")!.unit,
  child_services: STAFF.find((s) => s.agency === "child-services")!.unit,
};

/** Random client households before topping up to TARGET_PERSONS. */
const RANDOM_HOUSEHOLDS = 80;
/** Restrained persons in the random part (the five full scenarios bring five more: ~30). */
const RANDOM_RESTRAINED = 25;
/** Transitional flats that stand empty right now. */
const VACANT_FLATS = 8;

/** Shares of client adults per level, over scenarios and random households together. */
const LEVEL_SHARES: readonly (readonly [ProtectionLevel, number])[] = [
  ["NONE", 0.4],
  ["CONFIDENTIALITY_MARKED", 0.25],
  ["PROTECTED_REGISTRATION", 0.25],
  ["ASSUMED_IDENTITY", 0.1],
];

/** The largest SEED_SCALE: 100× the demo is ~22,000 persons, enough to show what grows with the data. */
export const MAX_SEED_SCALE = 100;

export interface PopulationOptions {
  /**
   * The random part's size as a multiple of the demo's (households, restrained persons, vacant
   * flats, the persons' target): 1 (the default) is the demo population, draw for draw; 10 and
   * 100 are for benchmarks that show what cost grows with the data. Identity numbers stay in the
   * synthetic block and phone numbers in the fiction range (which runs out: later persons have
   * none). The scenarios are the same at every scale.
   */
  scale?: number;
}

/**
 * Builds the population for a seed. Pure: no clock, no Math.random, no I/O; the same seed gives
 * a deep-equal (and JSON-identical) result every time. The scenario households do not depend on
 * the seed at all.
 */
export function buildPopulation(seed: number = DEFAULT_SEED, options: PopulationOptions = {}): Population {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SEED_SCALE) throw new RangeError(`seed scale must be a whole number from 1 to ${MAX_SEED_SCALE}, not ${scale}`);
  const tables = scenarioTables();
  new RandomPopulation(new Random(seed), tables, scale).generate();
  return { ...tables, staff: STAFF, scenarios: SCENARIOS };
}

interface Home {
  street: string;
  postalCode: string;
  city: string;
}

interface FreeFlat {
  flat: FlatRow;
  /** Days before the reference date from which the flat stands empty. */
  freeSinceDaysAgo: number;
}

/** A record as held by the unit of the staff member it names in `officer` (handler, administrator, reporter…). */
function heldByUnitOf<const T extends Record<K, string>, K extends keyof T>(row: T, officer: K): T & { unit: string } {
  return { ...row, unit: unitOfMember(row[officer]) };
}

const isProtectedRegistration = (level: ProtectionLevel) => level === "PROTECTED_REGISTRATION" || level === "ASSUMED_IDENTITY";
const iso = (d: Date) => d.toISOString().slice(0, 10);
const ageAtReference = (birth: Date) => {
  const ref = dayFromReference(0);
  let age = ref.getUTCFullYear() - birth.getUTCFullYear();
  if (ref.getUTCMonth() < birth.getUTCMonth() || (ref.getUTCMonth() === birth.getUTCMonth() && ref.getUTCDate() < birth.getUTCDate())) age -= 1;
  return age;
};

/** Appends the random population to tables that already hold the scenarios. */
class RandomPopulation {
  private readonly usedIds = new Set<string>();
  private readonly identityNumbers = new IdentityNumberAllocator();
  /** given|family|birth date of everyone: no two persons may look like the same person. */
  private readonly nameKeys = new Set<string>();
  /** street|city of every home and flat: no two households share an address by accident. */
  private readonly addresses = new Set<string>();
  /** Unused fictional numbers, handed out once each so a phone never links two households. */
  private readonly phones: string[];
  private readonly freeFlats: FreeFlat[] = [];

  private readonly socialSecretaries = staffIdsOf("SOCIAL_SECRETARY");
  private readonly contactPersons = staffIdsOf("CONTACT_PERSON");
  private readonly housingOfficers = staffIdsOf("HOUSING_OFFICER");
  private readonly policeLiaisons = staffIdsOf("POLICE_LIAISON");
  private readonly childOfficers = staffIdsOf("CHILD_SERVICES_OFFICER");

  constructor(
    private readonly r: Random,
    private readonly t: SeedTables,
    private readonly scale: number,
  ) {
    // Everything the scenarios use is taken before the first random draw.
    const ss = t.socialServices;
    for (const rows of [ss.persons, ss.cases, ss.assignments, ss.consents, t.housing.flats, t.housing.applications, t.housing.tenancies, t.policeLiaison.incidents, t.policeLiaison.restrainingOrders, t.policeLiaison.threatAssessments, t.childServices.childCases, t.childServices.placements, t.childServices.consultations]) {
      for (const row of rows) this.claimId(row.id);
    }
    for (const p of ss.persons) {
      this.identityNumbers.reserve(p.identityNumber);
      this.nameKeys.add(this.nameKey(p.givenName, p.familyName, new Date(p.birthDate)));
      if (p.streetAddress && p.city) this.addresses.add(`${p.streetAddress}|${p.city}`);
    }
    for (const f of t.housing.flats) this.addresses.add(`${f.streetAddress}|${f.city}`);
    const scenarioPhones = new Set(SCENARIO_PHONE_DIGITS.map(fictionPhone));
    this.phones = r.shuffle(FICTION_PHONES.filter((p) => !scenarioPhones.has(p)));
  }

  generate(): void {
    const levels = this.levelPlan(RANDOM_HOUSEHOLDS * this.scale);
    const withRestrained = new Set(this.r.sample([...levels.keys()], RANDOM_RESTRAINED * this.scale));
    for (const [i, level] of levels.entries()) this.household(level, withRestrained.has(i));
    // Top up (if the draws gave few children) until the population is large enough for paging
    // tests, keeping to the same shares.
    // The scenarios' previous tenants (of their home flats) stand outside that count, so the random
    // households stay what they were before the tenants were added.
    const previousTenants = FULL_SCENARIO_NAMES.length;
    while (this.t.socialServices.persons.length - previousTenants < TARGET_PERSONS * this.scale) this.household(this.r.weighted(LEVEL_SHARES), false);
    for (let i = 0; i < VACANT_FLATS * this.scale; i++) this.flat(this.newHome(this.r.pick(MUNICIPALITY_NAMES)));
  }

  /** Levels for the random households so that all client adults come out near LEVEL_SHARES. */
  private levelPlan(households: number): ProtectionLevel[] {
    const scenarioAdults = [SCENARIOS.NONE, SCENARIOS.CONFIDENTIALITY_MARKED, SCENARIOS.PROTECTED_REGISTRATION, SCENARIOS.ASSUMED_IDENTITY, SCENARIOS.inheritedChild, SCENARIOS.closedCase].map((s) => s.adultLevel);
    const total = households + scenarioAdults.length;
    const plan: ProtectionLevel[] = [];
    for (const [level, share] of LEVEL_SHARES) {
      if (level === "NONE") continue;
      const n = Math.max(0, Math.round(share * total) - scenarioAdults.filter((l) => l === level).length);
      for (let i = 0; i < n; i++) plan.push(level);
    }
    while (plan.length < households) plan.push("NONE");
    return this.r.shuffle(plan.slice(0, households));
  }

  // ---------------------------------------------------------------------------------------------

  private household(level: ProtectionLevel, restrained: boolean): void {
    const r = this.r;
    const { socialServices: ss, housing, policeLiaison: police, childServices: child } = this.t;

    const caseType = r.weighted([
      ["PROTECTION_AND_SUPPORT", 45],
      ["SHELTER_FOLLOW_UP", 25],
      ["ECONOMIC_ASSISTANCE", 20],
      ["EXIT_PROGRAMME", 10],
    ] as const);
    // Mostly women; the exit programme (avhopparverksamhet) also meets men.
    const sex: Sex = r.chance(caseType === "EXIT_PROGRAMME" ? 0.45 : 0.92) ? "F" : "M";
    const childCount = caseType === "EXIT_PROGRAMME" ? r.weighted([[0, 70], [1, 20], [2, 10]] as const) : r.weighted([[0, 25], [1, 35], [2, 25], [3, 15]] as const);
    const familyName = r.pick(FAMILY_NAMES);
    const adultAge = r.int(childCount > 0 ? 24 : 20, 58);
    /** Days since social services first met the client. */
    const firstContact = r.int(25, 1400);

    // Housing first: whether she lives in a transitional flat decides her address.
    const hasActiveTenancy = r.chance(0.38);
    const hasEndedTenancy = r.chance(hasActiveTenancy ? 0.35 : 0.18);
    const activeStartDaysAgo = r.int(10, Math.min(420, firstContact + 60));
    let home: Home;
    let activeFlatId: string | null = null;
    if (hasActiveTenancy) {
      const reusable = this.freeFlats.filter((f) => f.freeSinceDaysAgo > activeStartDaysAgo);
      if (reusable.length > 0 && r.chance(0.4)) {
        const free = r.pick(reusable);
        this.freeFlats.splice(this.freeFlats.indexOf(free), 1);
        activeFlatId = free.flat.id;
        home = { street: free.flat.streetAddress, postalCode: free.flat.postalCode, city: free.flat.city };
      } else {
        home = this.newHome(r.pick(MUNICIPALITY_NAMES));
        activeFlatId = this.flat(home);
      }
    } else {
      home = this.newHome(r.pick(MUNICIPALITY_NAMES));
    }
    // Protected registration: registered in another municipality than the one she lives in.
    // People with an assumed identity live under protected registration as well (their mail
    // also goes through the Tax Agency's forwarding service).
    const registered = isProtectedRegistration(level) ? r.pick(MUNICIPALITY_NAMES.filter((m) => m !== home.city)) : home.city;

    const adultDaysOld = adultAge * 365 + r.int(0, 364);
    const adultBirth = dayFromReference(-adultDaysOld);
    const adult = this.person({
      sex,
      child: false,
      familyName,
      birthDate: adultBirth,
      level,
      home,
      registered,
      phone: r.chance(0.85),
      createdDaysAgo: firstContact + r.int(0, 10),
    });
    const children: { id: string; birth: Date }[] = [];
    for (let i = 0; i < childCount; i++) {
      // The child was born when the parent was at least 19, and at least a month before "today".
      const birth = dayFromReference(-r.int(30, Math.min(17 * 365 + 364, adultDaysOld - 19 * 365)));
      const kid = this.person({
        sex: r.chance(0.5) ? "F" : "M",
        child: true,
        familyName,
        birthDate: birth,
        // Children follow the household's level.
        level,
        home,
        registered,
        phone: false,
        createdDaysAgo: firstContact + r.int(0, 10),
      });
      children.push({ id: kid.id, birth: new Date(kid.birthDate) });
    }
    this.livingTogether(adult, children.map((kid) => kid.id));

    // Social services: the main case, and for some long-known clients an earlier closed one
    // opened at the first contact.
    const earlierCase = firstContact > 600 && r.chance(0.3);
    if (earlierCase) this.socialCase(adult.id, r.pick(["PROTECTION_AND_SUPPORT", "SHELTER_FOLLOW_UP"] as const), false, firstContact);
    const mainOpen = r.chance(0.85);
    const mainOpenedDaysAgo = earlierCase ? r.int(20, firstContact - 200) : mainOpen ? Math.min(firstContact, r.int(20, 700)) : firstContact;
    const mainCase = this.socialCase(adult.id, caseType, mainOpen, mainOpenedDaysAgo);

    // Consents, in every state.
    const consentCount = r.weighted([[0, 20], [1, 30], [2, 30], [3, 15], [4, 5]] as const);
    for (const agency of r.sample(["social_services", "housing", "police_liaison", "child_services"] as const, consentCount)) {
      const state = r.weighted([["valid", 60], ["revoked", 20], ["expired", 20]] as const);
      const scope: ConsentScope = {
        social_services: ["STATUS", "HOUSING", "SAFETY", "CHILD", "LOCATION"] as ConsentScope,
        housing: (r.chance(0.3) ? ["STATUS", "HOUSING", "LOCATION"] : ["STATUS", "HOUSING"]) as ConsentScope,
        police_liaison: (r.chance(0.2) ? ["SAFETY", "STATUS", "LOCATION"] : ["SAFETY", "STATUS"]) as ConsentScope,
        child_services: (r.chance(0.3) ? ["CHILD", "STATUS", "LOCATION"] : ["CHILD", "STATUS"]) as ConsentScope,
      }[agency];
      const fromDaysAgo = state === "expired" ? r.int(400, 1000) : r.int(5, Math.max(6, mainOpenedDaysAgo));
      // Valid and revoked consents run well past the reference date; expired ones ended before it.
      const toDays = state === "expired" ? -r.int(5, Math.min(300, fromDaysAgo - 30)) : r.int(180, 900);
      ss.consents.push({
        id: this.id("con"),
        personId: adult.id,
        recipientAgency: agency,
        recipientUnit: agency === "social_services" ? mainCase.unit : FIRST_UNIT[agency],
        givenBy: adult.id,
        form: "WRITTEN",
        purpose: r.chance(0.9) ? "COORDINATED_SUPPORT" : "CASE_WORK",
        scope,
        validFrom: momentFromReference(-fromDaysAgo, r.int(8, 16), r.int(0, 59)),
        validTo: momentFromReference(toDays),
        revokedAt: state === "revoked" ? momentFromReference(-r.int(1, Math.max(2, fromDaysAgo - 1)), r.int(8, 16), r.int(0, 59)) : null,
        recordedBy: mainCase.contactPerson ?? mainCase.socialSecretary,
        createdAt: momentFromReference(-fromDaysAgo, 17, 0),
      });
    }

    // Housing: application, active tenancy, earlier tenancy.
    if (activeFlatId || r.chance(0.45)) {
      const housed = activeFlatId !== null;
      const submittedDaysAgo = housed ? activeStartDaysAgo + r.int(14, 120) : r.int(5, 500);
      const status = housed ? "HOUSED" : r.weighted([["SUBMITTED", 40], ["APPROVED", 25], ["REJECTED", 15], ["WITHDRAWN", 20]] as const);
      // A housed applicant was decided before moving in.
      const decidedDaysAgo = housed ? r.int(activeStartDaysAgo, submittedDaysAgo - 3) : r.int(1, Math.max(2, submittedDaysAgo - 3));
      housing.applications.push(heldByUnitOf({
        id: this.id("app"),
        personId: adult.id,
        urgency: r.weighted([["LOW", 10], ["MEDIUM", 35], ["HIGH", 40], ["ACUTE", 15]] as const),
        requestedArea: r.chance(0.7) ? home.city : r.pick(MUNICIPALITY_NAMES),
        householdSize: 1 + childCount,
        status,
        submittedAt: momentFromReference(-submittedDaysAgo, r.int(8, 16), r.int(0, 59)),
        decidedAt: status === "SUBMITTED" ? null : momentFromReference(-decidedDaysAgo, r.int(8, 16), r.int(0, 59)),
        handlerId: r.pick(this.housingOfficers),
      }, "handlerId"));
    }
    // The previous address: most often in the municipality she moved away from.
    let previousCity: string | null = null;
    if (hasEndedTenancy) {
      const endsDaysAgo = (hasActiveTenancy ? activeStartDaysAgo : 0) + r.int(15, 300);
      previousCity = r.chance(0.6) ? r.pick(MUNICIPALITY_NAMES.filter((m) => m !== home.city)) : home.city;
      const previous = this.newHome(previousCity);
      const flatId = this.flat(previous);
      housing.tenancies.push(heldByUnitOf({
        id: this.id("ten"),
        personId: adult.id,
        flatId,
        administratorId: r.pick(this.housingOfficers),
        status: "ENDED",
        startsOn: dayFromReference(-(endsDaysAgo + r.int(90, 700))),
        endsOn: dayFromReference(-endsDaysAgo),
      }, "administratorId"));
      this.freeFlats.push({ flat: this.t.housing.flats.find((f) => f.id === flatId) as FlatRow, freeSinceDaysAgo: Math.max(1, endsDaysAgo - r.int(7, 30)) });
    }
    if (activeFlatId) {
      housing.tenancies.push(heldByUnitOf({
        id: this.id("ten"),
        personId: adult.id,
        flatId: activeFlatId,
        administratorId: r.pick(this.housingOfficers),
        status: "ACTIVE",
        startsOn: dayFromReference(-activeStartDaysAgo),
        endsOn: null,
      }, "administratorId"));
    }

    // Police liaison: incidents, a restraining order against a restrained person, assessments.
    let restrainedId: string | null = null;
    // A restraining order names no officer: it is held by the unit that handles the household's
    // police matters, known once its incidents and assessments are drawn (below).
    const orders: Omit<RestrainingOrderRow, "unit">[] = [];
    if (restrained) {
      const restrainedSex: Sex = r.chance(0.9) ? "M" : "F";
      // Never the household's family name: for an assumed identity that would hint at the old one.
      const restrainedFamily = r.pick(FAMILY_NAMES.filter((n) => n !== familyName));
      const restrainedHome = this.newHome(r.pick(MUNICIPALITY_NAMES));
      restrainedId = this.person({
        sex: restrainedSex,
        child: false,
        familyName: restrainedFamily,
        birthDate: dayFromReference(-(r.int(22, 64) * 365 + r.int(0, 364))),
        level: "NONE",
        home: restrainedHome,
        registered: restrainedHome.city,
        phone: r.chance(0.4),
        createdDaysAgo: r.int(10, 700),
      }).id;
      const fromDaysAgo = r.int(5, 500);
      orders.push({
        id: this.id("ord"),
        protectedPersonId: adult.id,
        restrainedPersonId: restrainedId,
        kind: r.weighted([["BASIC", 50], ["EXTENDED", 25], ["SPECIAL_EXTENDED", 5], ["WITHIN_HOUSEHOLD", 20]] as const),
        // A kontaktförbud runs for at most a year, so some of these have run out.
        validFrom: momentFromReference(-fromDaysAgo),
        validTo: momentFromReference(-fromDaysAgo + 365),
      });
      // The restrained person is a threat person to her (and so to her household) from the first
      // order on; the threat does not end when an order runs out.
      ss.threatRelations.push({
        id: derivedId("thr", adult.id, restrainedId),
        protectedId: adult.id,
        threatId: restrainedId,
        source: "RESTRAINING_ORDER",
        since: momentFromReference(-fromDaysAgo),
        endedAt: null,
      });
      if (r.chance(0.25)) {
        const earlier = fromDaysAgo + r.int(380, 700);
        orders.push({
          id: this.id("ord"),
          protectedPersonId: adult.id,
          restrainedPersonId: restrainedId,
          kind: "BASIC",
          validFrom: momentFromReference(-earlier),
          validTo: momentFromReference(-earlier + 365),
        });
      }
    }
    const policeRecordsFrom = { incidents: police.incidents.length, assessments: police.threatAssessments.length };
    const incidentCount = r.weighted([[0, 35], [1, 35], [2, 20], [3, 10]] as const);
    const placeKinds = childCount > 0 ? INCIDENT_PLACE_KINDS : INCIDENT_PLACE_KINDS.filter((k) => !/skola|förskola/.test(k));
    for (let i = 0; i < incidentCount; i++) {
      const category = r.weighted([
        ["THREAT", 30],
        ["ASSAULT", 20],
        ["HARASSMENT", 20],
        ["STALKING", 15],
        ["BREACH_OF_ORDER", restrainedId ? 15 : 0],
        ["OTHER", 5],
      ] as const);
      const occurredDaysAgo = r.int(3, 700);
      police.incidents.push(heldByUnitOf({
        id: this.id("inc"),
        personId: adult.id,
        occurredAt: momentFromReference(-occurredDaysAgo, r.int(0, 23), r.int(0, 59)),
        category,
        place: `${r.pick(placeKinds)}, ${r.chance(0.8) ? home.city : r.pick(MUNICIPALITY_NAMES)}`,
        description: r.pick(INCIDENT_DESCRIPTIONS[category]),
        reportedBy: r.pick(this.policeLiaisons),
        createdAt: momentFromReference(-occurredDaysAgo + r.int(0, Math.min(2, occurredDaysAgo)), r.int(7, 18), r.int(0, 59)),
      }, "reportedBy"));
    }
    const assessments = r.chance(restrainedId ? 0.8 : incidentCount > 0 ? 0.3 : 0.05) ? (r.chance(0.2) ? 2 : 1) : 0;
    for (let i = 0; i < assessments; i++) {
      const threatLevel = r.weighted([["LOW", 15], ["MODERATE", 40], ["HIGH", 35], ["SEVERE", 10]] as const);
      police.threatAssessments.push(heldByUnitOf({
        id: this.id("thr"),
        personId: adult.id,
        level: threatLevel,
        assessedAt: momentFromReference(-r.int(2, 400), r.int(8, 16), r.int(0, 59)),
        summary: r.pick(THREAT_SUMMARIES[threatLevel]),
        assessorId: r.pick(this.policeLiaisons),
      }, "assessorId"));
    }
    const policeUnit =
      [...police.incidents.slice(policeRecordsFrom.incidents), ...police.threatAssessments.slice(policeRecordsFrom.assessments)][0]?.unit ??
      unitOfMember(this.policeLiaisons[0] as string);
    police.restrainingOrders.push(...orders.map((order) => ({ ...order, unit: policeUnit })));

    // Child services: a child case for some of the children, with school and Barnahus.
    for (const kid of children) {
      if (!r.chance(incidentCount > 0 || restrainedId ? 0.65 : 0.4)) continue;
      const open = r.chance(0.8);
      const openedDaysAgo = r.int(15, 600);
      const concern = r.weighted([
        ["WITNESSED_VIOLENCE", 40],
        ["DIRECT_VIOLENCE", 15],
        ["NEGLECT", 10],
        ["SUPPORT_AFTER_RELOCATION", 35],
      ] as const);
      const childCaseId = this.id("chc");
      const childCase = heldByUnitOf({
        id: childCaseId,
        childId: kid.id,
        status: open ? "OPEN" : "CLOSED",
        concern,
        openedAt: momentFromReference(-openedDaysAgo, r.int(8, 16), r.int(0, 59)),
        closedAt: open ? null : momentFromReference(-r.int(1, openedDaysAgo - 10), r.int(8, 16), r.int(0, 59)),
        officerId: r.pick(this.childOfficers),
        notes: r.pick(CHILD_NOTES[concern]),
      }, "officerId");
      child.childCases.push(childCase);
      const age = ageAtReference(kid.birth);
      const kind = age >= 1 && age <= 5 ? "PRESCHOOL" : age >= 6 && age <= 17 ? "SCHOOL" : null;
      if (kind && (age < 16 || r.chance(0.7))) {
        const startsDaysAgo = r.int(10, Math.min(400, age * 365));
        child.placements.push({
          id: this.id("plc"),
          childCaseId,
          childId: kid.id,
          kind,
          schoolName: r.pick(kind === "PRESCHOOL" ? PRESCHOOLS : SCHOOLS),
          // The school is where the family lives: location data that follows the parent's level.
          municipality: home.city,
          startsOn: dayFromReference(-startsDaysAgo),
          endsOn: null,
          // A placement is held where its child case is.
          unit: childCase.unit,
        });
        // After a move: the school or preschool before it, in the previous municipality.
        if (previousCity && startsDaysAgo + 200 < (age - 1) * 365 && r.chance(0.4)) {
          const earlierStart = r.int(startsDaysAgo + 200, Math.min(startsDaysAgo + 700, (age - 1) * 365));
          const earlierKind = age - Math.floor(earlierStart / 365) >= 6 ? "SCHOOL" : "PRESCHOOL";
          child.placements.push({
            id: this.id("plc"),
            childCaseId,
            childId: kid.id,
            kind: earlierKind,
            schoolName: r.pick(earlierKind === "PRESCHOOL" ? PRESCHOOLS : SCHOOLS),
            municipality: previousCity,
            startsOn: dayFromReference(-earlierStart),
            endsOn: dayFromReference(-(startsDaysAgo + r.int(1, 30))),
            unit: childCase.unit,
          });
        }
      }
      if ((concern === "WITNESSED_VIOLENCE" || concern === "DIRECT_VIOLENCE") && r.chance(0.6)) {
        const meetings = r.int(1, 2);
        for (let i = 0; i < meetings; i++) {
          child.consultations.push({
            id: this.id("bhc"),
            childCaseId,
            // Some lie ahead of the reference date: booked consultations.
            heldAt: momentFromReference(-r.int(-30, openedDaysAgo), r.int(8, 15), r.pick([0, 15, 30, 45])),
            location: `Barnahus ${home.city}, ${r.pick(BARNAHUS_ROOMS)}`,
            summary: r.pick(CONSULTATION_SUMMARIES),
          });
        }
      }
    }
  }

  /** A case with its assignments; returns who is currently on it. */
  private socialCase(
    personId: string,
    type: keyof typeof ASSESSMENTS,
    open: boolean,
    openedDaysAgo: number,
  ): { socialSecretary: string; contactPerson: string | null; unit: string } {
    const r = this.r;
    const ss = this.t.socialServices;
    const caseId = this.id("cas");
    const closedDaysAgo = open ? null : r.int(1, Math.max(2, openedDaysAgo - 30));
    const row: SeedTables["socialServices"]["cases"][number] = {
      id: caseId,
      personId,
      type,
      status: open ? "OPEN" : "CLOSED",
      openedAt: momentFromReference(-openedDaysAgo, r.int(8, 16), r.int(0, 59)),
      closedAt: closedDaysAgo === null ? null : momentFromReference(-closedDaysAgo, r.int(8, 16), r.int(0, 59)),
      assessment: r.pick(ASSESSMENTS[type]),
      shelterPlacement: (type === "PROTECTION_AND_SUPPORT" || type === "SHELTER_FOLLOW_UP") && r.chance(0.6) ? r.pick(SHELTER_PLACEMENTS) : null,
      unit: "", // the owner's, set below once the owner is drawn
    };
    ss.cases.push(row);
    const endOfCase = closedDaysAgo === null ? null : momentFromReference(-closedDaysAgo, 17, 0);

    // Sometimes the case changed hands: the earlier social secretary's assignment has ended.
    let socialSecretary = r.pick(this.socialSecretaries);
    let assignedDaysAgo = openedDaysAgo - 1;
    const handoverFrom = (closedDaysAgo ?? 0) + 1;
    if (openedDaysAgo - 30 > handoverFrom && r.chance(0.2)) {
      const handover = r.int(handoverFrom, openedDaysAgo - 30);
      ss.assignments.push({
        id: this.id("asg"),
        caseId,
        staffId: socialSecretary,
        role: "SOCIAL_SECRETARY",
        assignedAt: momentFromReference(-assignedDaysAgo, 9, 0),
        endedAt: momentFromReference(-handover, 16, 0),
      });
      socialSecretary = r.pick(this.socialSecretaries.filter((s) => s !== socialSecretary));
      assignedDaysAgo = handover;
    }
    ss.assignments.push({
      id: this.id("asg"),
      caseId,
      staffId: socialSecretary,
      role: "SOCIAL_SECRETARY",
      assignedAt: momentFromReference(-assignedDaysAgo, 9, 30),
      endedAt: endOfCase,
    });
    // The case is owned by its opener until she hands it over: then by the secretary taking it;
    // it is held by the owner's unit.
    row.ownerId = socialSecretary;
    row.unit = unitOf(socialSecretary) as string;
    let contactPerson: string | null = null;
    if (r.chance(open ? 0.65 : 0.4)) {
      contactPerson = r.pick(this.contactPersons);
      ss.assignments.push({
        id: this.id("asg"),
        caseId,
        staffId: contactPerson,
        role: "CONTACT_PERSON",
        assignedAt: momentFromReference(-Math.max((closedDaysAgo ?? 0) + 1, openedDaysAgo - r.int(3, 30)), 10, 0),
        endedAt: endOfCase,
      });
    }
    return { socialSecretary, contactPerson, unit: row.unit };
  }

  /**
   * A parent and her children: one household they all live in since she was first met, and she
   * their custodian. The other parent is not in the data (not a client), so hers is the custody
   * on record (SOLE); the ids are derived, so no random draw changes.
   */
  private livingTogether(adult: PersonRow, childIds: string[]): void {
    if (childIds.length === 0) return;
    const ss = this.t.socialServices;
    const householdId = derivedId("hou", adult.id);
    const since = adult.createdAt as Date;
    ss.households.push({ id: householdId, createdAt: since });
    for (const personId of [adult.id, ...childIds]) {
      ss.householdMemberships.push({ id: derivedId("hom", householdId, personId), householdId, personId, since, endedAt: null });
    }
    for (const childId of childIds) ss.custodies.push({ childId, custodianId: adult.id, kind: "SOLE", since });
  }

  /** A person row with a unique identity number and a unique name + birth date. */
  private person(p: {
    sex: Sex;
    child: boolean;
    familyName: string;
    birthDate: Date;
    level: ProtectionLevel;
    home: Home;
    registered: string;
    phone: boolean;
    createdDaysAgo: number;
  }): PersonRow {
    const r = this.r;
    let birthDate = p.birthDate;
    let givenName = r.pick(givenNamesFor(p.sex, p.child));
    // Re-draw the name (and after a few tries nudge the birth date) until nobody else in the
    // population has the same name and birth date: an assumed identity must not look like anyone.
    for (let tries = 0; this.nameKeys.has(this.nameKey(givenName, p.familyName, birthDate)); tries++) {
      givenName = r.pick(givenNamesFor(p.sex, p.child));
      if (tries > 5) birthDate = new Date(birthDate.getTime() - 86_400_000);
    }
    let identityNumber = this.identityNumbers.allocate(birthDate, p.sex, r.int(0, 19));
    // A day can run out of synthetic birth numbers; move the birth a day earlier (never later,
    // so no one is born after the reference date).
    while (identityNumber === null) {
      birthDate = new Date(birthDate.getTime() - 86_400_000);
      if (this.nameKeys.has(this.nameKey(givenName, p.familyName, birthDate))) continue;
      identityNumber = this.identityNumbers.allocate(birthDate, p.sex, r.int(0, 19));
    }
    this.nameKeys.add(this.nameKey(givenName, p.familyName, birthDate));
    const row: PersonRow = {
      id: this.id("per"),
      identityNumber,
      givenName,
      familyName: p.familyName,
      birthDate,
      protectionLevel: p.level,
      streetAddress: p.home.street,
      postalCode: p.home.postalCode,
      city: p.home.city,
      phone: p.phone ? (this.phones.pop() ?? null) : null,
      registeredMunicipality: p.registered,
      residenceMunicipality: p.home.city,
      createdAt: momentFromReference(-p.createdDaysAgo, this.r.int(8, 16), this.r.int(0, 59)),
    };
    this.t.socialServices.persons.push(row);
    return row;
  }

  /** A fresh address in the municipality, unique across the population. */
  private newHome(city: string): Home {
    const r = this.r;
    const municipality = MUNICIPALITIES.find((m) => m.name === city);
    if (!municipality) throw new Error(`unknown municipality ${city}`);
    for (;;) {
      // House numbers go higher with the scale, so a larger population still finds free addresses.
      const street = streetAddress(r.pick(STREETS), r.int(1, 64 * this.scale));
      if (this.addresses.has(`${street}|${city}`)) continue;
      this.addresses.add(`${street}|${city}`);
      return { street, postalCode: postalCode(r.pick(municipality.postalPrefixes), r.int(10, 99)), city };
    }
  }

  /** A transitional flat at the given address. */
  private flat(home: Home): string {
    const id = this.id("flt");
    this.t.housing.flats.push({
      id,
      streetAddress: home.street,
      postalCode: home.postalCode,
      city: home.city,
      rooms: this.r.weighted([[1, 20], [2, 45], [3, 30], [4, 5]] as const),
      landlord: this.r.pick(LANDLORDS),
    });
    this.addresses.add(`${home.street}|${home.city}`);
    return id;
  }

  private id(prefix: string): string {
    for (;;) {
      const id = this.r.opaqueId(prefix);
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  private claimId(id: string): void {
    if (this.usedIds.has(id)) throw new Error(`scenario id ${id} is used twice`);
    this.usedIds.add(id);
  }

  private nameKey(givenName: string, familyName: string, birthDate: Date): string {
    return `${givenName}|${familyName}|${iso(birthDate)}`;
  }
}
