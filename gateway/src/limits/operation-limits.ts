import type { ApolloServerOptions, ApolloServerPlugin } from "@apollo/server";
import type { ValidationRule } from "graphql";
import { LimitCode } from "./codes.js";
import { costLimitPlugin } from "./cost.js";
import { tokenLimitPlugin } from "./document-size.js";
import { aliasesRule, depthRule, directivesRule, rootFieldsRule } from "./rules.js";
import type { OperationLimits } from "./settings.js";

export interface ConfiguredLimits<TContext extends object> {
  /** Apollo Server's `parseOptions`: graphql-js stops parsing at the token limit. */
  parseOptions: NonNullable<ApolloServerOptions<TContext>["parseOptions"]>;
  /** Apollo Server's `validationRules`, run on the client's document. */
  validationRules: ValidationRule[];
  /** While parsing (the token limit's code) and after validation (cost, which needs the variables). */
  plugins: ApolloServerPlugin<TContext>[];
}

/**
 * The operation limits as Apollo Server options, in the order a document meets them (its length
 * is checked in front of Apollo: documentTooLong): its tokens while it is parsed, then depth, aliases, directives and root fields while it is
 * validated, then its cost before it is planned. Every refusal is HTTP 400 with a code of
 * LimitCode, and nothing has reached an agency by then.
 */
export function operationLimits<TContext extends object>(limits: OperationLimits): ConfiguredLimits<TContext> {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [depthRule(limits), aliasesRule(limits), directivesRule(limits), rootFieldsRule(limits)],
    plugins: [tokenLimitPlugin(), costLimitPlugin(limits)],
  };
}

export const LIMIT_CODES: readonly string[] = Object.values(LimitCode);
