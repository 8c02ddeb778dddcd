/**
 * The operation limits of the hub's front door: each a number a deployment may set in the
 * environment, each refused with its own stable code (see codes.ts). The defaults are GraphQL
 * Armor's where it has one (depth 6, aliases 15, directives 50, tokens 1000, cost 5000); the
 * gateway README says why any is not.
 */
export interface OperationLimits {
  /** Nesting of fields, counted through fragments (a fragment adds no level of its own). */
  maxDepth: number;
  /** Aliased fields in one operation, through fragments (`__typename` aliases not counted). */
  maxAliases: number;
  /** Directives in one operation, through fragments. */
  maxDirectives: number;
  /** Lexical tokens of the document; graphql-js's parser stops at the first one past this. */
  maxTokens: number;
  /** Estimated cost: each field 1, a list's selection times its `first` (or `listSize`). */
  maxCost: number;
  /** Assumed length of a list field without `first` (Person.incidents and the like). */
  listSize: number;
  /** Selections at the root of an operation, through fragments. */
  maxRootFields: number;
  /** Characters of the document text (comments count here, not as tokens). */
  maxDocumentChars: number;
}

export const DEFAULT_LIMITS: Readonly<OperationLimits> = Object.freeze({
  maxDepth: 6,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1000,
  maxCost: 5000,
  listSize: 10,
  maxRootFields: 10,
  maxDocumentChars: 10_000,
});

/** Each limit's environment variable. */
export const LIMIT_VARIABLES: Readonly<Record<keyof OperationLimits, string>> = Object.freeze({
  maxDepth: "LIMIT_DEPTH",
  maxAliases: "LIMIT_ALIASES",
  maxDirectives: "LIMIT_DIRECTIVES",
  maxTokens: "LIMIT_TOKENS",
  maxCost: "LIMIT_COST",
  listSize: "LIMIT_LIST_SIZE",
  maxRootFields: "LIMIT_ROOT_FIELDS",
  maxDocumentChars: "LIMIT_DOCUMENT_CHARS",
});

/** A limit setting that is not a whole number from 1 to 1,000,000; names the variable, not the value. */
export class LimitSettingError extends Error {
  constructor(readonly variable: string) {
    super(`${variable}: must be a whole number from 1 to 1000000`);
  }
}

const MAX_SETTING = 1_000_000;

/** The limits from the environment; an unset or empty variable keeps its default. */
export function limitsFromEnv(env: Record<string, string | undefined>): OperationLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as [keyof OperationLimits, string][]) {
    const text = env[variable]?.trim();
    if (!text) continue;
    if (!/^[0-9]+$/.test(text)) throw new LimitSettingError(variable);
    const value = Number(text);
    if (value < 1 || value > MAX_SETTING) throw new LimitSettingError(variable);
    limits[key] = value;
  }
  return limits;
}
