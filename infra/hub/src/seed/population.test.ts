import { afterEach, describe, expect, jest, test } from "@jest/globals";
import { PROTECTION_LEVELS, type ProtectionLevel, ROLES, ROLES_BY_AGENCY } from "@skyddsnat/schema";
import { identityNumber, isSyntheticIdentityNumber, isValidIdentityNumber, luhnDigit } from "./identity-numbers.js";
import { FAMILY_NAMES } from "./names.js";
import { FICTION_PHONES, fictionPhone, isFictionPhone } from "./phones.js";
import { MUNICIPALITY_NAMES, STREETS } from "./places.js";
import { buildPopulation, MIN_PERSONS, type Population } from "./population.js";
import { dayFromReference, isOpaqueSuffix, Random, SEED_REFERENCE_DATE } from "./random.js";
import { FULL_SCENARIO_NAMES, SCENARIO_STAFF, SCENARIOS } from "./scenarios.js";
import { DEMO_STAFF, STAFF } from "./staff.js";

const population = buildPopulation();
const { persons, households, householdMemberships, custodies, threatRelations, cases, assignments, consents } = population.socialServices;
const { flats, applications, tenancies } = population.housing;
const { incidents, restrainingOrders, threatAssessments } = population.policeLiaison;
const { childCases, placements, consultations } = population.childServices;

const REF = SEED_REFERENCE_DATE.getTime();
const time = (d: Date | string | null | undefined) => (d === null || d === undefined ? null : new Date(d).getTime());
const personById = new Map(persons.map((p) => [p.id, p]));
const person = (id: string) => {
  const p = personById.get(id);
  if (!p) throw new Error(`no person ${id}`);
  return p;
};
const staffById = new Map(STAFF.map((s) => [s.id, s]));
const roleOf = (staffId: string) => staffById.get(staffId)?.role;
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
const allRowsWithIds = (p: Population) => [
  ...p.socialServices.persons,
  ...p.socialServices.cases,
  ...p.socialServices.assignments,
  ...p.socialServices.consents,
  ...p.housing.flats,
  ...p.housing.applications,
  ...p.housing.tenancies,
  ...p.policeLiaison.incidents,
  ...p.policeLiaison.restrainingOrders,
  ...p.policeLiaison.threatAssessments,
  ...p.childServices.childCases,
  ...p.childServices.placements,
  ...p.childServices.consultations,
];
/** Custodian–child pairs who live together (the parent–child households the population builds). */
const livingWithCustodian = (p: Population) => {
  const homeOf = new Map<string, Set<string>>();
  for (const m of p.socialServices.householdMemberships) if (!m.endedAt) homeOf.set(m.personId, new Set([...(homeOf.get(m.personId) ?? []), m.householdId]));
  const together = (a: string, b: string) => [...(homeOf.get(a) ?? [])].some((h) => homeOf.get(b)?.has(h));
  return p.socialServices.custodies.filter((c) => together(c.custodianId, c.childId)).map((c) => ({ parentId: c.custodianId, childId: c.childId }));
};
const householdMembers = livingWithCustodian(population);
const clientAdults = persons.filter((p) => cases.some((c) => c.personId === p.id));
const childIds = new Set(householdMembers.map((m) => m.childId));

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe("determinism", () => {
  test("the same seed gives deep-equal and byte-identical data", () => {
    const again = buildPopulation();
    expect(again).toEqual(population);
    expect(JSON.stringify(again)).toBe(JSON.stringify(population));
  });

  test("another seed gives another random population, but the same scenario households", () => {
    const other = buildPopulation(7);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(population));
    const scenarioIds = new Set([...FULL_SCENARIO_NAMES.flatMap((n) => [SCENARIOS[n].adult, SCENARIOS[n].child, SCENARIOS[n].restrainedPerson, SCENARIOS[n].previousTenant, ...(SCENARIOS[n].formerIdentity ? [SCENARIOS[n].formerIdentity] : [])]), SCENARIOS.closedCase.adult]);
    const randomIds = (p: Population) => p.socialServices.persons.filter((x) => !scenarioIds.has(x.id)).map((x) => x.id);
    expect(randomIds(other).filter((id) => randomIds(population).includes(id))).toEqual([]);
    const scenarioRows = (p: Population) => p.socialServices.persons.filter((x) => scenarioIds.has(x.id));
    expect(scenarioRows(other)).toEqual(scenarioRows(population));
    expect(other.scenarios).toBe(SCENARIOS);
  });

  test("uses neither the clock nor Math.random", () => {
    jest.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random must not be used by the seed");
    });
    jest.useFakeTimers({ now: new Date("1999-01-01T00:00:00Z") });
    const early = JSON.stringify(buildPopulation());
    jest.setSystemTime(new Date("2041-06-30T12:34:56Z"));
    const late = JSON.stringify(buildPopulation());
    expect(early).toBe(JSON.stringify(population));
    expect(late).toBe(early);
  });

  test("the PRNG repeats itself for a seed and its helpers stay in range", () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const r = new Random(1);
    for (let i = 0; i < 500; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(r.opaqueId("per")).toMatch(/^per_[a-z2-7]{10}$/);
  });
});

