import { describe, expect, test } from "@jest/globals";
import { DEFAULT_LIMITS, LimitSettingError, limitsFromEnv } from "./settings.js";

describe("operation limits from the environment", () => {
  test("unset or empty variables keep GraphQL Armor's defaults (and the hub's own for the rest)", () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ LIMIT_DEPTH: "", LIMIT_COST: "  " })).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toMatchObject({ maxDepth: 6, maxAliases: 15, maxDirectives: 50, maxTokens: 1000, maxCost: 5000 });
  });

  test("each variable sets its own limit", () => {
    const env = {
      LIMIT_DEPTH: "8",
      LIMIT_ALIASES: "20",
      LIMIT_DIRECTIVES: "10",
      LIMIT_TOKENS: "2000",
      LIMIT_COST: "12000",
      LIMIT_LIST_SIZE: "25",
      LIMIT_ROOT_FIELDS: "4",
      LIMIT_DOCUMENT_CHARS: " 50000 ",
    };
    expect(limitsFromEnv(env)).toEqual({
      maxDepth: 8,
      maxAliases: 20,
      maxDirectives: 10,
      maxTokens: 2000,
      maxCost: 12000,
      listSize: 25,
      maxRootFields: 4,
      maxDocumentChars: 50000,
    });
  });

  test.each(["0", "-1", "1.5", "1e3", "six", "0x10", "1000001", "Infinity"])("a limit of %p is refused, naming the variable", (value) => {
    expect(() => limitsFromEnv({ LIMIT_DEPTH: value })).toThrow(LimitSettingError);
    // The message names the variable and the rule, never the value that was set.
    expect(() => limitsFromEnv({ LIMIT_ALIASES: value })).toThrow(/^LIMIT_ALIASES: must be a whole number from 1 to 1000000$/);
  });
});
