import { describe, expect, test } from "@jest/globals";
import type { Actor } from "../actor.js";
import type { FieldClass } from "../classification.js";
import { ageAt, consentScopeOf } from "./consent.js";
import type { ConsentFact, SubjectFacts } from "./facts.js";

const NOW = new Date("2026-12-01T12:00:00Z");
const officer: Actor = { staffId: "cs-1", role: "CHILD_SERVICES_OFFICER", agency: "child-services", purpose: "COORDINATED_SUPPORT", issuer: "test", unit: "child-services/a" };

const given = (givenBy: string, scope: FieldClass[] = ["CHILD"], over: Partial<ConsentFact> = {}): ConsentFact => ({
  recipientAgency: "child-services",
  recipientUnit: "child-services/a",
  purpose: "COORDINATED_SUPPORT",
  scope,
  validFrom: "2026-01-01T00:00:00Z",
  validTo: "2027-01-01T00:00:00Z",
  revokedAt: null,
  recordedAt: "2026-01-01T00:00:00Z",
  givenBy,
  form: "WRITTEN",
  ...over,
});

/** A child of the given age today, with a mother and a father as custodians. */
function child(age: number, consents: ConsentFact[], fatherIsThreat = false): SubjectFacts {
  return {
    id: "per_child",
    protectionLevel: "NONE",
    householdLevels: ["PROTECTED_REGISTRATION"],
    assignments: [],
    caseUnits: [],
    consents,
    custodians: [
      { personId: "per_mother", threat: false },
      { personId: "per_father", threat: fatherIsThreat },
    ],
    birthDate: `${2026 - age}-06-01`,
    quarantined: false,
  };
}

const scope = (subject: SubjectFacts) => [...consentScopeOf(officer, subject, NOW)].sort();

describe("who may consent for whom (OSL 12 kap., SoL 11 kap. 10 §)", () => {
  test.each([
    ["joint custody: one custodian's consent is not enough", child(8, [given("per_mother")]), []],
    ["joint custody: both custodians' consent counts", child(8, [given("per_mother"), given("per_father")]), ["CHILD"]],
    ["…for the classes both named only", child(8, [given("per_mother", ["CHILD", "HOUSING"]), given("per_father", ["CHILD"])]), ["CHILD"]],
    ["a custodian who is a threat person is not needed: the other custodian's consent counts", child(8, [given("per_mother")], true), ["CHILD"]],
    ["…and his consent never counts", child(8, [given("per_father")], true), []],
    ["…not even beside the child's own at fifteen", child(15, [given("per_father")], true), []],
    ["from twelve, the child's own consent is needed as well", child(12, [given("per_mother"), given("per_father")]), []],
    ["…and with it the custodians' counts", child(12, [given("per_mother"), given("per_father"), given("per_child")]), ["CHILD"]],
    ["the child's own consent alone is not enough before fifteen", child(14, [given("per_child")]), []],
    ["from fifteen the child decides herself", child(15, [given("per_child")]), ["CHILD"]],
    ["…and the custodians cannot decide for her", child(16, [given("per_mother"), given("per_father")]), []],
    ["a stranger's consent never counts", child(8, [given("per_mother"), given("per_stranger")]), []],
    ["a consent to another unit of the agency counts for nothing here", child(8, [given("per_mother"), given("per_father", ["CHILD"], { recipientUnit: "child-services/b" })]), []],
    ["a revoked custodial consent counts for nothing", child(8, [given("per_mother"), given("per_father", ["CHILD"], { revokedAt: "2026-11-01T00:00:00Z" })]), []],
  ] as const)("%s", (_name, subject, expected) => {
    expect(scope(subject)).toEqual(expected);
  });

  test("an adult consents for herself only", () => {
    const adult = { ...child(30, [given("per_mother")]), id: "per_adult" };
    expect(scope(adult)).toEqual([]);
    expect(scope({ ...adult, consents: [given("per_adult")] })).toEqual(["CHILD"]);
  });

  test("a person whose age is not known: only her own consent", () => {
    expect(scope({ ...child(8, [given("per_mother"), given("per_father")]), birthDate: null })).toEqual([]);
    expect(scope({ ...child(8, [given("per_child")]), birthDate: null })).toEqual(["CHILD"]);
  });

  test("an officer who states no unit is named by no consent", () => {
    const subject = child(15, [given("per_child")]);
    expect([...consentScopeOf({ ...officer, unit: undefined }, subject, NOW)]).toEqual([]);
  });

  test("age counts whole years up to the birthday", () => {
    expect(ageAt("2011-12-01", NOW)).toBe(15);
    expect(ageAt("2011-12-02", NOW)).toBe(14);
    expect(ageAt("not a date", NOW)).toBeNull();
  });
});