describe("size and spread", () => {
  test(`has at least ${MIN_PERSONS} persons, with every protection level present`, () => {
    expect(persons.length).toBeGreaterThanOrEqual(MIN_PERSONS);
    for (const level of PROTECTION_LEVELS) expect(persons.filter((p) => p.protectionLevel === level).length).toBeGreaterThanOrEqual(10);
  });

  test("client adults are spread roughly 40/25/25/10 over the levels", () => {
    const share = (level: ProtectionLevel) => clientAdults.filter((p) => p.protectionLevel === level).length / clientAdults.length;
    expect(share("NONE")).toBeCloseTo(0.4, 1);
    expect(share("CONFIDENTIALITY_MARKED")).toBeCloseTo(0.25, 1);
    expect(share("PROTECTED_REGISTRATION")).toBeCloseTo(0.25, 1);
    expect(share("ASSUMED_IDENTITY")).toBeCloseTo(0.1, 1);
  });

  test("about thirty restrained persons, all adults with level NONE and no case of their own", () => {
    const restrained = new Set(restrainingOrders.map((o) => o.restrainedPersonId));
    expect(restrained.size).toBeGreaterThanOrEqual(25);
    expect(restrained.size).toBeLessThanOrEqual(35);
    for (const id of restrained) {
      expect(person(id).protectionLevel).toBe("NONE");
      // The common case's restrained father is a client himself (his own case and secretary).
      if (id !== SCENARIOS.PROTECTED_REGISTRATION.restrainedPerson) expect(cases.some((c) => c.personId === id)).toBe(false);
      expect(childIds.has(id)).toBe(false);
    }
  });

  test("households have zero to three children, who share their address", () => {
    const byParent = new Map<string, string[]>();
    for (const m of householdMembers) byParent.set(m.parentId, [...(byParent.get(m.parentId) ?? []), m.childId]);
    for (const [parentId, kids] of byParent) {
      expect(kids.length).toBeLessThanOrEqual(3);
      for (const kid of kids) {
        expect(person(kid).streetAddress).toBe(person(parentId).streetAddress);
        // Born when the parent was an adult.
        const gapYears = ((time(person(kid).birthDate) as number) - (time(person(parentId).birthDate) as number)) / (365.25 * 86_400_000);
        expect(gapYears).toBeGreaterThanOrEqual(18);
      }
    }
    expect([...byParent.values()].some((k) => k.length === 3)).toBe(true);
    expect(clientAdults.some((p) => !byParent.has(p.id))).toBe(true);
  });

  test("every table has rows, and the states the policy distinguishes all occur", () => {
    for (const rows of [persons, households, householdMemberships, custodies, threatRelations, householdMembers, cases, assignments, consents, flats, applications, tenancies, incidents, restrainingOrders, threatAssessments, childCases, placements, consultations]) {
      expect(rows.length).toBeGreaterThan(0);
    }
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(["OPEN", "CLOSED"]));
    expect(new Set(cases.map((c) => c.type)).size).toBe(4);
    expect(assignments.some((a) => a.endedAt)).toBe(true);
    expect(consents.some((c) => c.revokedAt)).toBe(true);
    expect(consents.some((c) => (time(c.validTo) as number) < REF)).toBe(true);
    expect(new Set(consents.map((c) => c.recipientAgency)).size).toBe(4);
    expect(new Set(tenancies.map((t) => t.status))).toEqual(new Set(["ACTIVE", "ENDED"]));
    expect(new Set(applications.map((a) => a.status)).size).toBe(5);
    expect(restrainingOrders.some((o) => (time(o.validTo) as number) < REF)).toBe(true);
    expect(new Set(placements.map((p) => p.kind))).toEqual(new Set(["PRESCHOOL", "SCHOOL"]));
    expect(flats.some((f) => !tenancies.some((t) => t.flatId === f.id))).toBe(true); // vacant flats
  });
});

describe("identity numbers", () => {
  test("the check digit follows the Tax Agency's modulus-10 method", () => {
    expect(luhnDigit("640823323")).toBe(4); // Skatteverket's own worked example: 640823-3234
    expect(identityNumber(new Date("1964-08-23T00:00:00Z"), 323)).toBe("19640823-3234");
    expect(isValidIdentityNumber("19640823-3234")).toBe(true);
    expect(isValidIdentityNumber("19640823-3235")).toBe(false);
    expect(isValidIdentityNumber("19640230-9802")).toBe(false); // no 30 February
  });

  test("are valid, unique, synthetic (birth number 980–999) and match the birth date", () => {
    const numbers = persons.map((p) => p.identityNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const p of persons) {
      expect(isValidIdentityNumber(p.identityNumber)).toBe(true);
      expect(isSyntheticIdentityNumber(p.identityNumber)).toBe(true);
      expect(p.identityNumber.slice(0, 8)).toBe(new Date(p.birthDate).toISOString().slice(0, 10).replaceAll("-", ""));
    }
  });
});

