import { describe, expect, test } from "@jest/globals";
import { planKey } from "./no-shared-caches.js";

describe("planKey", () => {
  const officer = { issuer: "https://police.example/", staffId: "pl-4001" };
  test("one actor's query plan is never another's", () => {
    expect(planKey(officer, "h")).toBe(planKey({ ...officer }, "h"));
    expect(planKey(officer, "h")).not.toBe(planKey({ ...officer, staffId: "pl-4002" }, "h"));
    expect(planKey(officer, "h")).not.toBe(planKey({ ...officer, issuer: "https://housing.example/" }, "h"));
    expect(planKey(officer, "h")).not.toBe(planKey({ ...officer, clientId: "agency-system" }, "h"));
    expect(planKey(officer, "h")).not.toBe(planKey(officer, "i"));
  });
});
