import { describe, expect, test } from "@jest/globals";
import { PROTECTION_LEVELS } from "../protection.js";
import { ROLES } from "../actor.js";
import { displayedLevel, knowsFormerIdentities } from "./identities.js";

describe("assumed identities look ordinary", () => {
  test("to every role but personal security an assumed identity reads as protected registration; every other level as it is", () => {
    for (const role of ROLES) {
      for (const level of PROTECTION_LEVELS) {
        const expected = level === "ASSUMED_IDENTITY" && role !== "PERSONAL_SECURITY" ? "PROTECTED_REGISTRATION" : level;
        expect(displayedLevel(level, { role })).toBe(expected);
      }
    }
  });

  test("only the personal-security unit knows former identities", () => {
    expect(ROLES.filter((role) => knowsFormerIdentities({ role }))).toEqual(["PERSONAL_SECURITY"]);
  });
});