describe("references", () => {
  test("every foreign key resolves", () => {
    const caseIds = new Set(ids(cases));
    const flatIds = new Set(ids(flats));
    const childCaseById = new Map(childCases.map((c) => [c.id, c]));
    for (const m of householdMembers) {
      expect(personById.has(m.parentId)).toBe(true);
      expect(personById.has(m.childId)).toBe(true);
    }
    for (const c of cases) expect(personById.has(c.personId)).toBe(true);
    for (const a of assignments) expect(caseIds.has(a.caseId)).toBe(true);
    for (const c of consents) expect(personById.has(c.personId)).toBe(true);
    for (const a of applications) expect(personById.has(a.personId)).toBe(true);
    for (const t of tenancies) {
      expect(personById.has(t.personId)).toBe(true);
      expect(flatIds.has(t.flatId)).toBe(true);
    }
    for (const i of incidents) expect(personById.has(i.personId)).toBe(true);
    for (const o of restrainingOrders) {
      expect(personById.has(o.protectedPersonId)).toBe(true);
      expect(personById.has(o.restrainedPersonId)).toBe(true);
      expect(o.protectedPersonId).not.toBe(o.restrainedPersonId);
    }
    for (const t of threatAssessments) expect(personById.has(t.personId)).toBe(true);
    for (const c of childCases) expect(childIds.has(c.childId)).toBe(true);
    for (const p of placements) {
      expect(childCaseById.get(p.childCaseId)?.childId).toBe(p.childId);
    }
    for (const c of consultations) expect(childCaseById.has(c.childCaseId)).toBe(true);
  });

  test("staff ids resolve to staff of the right role", () => {
    for (const a of assignments) expect(roleOf(a.staffId)).toBe(a.role);
    for (const c of consents) expect(["SOCIAL_SECRETARY", "CONTACT_PERSON"]).toContain(roleOf(c.recordedBy));
    for (const a of applications) expect(roleOf(a.handlerId)).toBe("HOUSING_OFFICER");
    for (const t of tenancies) expect(roleOf(t.administratorId)).toBe("HOUSING_OFFICER");
    for (const i of incidents) expect(roleOf(i.reportedBy)).toBe("POLICE_LIAISON");
    for (const t of threatAssessments) expect(roleOf(t.assessorId)).toBe("POLICE_LIAISON");
    for (const c of childCases) expect(roleOf(c.officerId)).toBe("CHILD_SERVICES_OFFICER");
  });

  test("every case has an owner: the social secretary who holds it last (its opener, or whom it was handed to)", () => {
    const cases = population.socialServices.cases;
    for (const c of cases) {
      const secretaries = assignments.filter((a) => a.caseId === c.id && a.role === "SOCIAL_SECRETARY");
      const last = secretaries.reduce((latest, a) => (new Date(a.assignedAt as Date) > new Date(latest.assignedAt as Date) ? a : latest));
      expect([c.id, c.ownerId]).toEqual([c.id, last.staffId]);
      expect(roleOf(c.ownerId as string)).toBe("SOCIAL_SECRETARY");
    }
  });

  test("a flat has at most one active tenancy, and tenancies of a flat do not overlap", () => {
    const byFlat = new Map<string, typeof tenancies>();
    for (const t of tenancies) byFlat.set(t.flatId, [...(byFlat.get(t.flatId) ?? []), t]);
    for (const list of byFlat.values()) {
      expect(list.filter((t) => t.status === "ACTIVE").length).toBeLessThanOrEqual(1);
      const sorted = [...list].sort((a, b) => (time(a.startsOn) as number) - (time(b.startsOn) as number));
      for (let i = 1; i < sorted.length; i++) expect(time(sorted[i - 1]?.endsOn)).toBeLessThan(time(sorted[i]?.startsOn) as number);
    }
    for (const t of tenancies) {
      if (t.status === "ACTIVE") expect(t.endsOn).toBeNull();
      else expect(time(t.endsOn)).toBeGreaterThan(time(t.startsOn) as number);
    }
  });

  test("a person with an active tenancy lives at the flat's address", () => {
    for (const t of tenancies.filter((x) => x.status === "ACTIVE")) {
      const flat = flats.find((f) => f.id === t.flatId);
      expect(person(t.personId).streetAddress).toBe(flat?.streetAddress);
      expect(person(t.personId).city).toBe(flat?.city);
    }
  });

  test("nothing happened after the reference date except what is meant to lie ahead", () => {
    const past = [
      ...persons.flatMap((p) => [p.birthDate, p.createdAt]),
      ...cases.flatMap((c) => [c.openedAt, c.closedAt]),
      ...assignments.flatMap((a) => [a.assignedAt, a.endedAt]),
      ...consents.flatMap((c) => [c.validFrom, c.revokedAt, c.createdAt]),
      ...applications.flatMap((a) => [a.submittedAt, a.decidedAt]),
      ...tenancies.flatMap((t) => [t.startsOn, t.endsOn]),
      ...incidents.flatMap((i) => [i.occurredAt, i.createdAt]),
      ...restrainingOrders.map((o) => o.validFrom),
      ...threatAssessments.map((t) => t.assessedAt),
      ...childCases.flatMap((c) => [c.openedAt, c.closedAt]),
      ...placements.flatMap((p) => [p.startsOn, p.endsOn]),
    ];
    for (const d of past) if (d !== null && d !== undefined) expect(time(d)).toBeLessThanOrEqual(REF);
    for (const c of cases) if (c.closedAt) expect(time(c.closedAt)).toBeGreaterThan(time(c.openedAt) as number);
    for (const c of consents) expect(time(c.validTo)).toBeGreaterThan(time(c.validFrom) as number);
  });
});

