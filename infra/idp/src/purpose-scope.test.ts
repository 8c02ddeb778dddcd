import { describe, expect, test } from "@jest/globals";
import { PURPOSES, PURPOSES_BY_ROLE, ROLES } from "@skyddsnat/schema";
import { choosePurpose } from "./purpose-scope.js";

describe("choosePurpose: exactly one purpose, one the role may state", () => {
  const rows = ROLES.flatMap((role) => PURPOSES.map((purpose) => [role, purpose, PURPOSES_BY_ROLE[role].includes(purpose)] as const));
  test.each(rows)("%s asking for purpose:%s → allowed %s", (role, purpose, allowed) => {
    expect(choosePurpose(`openid offline_access purpose:${purpose}`, role)).toEqual(allowed ? { ok: true, purpose } : { ok: false, reason: "this role may not state that purpose" });
  });

  test.each([
    ["no purpose", "openid offline_access"],
    ["two purposes", "openid purpose:CASE_WORK purpose:COORDINATED_SUPPORT"],
    ["the same purpose twice", "purpose:CASE_WORK purpose:CASE_WORK"],
    ["no scope at all", undefined],
  ])("refuses %s", (_, scope) => {
    expect(choosePurpose(scope, "SOCIAL_SECRETARY")).toEqual({ ok: false, reason: "name exactly one purpose:<PURPOSE> scope" });
  });

  test("refuses a purpose that does not exist, whatever its case", () => {
    expect(choosePurpose("purpose:case_work", "SOCIAL_SECRETARY")).toEqual({ ok: false, reason: "unknown purpose" });
    expect(choosePurpose("purpose:", "SOCIAL_SECRETARY")).toEqual({ ok: false, reason: "unknown purpose" });
  });
});
