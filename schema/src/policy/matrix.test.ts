import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { accessMatrix, accessMatrixMarkdown } from "./matrix.js";
import { placesMarkdown } from "./places.js";

describe("the policy as a table", () => {
  test("auditors are never allowed a protected value under any condition", () => {
    const auditor = accessMatrix().AUDITOR;
    for (const level of Object.values(auditor)) {
      for (const fieldClass of ["IDENTITY", "LOCATION", "CASE_DETAIL", "SAFETY", "CHILD", "HOUSING"] as const) {
        expect(level[fieldClass]).toEqual([]);
      }
    }
  });

  test("the README's table is the policy's own output", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(accessMatrixMarkdown());
    expect(readme).toContain(placesMarkdown());
  });
});