describe("ids", () => {
  test("are opaque, well-formed and unique across every table", () => {
    const all = ids(allRowsWithIds(population));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^(per|cas|asg|con|app|flt|ten|inc|ord|thr|chc|plc|bhc)_[a-z2-7]{10}$/);
  });

  test("spell no protection level, nor anything else about the person", () => {
    const words = /none|confid|marked|protect|regist|assum|ident|skydd|fing|secret/i;
    for (const row of allRowsWithIds(population)) {
      expect(row.id).not.toMatch(words);
      expect(isOpaqueSuffix(row.id.slice(4))).toBe(true);
    }
    for (const p of persons) {
      const body = p.id.slice(4);
      expect(body).not.toContain(p.identityNumber.slice(2, 8));
      expect(p.id.toLowerCase()).not.toContain(p.givenName.toLowerCase());
    }
  });
});

describe("protected data", () => {
  test("phones come only from the range reserved for fiction, and no two persons share one", () => {
    expect(FICTION_PHONES).toHaveLength(95);
    expect(FICTION_PHONES[0]).toBe("070-174 06 05");
    expect(FICTION_PHONES[94]).toBe("070-174 06 99");
    expect(() => fictionPhone(4)).toThrow(RangeError);
    expect(isFictionPhone("070-174 06 04")).toBe(false);
    const phones = persons.map((p) => p.phone).filter((p): p is string => typeof p === "string");
    expect(phones.length).toBeGreaterThan(50);
    for (const phone of phones) expect(isFictionPhone(phone)).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
  });

  test("protected registration: registered in another municipality than the one lived in", () => {
    for (const p of persons.filter((x) => x.protectionLevel === "PROTECTED_REGISTRATION")) {
      expect(p.residenceMunicipality).toEqual(expect.any(String));
      expect(p.registeredMunicipality).not.toBe(p.residenceMunicipality);
    }
  });

  test("children follow the household's level (only the inheritance scenario differs) and are registered with the parent", () => {
    for (const m of householdMembers) {
      const parent = person(m.parentId);
      const kid = person(m.childId);
      expect(kid.registeredMunicipality).toBe(parent.registeredMunicipality);
      if (m.childId === SCENARIOS.inheritedChild.child) continue;
      expect(kid.protectionLevel).toBe(parent.protectionLevel);
    }
  });

  test("an assumed identity shares no identity number, and no name with birth date, with anyone", () => {
    const assumed = persons.filter((p) => p.protectionLevel === "ASSUMED_IDENTITY");
    expect(assumed.length).toBeGreaterThanOrEqual(10);
    const key = (p: (typeof persons)[number]) => `${p.givenName}|${p.familyName}|${new Date(p.birthDate).toISOString().slice(0, 10)}`;
    for (const p of assumed) {
      expect(persons.filter((o) => o.identityNumber === p.identityNumber)).toHaveLength(1);
      expect(persons.filter((o) => key(o) === key(p))).toHaveLength(1);
    }
    // The person who is restrained from contacting her never bears her (new) family name.
    for (const o of restrainingOrders) {
      if (person(o.protectedPersonId).protectionLevel !== "ASSUMED_IDENTITY") continue;
      expect(person(o.restrainedPersonId).familyName).not.toBe(person(o.protectedPersonId).familyName);
    }
  });

  test("there is no field that could hold a former identity (a former identity is marked by when it was quarantined, never by a link)", () => {
    const personFields = ["id", "identityNumber", "givenName", "familyName", "birthDate", "protectionLevel", "streetAddress", "postalCode", "city", "phone", "registeredMunicipality", "residenceMunicipality", "createdAt"];
    for (const p of persons) {
      const { quarantinedAt, ...rest } = p;
      expect(Object.keys(rest).sort()).toEqual([...personFields].sort());
      if (quarantinedAt !== undefined) expect(quarantinedAt).toBeInstanceOf(Date);
    }
  });

  test("free texts name no person, street or municipality", () => {
    const texts = [
      ...cases.flatMap((c) => [c.assessment, c.shelterPlacement]),
      ...incidents.map((i) => i.description),
      ...threatAssessments.map((t) => t.summary),
      ...childCases.map((c) => c.notes),
      ...consultations.map((c) => c.summary),
    ].filter((t): t is string => typeof t === "string");
    const forbidden = new Set(
      [
        ...persons.flatMap((p) => [p.givenName, p.familyName]),
        ...FAMILY_NAMES,
        ...STREETS.flatMap((s) => s.split(" ")),
        ...persons.flatMap((p) => (p.streetAddress ?? "").split(" ").filter((w) => w !== "" && !/^\d+$/.test(w))),
        ...MUNICIPALITY_NAMES,
        ...STAFF.flatMap((s) => s.name.split(" ")),
      ].map((w) => w.toLowerCase()),
    );
    for (const text of texts) {
      const words = text.toLowerCase().split(/[^\p{L}]+/u);
      expect(words.filter((w) => forbidden.has(w))).toEqual([]);
      expect(text).not.toMatch(/\d{3} \d{2}|070-/); // no postal code, no phone
    }
  });

  test("every scenario's revealing values are its own: a leak test can search for them verbatim", () => {
    for (const name of FULL_SCENARIO_NAMES) {
      const s = SCENARIOS[name];
      const household = new Set([s.adult, s.child]);
      const adult = person(s.adult);
      const others = persons.filter((p) => !household.has(p.id));
      expect(others.some((p) => p.streetAddress === adult.streetAddress)).toBe(false);
      expect(others.some((p) => p.phone === adult.phone)).toBe(false);
      const school = placements.find((p) => p.id === s.placement)?.schoolName;
      expect(placements.filter((p) => p.schoolName === school).map((p) => p.id)).toEqual([s.placement]);
      const ended = flats.find((f) => f.id === s.endedFlat);
      expect(flats.filter((f) => f.streetAddress === ended?.streetAddress)).toHaveLength(1);
      expect(persons.some((p) => p.streetAddress === ended?.streetAddress)).toBe(false);
      // Filters on where she lives must still find ordinary residents (the leak tests rely on it).
      expect(persons.some((p) => p.protectionLevel === "NONE" && p.residenceMunicipality === adult.residenceMunicipality && !household.has(p.id))).toBe(true);
    }
  });
});

