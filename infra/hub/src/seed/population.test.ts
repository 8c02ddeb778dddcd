import { describe, expect, test } from "@jest/globals";
import { PROTECTION_LEVELS } from "@skyddsnat/schema";
import { isValidIdentityNumber } from "./identity-numbers.js";
import { buildPopulation } from "./population.js";

describe("the demo population", () => {
  const population = buildPopulation();
  const persons = population.socialServices.persons;
  const personIds = new Set(persons.map((p) => p.id));

  test("is deterministic: the same seed gives the same data, another seed other data", () => {
    expect(JSON.stringify(buildPopulation())).toBe(JSON.stringify(population));
    expect(buildPopulation(7).socialServices.persons[0]?.id).not.toBe(persons[0]?.id);
  });

  test("has at least 200 persons across every protection level", () => {
    expect(persons.length).toBeGreaterThanOrEqual(200);
    for (const level of PROTECTION_LEVELS) expect(persons.filter((p) => p.protectionLevel === level).length).toBeGreaterThan(5);
  });

  test("identity numbers are well-formed, unique and from the synthetic serial block", () => {
    const numbers = persons.map((p) => p.identityNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) {
      expect(isValidIdentityNumber(n)).toBe(true);
      expect(Number(n.slice(9, 12))).toBeGreaterThanOrEqual(980);
    }
  });

  test("phone numbers come only from the range reserved for fiction", () => {
    for (const p of persons) if (p.phone) expect(p.phone).toMatch(/^070-174 06 (0[5-9]|[1-9]\d)$/);
  });

  test("ids are opaque: none spells a protection level or an identity number", () => {
    for (const p of persons) {
      expect(p.id).toMatch(/^per_[a-z2-7]{10}$/);
      expect(p.id.toUpperCase()).not.toMatch(/NONE|PROTECT|ASSUMED|MARKED/);
    }
  });

  test("every reference resolves", () => {
    const caseIds = new Set(population.socialServices.cases.map((c) => c.id));
    const flatIds = new Set(population.housing.flats.map((f) => f.id));
    const childCaseIds = new Set(population.childServices.childCases.map((c) => c.id));
    for (const m of population.socialServices.householdMembers) expect(personIds.has(m.parentId) && personIds.has(m.childId)).toBe(true);
    for (const c of population.socialServices.cases) expect(personIds.has(c.personId)).toBe(true);
    for (const a of population.socialServices.assignments) expect(caseIds.has(a.caseId)).toBe(true);
    for (const t of population.housing.tenancies) expect(personIds.has(t.personId) && flatIds.has(t.flatId)).toBe(true);
    for (const o of population.policeLiaison.restrainingOrders) expect(personIds.has(o.protectedPersonId) && personIds.has(o.restrainedPersonId)).toBe(true);
    for (const p of population.childServices.placements) expect(childCaseIds.has(p.childCaseId) && personIds.has(p.childId)).toBe(true);
  });

  test("protected registration means registered elsewhere than living", () => {
    for (const p of persons.filter((x) => x.protectionLevel === "PROTECTED_REGISTRATION")) {
      expect(p.registeredMunicipality).not.toBe(p.residenceMunicipality);
    }
  });

  test("no two persons share an identity: nothing can link an assumed identity to another record", () => {
    const keys = persons.map((p) => `${p.givenName}|${p.familyName}|${String(p.birthDate)}`);
    const assumed = persons.filter((p) => p.protectionLevel === "ASSUMED_IDENTITY");
    for (const p of assumed) expect(keys.filter((k) => k === `${p.givenName}|${p.familyName}|${String(p.birthDate)}`)).toHaveLength(1);
  });

  test("the scenarios have the relationships the access tests rely on", () => {
    const s = population.scenarios.PROTECTED_REGISTRATION;
    expect(s.children).toHaveLength(1);
    expect(s.activeTenancy && s.endedTenancy && s.childCase && s.placement && s.restrainedPerson).toBeTruthy();
    expect(s.consentIds.valid).toHaveLength(1);
    expect(s.consentIds.revoked).toHaveLength(1);
    expect(s.consentIds.expired).toHaveLength(1);
  });
});
