import { describe, expect, test } from "@jest/globals";
import { isUnit, isUnitOf, requiresUnit } from "./unit.js";

describe("units", () => {
  test.each(["housing/malmo", "social-services/malmo-vald", "police-liaison/personsakerhet-syd", "child-services/lund/bou-2"])(
    "%s is a unit",
    (unit) => expect(isUnit(unit)).toBe(true),
  );

  test.each([
    ["no slash", "housing"],
    ["an empty segment", "housing//malmo"],
    ["a trailing slash", "housing/malmo/"],
    ["a leading slash", "/housing/malmo"],
    ["upper case", "Housing/Malmo"],
    ["a letter outside a-z", "housing/malmö"],
    ["a space", "housing/malmo vuxen"],
    ["over 64 characters", `housing/${"a".repeat(57)}`],
    ["not a string", 7],
  ])("%s is not", (_, unit) => expect(isUnit(unit)).toBe(false));

  test("64 characters are the limit", () => expect(isUnit(`housing/${"a".repeat(56)}`)).toBe(true));

  test("a unit belongs to the agency its first segment names, not one that merely begins the same", () => {
    expect(isUnitOf("housing", "housing/malmo")).toBe(true);
    expect(isUnitOf("housing", "police-liaison/malmo")).toBe(false);
    expect(isUnitOf("social-services", "social-services-x/malmo")).toBe(false);
  });

  test("case roles and team leads need a unit; auditors and the register do not", () => {
    expect(requiresUnit("HOUSING_OFFICER")).toBe(true);
    expect(requiresUnit("TEAM_LEAD")).toBe(true);
    expect(requiresUnit("PERSONAL_SECURITY")).toBe(true);
    expect(requiresUnit("AUDITOR")).toBe(false);
    expect(requiresUnit("POPULATION_REGISTER")).toBe(false);
  });
});