describe("the scenario households", () => {
  const validOver = (row: { validFrom: Date | string; validTo: Date | string }, at: number) => (time(row.validFrom) as number) <= at && (time(row.validTo) as number) > at;

  test.each(FULL_SCENARIO_NAMES)("%s has every relationship the access matrix relies on", (name) => {
    const s = SCENARIOS[name];
    const adult = person(s.adult);
    const kid = person(s.child);
    expect(adult.protectionLevel).toBe(s.adultLevel);
    expect(kid.protectionLevel).toBe(s.childLevel);
    expect(s.children).toEqual([s.child]);
    expect(householdMembers).toContainEqual({ parentId: s.adult, childId: s.child });
    expect(householdMembers.filter((m) => m.parentId === s.adult)).toHaveLength(1);
    expect(adult.streetAddress && adult.phone).toBeTruthy();

    // One case, OPEN, with the social secretary and contact person on it.
    expect(cases.filter((c) => c.personId === s.adult)).toEqual([
      expect.objectContaining({ id: s.caseId, status: "OPEN", type: "PROTECTION_AND_SUPPORT", assessment: expect.any(String), shelterPlacement: expect.any(String) }),
    ]);
    // Social services' own staff, and the other agencies' officers of her coordinated plan (SIP).
    expect(assignments.filter((a) => a.caseId === s.caseId).map((a) => [a.id, a.staffId, a.role, a.endedAt])).toEqual([
      [s.assignments.socialSecretary, "ss-1001", "SOCIAL_SECRETARY", null],
      [s.assignments.contactPerson, "cp-2001", "CONTACT_PERSON", null],
      [s.assignments.housingOfficer, "ho-3001", "HOUSING_OFFICER", null],
      [s.assignments.policeLiaison, "pl-4001", "POLICE_LIAISON", null],
      [s.assignments.childServicesOfficer, "cs-5001", "CHILD_SERVICES_OFFICER", null],
    ]);
    expect(cases.find((c) => c.id === s.caseId)?.unit).toBe("social-services/malmo-vald");

    // Consents: valid, revoked, expired, each given by her to a named unit.
    const consent = (id: string) => consents.find((c) => c.id === id);
    expect(consents.filter((c) => c.personId === s.adult)).toHaveLength(3);
    const valid = consent(s.consentIds.valid);
    expect(valid).toMatchObject({ recipientAgency: "social_services", recipientUnit: "social-services/malmo-vald", givenBy: s.adult, form: "WRITTEN", purpose: "COORDINATED_SUPPORT", scope: ["STATUS", "HOUSING", "SAFETY", "CHILD", "LOCATION"], revokedAt: null });
    expect(consent(s.consentIds.revoked)).toMatchObject({ recipientUnit: "housing/malmo", givenBy: s.adult });
    expect(consent(s.consentIds.expired)).toMatchObject({ recipientUnit: "police-liaison/malmo", givenBy: s.adult });
    // The child's: her custodian's (the mother's alone), and from 12 her own beside it.
    expect(consents.filter((c) => c.personId === s.child).map((c) => [c.id, c.givenBy])).toEqual([
      [s.consentIds.custodial, s.adult],
      ...(s.consentIds.childOwn ? [[s.consentIds.childOwn, s.child]] : []),
    ]);
    expect(valid && validOver(valid, REF)).toBe(true);
    expect(valid && validOver(valid, Date.now())).toBe(true); // the hub's policy checks against the real clock
    const revoked = consent(s.consentIds.revoked);
    expect(revoked).toMatchObject({ recipientAgency: "housing", purpose: "COORDINATED_SUPPORT", scope: ["STATUS", "HOUSING"] });
    expect(time(revoked?.revokedAt)).toBeLessThan(REF);
    const expired = consent(s.consentIds.expired);
    expect(expired).toMatchObject({ recipientAgency: "police_liaison", purpose: "COORDINATED_SUPPORT", scope: ["SAFETY", "LOCATION"], revokedAt: null });
    expect(time(expired?.validTo)).toBeLessThan(REF);

    // Housing: the application, the active tenancy at her address, the ended one elsewhere.
    expect(applications.filter((a) => a.personId === s.adult)).toEqual([expect.objectContaining({ id: s.applicationId, handlerId: "ho-3001" })]);
    const active = tenancies.find((t) => t.id === s.activeTenancy);
    const ended = tenancies.find((t) => t.id === s.endedTenancy);
    expect(active).toMatchObject({ personId: s.adult, flatId: s.activeFlat, status: "ACTIVE", administratorId: "ho-3001", endsOn: null });
    // An assumed identity's previous address, incident and restraining order are the former identity's.
    const holder = s.formerIdentity ?? s.adult;
    expect(ended).toMatchObject({ personId: holder, flatId: s.endedFlat, status: "ENDED", administratorId: "ho-3002" });
    expect(time(ended?.endsOn)).toBeLessThan(time(active?.startsOn) as number);
    expect(flats.find((f) => f.id === s.activeFlat)?.streetAddress).toBe(adult.streetAddress);
    expect(flats.find((f) => f.id === s.endedFlat)?.streetAddress).not.toBe(adult.streetAddress);
    expect(tenancies.filter((t) => t.personId === s.adult)).toHaveLength(s.formerIdentity ? 1 : 2);

    // Police liaison.
    expect(incidents.filter((i) => i.personId === holder)).toEqual([expect.objectContaining({ id: s.incident, place: expect.stringContaining(person(holder).residenceMunicipality as string) })]);
    const order = restrainingOrders.find((o) => o.id === s.restrainingOrder);
    expect(order).toMatchObject({ protectedPersonId: holder, restrainedPersonId: s.restrainedPerson });
    expect(threatRelations.filter((t) => t.threatId === s.restrainedPerson)).toEqual([
      expect.objectContaining({ id: s.threatRelation, protectedId: holder, source: "RESTRAINING_ORDER", endedAt: null }),
    ]);
    expect(order && validOver(order, REF)).toBe(true);
    expect(person(s.restrainedPerson).protectionLevel).toBe("NONE");
    expect(person(s.restrainedPerson).familyName).not.toBe(adult.familyName);
    expect(threatAssessments.filter((t) => t.personId === s.adult).map((t) => t.id)).toEqual([s.threatAssessment]);

    // Child services: one open case, one placement tied to it, one consultation.
    expect(childCases.filter((c) => c.childId === s.child)).toEqual([expect.objectContaining({ id: s.childCase, status: "OPEN", officerId: "cs-5001" })]);
    expect(placements.filter((p) => p.childId === s.child)).toEqual([expect.objectContaining({ id: s.placement, childCaseId: s.childCase, municipality: adult.residenceMunicipality })]);
    expect(consultations.filter((c) => c.childCaseId === s.childCase).map((c) => c.id)).toEqual([s.consultation]);
  });

  test("one scenario per level, plus the inheritance case: a NONE child of a protected-registration parent", () => {
    expect(FULL_SCENARIO_NAMES.slice(0, 4).map((n) => [SCENARIOS[n].adultLevel, SCENARIOS[n].childLevel])).toEqual(PROTECTION_LEVELS.map((l) => [l, l]));
    expect(person(SCENARIOS.inheritedChild.adult).protectionLevel).toBe("PROTECTED_REGISTRATION");
    expect(person(SCENARIOS.inheritedChild.child).protectionLevel).toBe("NONE");
  });

  test("closedCase: ss-1002 is assigned only on her closed case; her open case has other staff", () => {
    const c = SCENARIOS.closedCase;
    const hers = cases.filter((x) => x.personId === c.adult);
    expect(hers.map((x) => [x.id, x.status])).toEqual([
      [c.closedCaseId, "CLOSED"],
      [c.openCaseId, "OPEN"],
    ]);
    const onHerCases = assignments.filter((a) => hers.some((x) => x.id === a.caseId));
    expect(onHerCases.filter((a) => a.staffId === "ss-1002").map((a) => [a.id, a.caseId, a.endedAt])).toEqual([[c.closedCaseAssignment, c.closedCaseId, null]]);
    expect(onHerCases.filter((a) => a.caseId === c.openCaseId).map((a) => [a.id, a.staffId])).toEqual([
      [c.openCaseAssignments.socialSecretary, "ss-1001"],
      [c.openCaseAssignments.contactPerson, "cp-2001"],
    ]);
    expect(person(c.adult).protectionLevel).toBe(c.adultLevel);
    expect(householdMembers.some((m) => m.parentId === c.adult)).toBe(false);
  });

  test("PROTECTED_REGISTRATION is the common case: the children in joint custody with the restrained father, who lives elsewhere and has his own case and secretary", () => {
    const s = SCENARIOS.PROTECTED_REGISTRATION;
    expect(custodies.filter((c) => c.childId === s.child).map((c) => [c.custodianId, c.kind])).toEqual([
      [s.adult, "JOINT"],
      [s.restrainedPerson, "JOINT"],
    ]);
    const members = (householdId: string) => householdMemberships.filter((m) => m.householdId === householdId && !m.endedAt).map((m) => m.personId);
    expect(members(s.householdId).sort()).toEqual([s.adult, s.child].sort());
    expect(householdMemberships.some((m) => m.personId === s.restrainedPerson)).toBe(false);
    expect(s.restrainedCase).not.toBeNull();
    expect(cases.find((c) => c.id === s.restrainedCase?.caseId)).toMatchObject({ personId: s.restrainedPerson, status: "OPEN", ownerId: "ss-1003", unit: "social-services/malmo-ekonomi" });
    expect(assignments.filter((a) => a.caseId === s.restrainedCase?.caseId).map((a) => [a.id, a.staffId, a.role])).toEqual([[s.restrainedCase?.assignment, "ss-1003", "SOCIAL_SECRETARY"]]);
    // His consent is neither needed nor recorded: the child's custodial consent is the mother's alone.
    expect(consents.filter((c) => c.givenBy === s.restrainedPerson)).toEqual([]);
    for (const name of FULL_SCENARIO_NAMES.filter((n) => n !== "PROTECTED_REGISTRATION")) {
      expect(custodies.filter((c) => c.childId === SCENARIOS[name].child).map((c) => [c.custodianId, c.kind])).toEqual([[SCENARIOS[name].adult, "SOLE"]]);
    }
  });

  test("ASSUMED_IDENTITY: the former identity is a quarantined Person carrying the old records, and nothing in the data links it to the new one", () => {
    const s = SCENARIOS.ASSUMED_IDENTITY;
    const former = person(s.formerIdentity as string);
    const now = person(s.adult);
    expect(former.quarantinedAt).toBeTruthy();
    expect(now.quarantinedAt ?? null).toBeNull();
    for (const field of ["identityNumber", "givenName", "familyName", "streetAddress", "city", "registeredMunicipality"] as const) expect(former[field]).not.toBe(now[field]);
    expect(time(former.birthDate)).not.toBe(time(now.birthDate));
    // No row of any table names both.
    const rows: object[] = [...householdMemberships, ...custodies, ...threatRelations, ...cases, ...consents, ...applications, ...tenancies, ...incidents, ...restrainingOrders, ...threatAssessments, ...childCases];
    expect(rows.filter((row) => JSON.stringify(row).includes(former.id) && JSON.stringify(row).includes(now.id))).toEqual([]);
    // The former identity has no case, consent or household of its own now; only the old records.
    expect(cases.filter((c) => c.personId === former.id)).toEqual([]);
    expect(householdMemberships.filter((m) => m.personId === former.id)).toEqual([]);
    expect(tenancies.filter((t) => t.personId === former.id).map((t) => t.id)).toEqual([s.endedTenancy]);
    // The restrained person knows the old identity only.
    expect(restrainingOrders.filter((o) => o.restrainedPersonId === s.restrainedPerson).map((o) => o.protectedPersonId)).toEqual([former.id]);
    expect(persons.filter((p) => p.quarantinedAt).map((p) => p.id)).toEqual([former.id]);
  });

  test("scenario staff are not spread onto other roles and exist in the directory", () => {
    for (const id of Object.values(SCENARIO_STAFF)) expect(staffById.has(id)).toBe(true);
    expect(roleOf(SCENARIO_STAFF.closedCaseSocialSecretary)).toBe("SOCIAL_SECRETARY");
  });

  test("ids in SCENARIOS are the ids in the data", () => {
    const all = new Set(ids(allRowsWithIds(population)));
    for (const name of FULL_SCENARIO_NAMES) {
      const s = SCENARIOS[name];
      const values = [s.adult, s.child, s.restrainedPerson, s.caseId, s.assignments.socialSecretary, s.assignments.contactPerson, s.consentIds.valid, s.consentIds.revoked, s.consentIds.expired, s.applicationId, s.activeFlat, s.activeTenancy, s.endedFlat, s.endedTenancy, s.incident, s.restrainingOrder, s.threatAssessment, s.childCase, s.placement, s.consultation];
      for (const id of values) expect(all.has(id)).toBe(true);
    }
  });
});

