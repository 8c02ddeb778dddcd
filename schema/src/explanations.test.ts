import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { EXPLANATION_GROUPS, EXPLANATIONS, explain } from "./explanations.js";

describe("the explanation catalogue", () => {
  test("every group's codes are its own: no code is defined twice (one would silently win)", () => {
    const defined = Object.values(EXPLANATION_GROUPS).flatMap((group) => Object.keys(group));
    const twice = defined.filter((code, index) => defined.indexOf(code) !== index);
    expect(twice).toEqual([]);
    expect(Object.keys(EXPLANATIONS)).toHaveLength(defined.length);
  });

  test("every entry is keyed by its code and says something in both languages", () => {
    for (const [code, explanation] of Object.entries(EXPLANATIONS)) {
      expect(explanation.code).toBe(code);
      expect(explanation.sv.trim().length).toBeGreaterThan(10);
      expect(explanation.en.trim().length).toBeGreaterThan(10);
      expect(explanation.sv).not.toBe(explanation.en);
    }
  });

  test("explain() returns the catalogue's entry, and for an unknown code a generic one without throwing", () => {
    expect(explain("REQUIRES_ASSIGNMENT")).toBe(EXPLANATIONS.REQUIRES_ASSIGNMENT);
    const unknown = explain("NO_SUCH_CODE");
    expect(unknown).toMatchObject({ code: "NO_SUCH_CODE", kind: "error" });
    expect(unknown.en.length).toBeGreaterThan(10);
    // Inherited names are not codes.
    expect(explain("toString").code).toBe("toString");
    expect(explain("toString").en).toBe(unknown.en);
  });

  test("it imports nothing: it is bundled into browser apps", () => {
    const source = readFileSync(new URL("./explanations.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(|\bprocess\./);
  });
});

describe("the README's table of codes", () => {
  test("is the catalogue's own output (run `npm run docs` if not)", async () => {
    const { explanationsMarkdown } = await import("./explanations-table.js");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(`<!-- explanations -->\n${explanationsMarkdown()}\n<!-- /explanations -->`);
    for (const code of Object.keys(EXPLANATIONS)) expect(explanationsMarkdown()).toContain(`| \`${code}\` |`);
  });
});
