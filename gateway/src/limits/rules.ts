import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { type ASTVisitor, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import { LimitCode, limitRefusal } from "./codes.js";
import type { OperationLimits } from "./settings.js";

/**
 * GraphQL Armor's rules, configured: each reports a validation error with the hub's stable code
 * instead of throwing (Armor's default `propagateOnRejection` throws out of graphql-js's
 * validate, which Apollo answers with HTTP 500), and none echoes the measured figure of a
 * rejected document beyond the limit itself.
 */
function reporting(code: LimitCode, message: string) {
  return {
    propagateOnRejection: false,
    exposeLimits: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(limitRefusal(code, message))],
  };
}

export function depthRule(limits: Pick<OperationLimits, "maxDepth">): ValidationRule {
  // flattenFragments: a fragment spread is no level of its own; its fields are counted where spread.
  // Introspection (`__schema`) is not counted: its depth is the schema's, and it is bounded by
  // the token limit and switched off where trusted documents are enforced.
  return maxDepthRule({
    n: limits.maxDepth,
    flattenFragments: true,
    ignoreIntrospection: true,
    ...reporting(LimitCode.OPERATION_TOO_DEEP, `The operation nests fields deeper than ${limits.maxDepth} levels.`),
  }) as unknown as ValidationRule;
}

export function aliasesRule(limits: Pick<OperationLimits, "maxAliases">): ValidationRule {
  return maxAliasesRule({
    n: limits.maxAliases,
    ...reporting(LimitCode.TOO_MANY_ALIASES, `The operation uses more than ${limits.maxAliases} aliases.`),
  }) as unknown as ValidationRule;
}

export function directivesRule(limits: Pick<OperationLimits, "maxDirectives">): ValidationRule {
  return maxDirectivesRule({
    n: limits.maxDirectives,
    ...reporting(LimitCode.TOO_MANY_DIRECTIVES, `The operation uses more than ${limits.maxDirectives} directives.`),
  }) as unknown as ValidationRule;
}

/**
 * Root selections of an operation, through fragments (each fragment counted once, as the other
 * rules do). GraphQL Armor has no such rule; without it one request can ask every agency for
 * every list at once within the cost limit's per-field estimate.
 */
export function rootFieldsRule(limits: Pick<OperationLimits, "maxRootFields">): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const counted = new Set<string>();
    const count = (selectionSet: SelectionSetNode): number =>
      selectionSet.selections.reduce((total, selection) => {
        if (selection.kind === Kind.FIELD) return total + 1;
        if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet);
        if (counted.has(selection.name.value)) return total;
        counted.add(selection.name.value);
        const fragment = context.getFragment(selection.name.value);
        return fragment ? total + count(fragment.selectionSet) : total;
      }, 0);
    return {
      OperationDefinition(operation) {
        counted.clear();
        if (count(operation.selectionSet) > limits.maxRootFields) {
          context.reportError(limitRefusal(LimitCode.TOO_MANY_ROOT_FIELDS, `The operation selects more than ${limits.maxRootFields} root fields.`));
        }
      },
    };
  };
}