describe("staff", () => {
  test("several members of every role (one register client), unique ids with the role's prefix, in the right agency", () => {
    const prefix = { SOCIAL_SECRETARY: "ss-1", CONTACT_PERSON: "cp-2", HOUSING_OFFICER: "ho-3", POLICE_LIAISON: "pl-4", CHILD_SERVICES_OFFICER: "cs-5", AUDITOR: "au-6", TEAM_LEAD: "tl-7", POPULATION_REGISTER: "pr-8", PERSONAL_SECURITY: "ps-9", SOCIAL_ON_CALL: "oc-9" } as const;
    // One desk each: the register's integration and the police's personal-security unit.
    const single = new Set(["POPULATION_REGISTER", "PERSONAL_SECURITY"]);
    expect(new Set(STAFF.map((s) => s.id)).size).toBe(STAFF.length);
    for (const role of ROLES) {
      const members = STAFF.filter((s) => s.role === role);
      expect(members.length).toBeGreaterThanOrEqual(single.has(role) ? 1 : 3);
      for (const m of members) expect(m.id).toMatch(new RegExp(`^${prefix[role]}\\d{3}$`));
    }
    for (const s of STAFF) expect(ROLES_BY_AGENCY[s.agency]).toContain(s.role);
    expect(population.staff).toBe(STAFF);
  });

  test("DEMO_STAFF lists two or three directory members per role", () => {
    for (const role of ROLES) {
      const demo = DEMO_STAFF[role];
      expect(demo.length).toBeGreaterThanOrEqual(role === "POPULATION_REGISTER" || role === "PERSONAL_SECURITY" ? 1 : 2);
      expect(demo.length).toBeLessThanOrEqual(3);
      for (const id of demo) expect(roleOf(id)).toBe(role);
    }
  });

  test("work is spread over the staff, not piled on the scenario desks", () => {
    const ssLoad = new Set(assignments.filter((a) => a.role === "SOCIAL_SECRETARY").map((a) => a.staffId));
    expect(ssLoad.size).toBe(STAFF.filter((s) => s.role === "SOCIAL_SECRETARY").length);
    expect(new Set(childCases.map((c) => c.officerId)).size).toBe(STAFF.filter((s) => s.role === "CHILD_SERVICES_OFFICER").length);
    expect(new Set(tenancies.map((t) => t.administratorId)).size).toBe(STAFF.filter((s) => s.role === "HOUSING_OFFICER").length);
  });
});

