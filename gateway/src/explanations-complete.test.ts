import { describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ErrorCode, EXPLANATIONS, REDACT_REASONS, UNAVAILABLE_REASONS, WRITE_DENY_REASONS } from "@skyddsnat/schema";
import { AUTHENTICATION_REASONS } from "./auth/errors.js";
import { CallerMistake } from "./caller-mistakes.js";
import { OPERATION_NOT_EVALUABLE } from "./guard/operation-shape.js";
import { RESERVED_NAME } from "./guard/reserved-names.js";
import { LIMIT_CODES } from "./limits/index.js";
import { OVERLOADED } from "./traffic/load-shedding.js";
import { RATE_LIMITED } from "./traffic/rate-limit.js";
import { PERSISTED_QUERY_NOT_ALLOWED } from "./trusted-documents/trusted-documents.js";

/**
 * The catalogue (schema/src/explanations.ts) must explain every code the hub can answer. The code
 * lists are imported where they exist; the codes written inline at a call are read off the
 * source of every package that answers callers.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ANSWERING = ["gateway/src", "schema/src", "infra/platform/src", ...readdirSync(join(ROOT, "subgraphs")).map((name) => `subgraphs/${name}/src`)];

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes("/generated/"));
}

/** The text of a call's arguments from its opening parenthesis, skipping parentheses in strings. */
function argumentsOf(text: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return "";
}

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{4,}$/;
const literals = (text: string) => [...text.matchAll(/"([^"\\]*)"/g)].map((m) => m[1] as string).filter((s) => CODE.test(s));

/** Codes written inline: a refusal's reason at badUserInput/forbiddenOperation, reason/code literals, HttpError codes. */
function inlineCodes(source: string): string[] {
  const found: string[] = [];
  for (const call of source.matchAll(/\b(badUserInput|forbiddenOperation|forbiddenField|unauthenticated)\(/g)) {
    if (source.slice(Math.max(0, (call.index ?? 0) - 9), call.index).includes("function")) continue;
    found.push(...literals(argumentsOf(source, (call.index ?? 0) + (call[0].length - 1))));
  }
  for (const m of source.matchAll(/\b(?:reason|code)\s*:\s*"([A-Z_]+)"/g)) found.push(m[1] as string);
  for (const m of source.matchAll(/new HttpError\(\s*\d{3}\s*,\s*"([A-Z_]+)"/g)) found.push(m[1] as string);
  return found;
}

const scanned = [...new Set(ANSWERING.flatMap(sourcesUnder).flatMap((path) => inlineCodes(readFileSync(path, "utf8"))))];

describe("every code the hub answers is explained", () => {
  test("the source scan finds inline codes (it would otherwise pass on nothing)", () => {
    expect(scanned).toEqual(expect.arrayContaining(["HOUSEHOLD_PROTECTED_THROUGH_HER", "MEETING_PLACE_FORBIDDEN", "ROLE_NOT_OF_AGENCY", "REQUIRES_AGENCY_SYSTEM", "ISSUER_UNAVAILABLE", "EXCLUDED_BY_FILTER", "PAYLOAD_TOO_LARGE"]));
    const call = ["throw badUserInput(`At most (", "$", "{N}) ids.`, \"ids\", \"NEW_CODE\");"].join("");
    expect(inlineCodes(call)).toEqual(["NEW_CODE"]);
  });

  test.each([
    ["error codes", Object.values(ErrorCode)],
    ["authentication reasons", AUTHENTICATION_REASONS],
    ["withheld reasons", REDACT_REASONS],
    ["write refusals", WRITE_DENY_REASONS],
    ["unavailable services", UNAVAILABLE_REASONS],
    ["front-door limits", LIMIT_CODES],
    ["caller mistakes", Object.values(CallerMistake)],
    ["gateway refusals", [RESERVED_NAME, OPERATION_NOT_EVALUABLE, PERSISTED_QUERY_NOT_ALLOWED, "PERSISTED_QUERY_NOT_SUPPORTED", RATE_LIMITED, OVERLOADED]],
    // Apollo Server's own answers that reach a caller.
    ["Apollo's answers", ["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "INTERNAL_SERVER_ERROR"]],
    ["codes written inline in the source", scanned],
  ])("%s", (_, codes) => {
    expect([...codes].filter((code) => !(code in EXPLANATIONS))).toEqual([]);
  });
});
