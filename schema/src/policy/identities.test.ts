import { describe, expect, test } from "@jest/globals";
import { PROTECTION_LEVELS } from "../protection.js";
import { ROLES } from "../actor.js";
import { displayedLevel, knowsFormerIdentities, mayResolveIdentityNumbers } from "./identities.js";

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

  test("only agency systems of roles that handle persons, and the population register, resolve identity numbers", () => {
    const systems = ROLES.filter((role) => mayResolveIdentityNumbers({ role, clientId: "agency-system" }));
    expect(systems.sort()).toEqual(["CHILD_SERVICES_OFFICER", "CONTACT_PERSON", "HOUSING_OFFICER", "POLICE_LIAISON", "POPULATION_REGISTER", "SOCIAL_SECRETARY", "TEAM_LEAD"]);
    expect(ROLES.filter((role) => mayResolveIdentityNumbers({ role }))).toEqual([]);
    expect(mayResolveIdentityNumbers({ role: "HOUSING_OFFICER", clientId: "" })).toBe(false);
  });
});