/** The invariants that must hold for any seed, not just the default one. */
function expectInvariants(p: Population): void {
  const ps = p.socialServices.persons;
  const byId = new Map(ps.map((x) => [x.id, x]));
  expect(ps.length).toBeGreaterThanOrEqual(MIN_PERSONS);
  for (const level of PROTECTION_LEVELS) expect(ps.some((x) => x.protectionLevel === level)).toBe(true);
  const all = ids(allRowsWithIds(p));
  expect(new Set(all).size).toBe(all.length);
  for (const id of all) expect(id).toMatch(/^[a-z]{3}_[a-z2-7]{10}$/);
  expect(all.filter((id) => /none|confid|marked|protect|regist|assum|ident/i.test(id))).toEqual([]);
  const numbers = ps.map((x) => x.identityNumber);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers.filter((n) => !isSyntheticIdentityNumber(n))).toEqual([]);
  const keys = ps.map((x) => `${x.givenName}|${x.familyName}|${new Date(x.birthDate).toISOString()}`);
  expect(new Set(keys).size).toBe(keys.length);
  const phones = ps.map((x) => x.phone).filter((x): x is string => typeof x === "string");
  expect(phones.filter((x) => !isFictionPhone(x))).toEqual([]);
  expect(new Set(phones).size).toBe(phones.length);
  expect(ps.filter((x) => x.protectionLevel === "PROTECTED_REGISTRATION" && x.registeredMunicipality === x.residenceMunicipality)).toEqual([]);
  for (const m of livingWithCustodian(p)) {
    const [parent, kid] = [byId.get(m.parentId), byId.get(m.childId)];
    expect(parent && kid).toBeTruthy();
    if (m.childId !== SCENARIOS.inheritedChild.child) expect(kid?.protectionLevel).toBe(parent?.protectionLevel);
  }
  const caseIds = new Set(ids(p.socialServices.cases));
  const flatIds = new Set(ids(p.housing.flats));
  const childCaseIds = new Set(ids(p.childServices.childCases));
  const dangling = [
    ...p.socialServices.cases.filter((c) => !byId.has(c.personId)),
    ...p.socialServices.assignments.filter((a) => !caseIds.has(a.caseId)),
    ...p.socialServices.consents.filter((c) => !byId.has(c.personId)),
    ...p.housing.applications.filter((a) => !byId.has(a.personId)),
    ...p.housing.tenancies.filter((t) => !byId.has(t.personId) || !flatIds.has(t.flatId)),
    ...p.policeLiaison.incidents.filter((i) => !byId.has(i.personId)),
    ...p.policeLiaison.restrainingOrders.filter((o) => !byId.has(o.protectedPersonId) || !byId.has(o.restrainedPersonId)),
    ...p.policeLiaison.threatAssessments.filter((t) => !byId.has(t.personId)),
    ...p.childServices.childCases.filter((c) => !byId.has(c.childId)),
    ...p.childServices.placements.filter((x) => !childCaseIds.has(x.childCaseId) || !byId.has(x.childId)),
    ...p.childServices.consultations.filter((c) => !childCaseIds.has(c.childCaseId)),
  ];
  expect(dangling).toEqual([]);
  const future = [
    ...ps.flatMap((x) => [x.birthDate, x.createdAt]),
    ...p.socialServices.cases.flatMap((c) => [c.openedAt, c.closedAt]),
    ...p.socialServices.assignments.flatMap((a) => [a.assignedAt, a.endedAt]),
    ...p.housing.tenancies.flatMap((t) => [t.startsOn, t.endsOn]),
    ...p.policeLiaison.incidents.map((i) => i.occurredAt),
    ...p.childServices.placements.flatMap((x) => [x.startsOn, x.endsOn]),
  ].filter((d) => d !== null && d !== undefined && (time(d) as number) > REF);
  expect(future).toEqual([]);
}

describe.each([1, 2, 7, 42, 99_999, 4_294_967_295])("with seed %d", (seed) => {
  test("every invariant still holds", () => {
    expectInvariants(buildPopulation(seed));
  });
});

test("the default population keeps the same invariants", () => {
  expectInvariants(population);
});

test("the reference date is fixed", () => {
  expect(SEED_REFERENCE_DATE.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  expect(dayFromReference(1).toISOString()).toBe("2026-11-02T00:00:00.000Z");
});
