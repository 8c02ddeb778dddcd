import type { ApolloServerPlugin } from "@apollo/server";
import { getNullableType, isListType } from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { LimitCode, limitRefusal } from "./codes.js";
import type { OperationLimits } from "./settings.js";

/** graphql-query-complexity's own refusal when it stops counting (maxQueryNodes). */
const NODE_LIMIT_MESSAGE = "Query exceeds the maximum allowed number of nodes.";

/**
 * The hub's cost model for graphql-query-complexity: every field costs 1; a field with `first`
 * costs its selection `first` times (a connection's `nodes` list is that page, so it is not
 * multiplied again); any other list field costs its selection `listSize` times. Introspection
 * is free here (it reads the schema, not the agencies; the token limit bounds it).
 */
export function listSizeEstimator(limits: Pick<OperationLimits, "listSize">): ComplexityEstimator {
  return ({ field, type, args, childComplexity }) => {
    if (type.name.startsWith("__") || field.name.startsWith("__")) return 0;
    if (typeof args.first === "number") return 1 + Math.max(args.first, 0) * childComplexity;
    const pageOfConnection = field.name === "nodes" && type.name.endsWith("Connection");
    if (isListType(getNullableType(field.type)) && !pageOfConnection) return 1 + limits.listSize * childComplexity;
    return 1 + childComplexity;
  };
}

/**
 * Refuses an operation whose estimated cost exceeds maxCost, after validation and before any
 * planning (the query planner is what took ~2 s over a fragment bomb). Run here rather than as a
 * validation rule because `first: $n` needs the request's variables. Counting stops after
 * maxCost nodes (a fragment that spreads the next twice doubles per level): that too is a refusal.
 */
export function costLimitPlugin<TContext extends object>(limits: Pick<OperationLimits, "maxCost" | "listSize">): ApolloServerPlugin<TContext> {
  const estimators = [listSizeEstimator(limits)];
  const tooCostly = () => limitRefusal(LimitCode.OPERATION_TOO_COSTLY, `The operation's estimated cost exceeds ${limits.maxCost}.`);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              estimators,
              variables: request.variables ?? {},
              ...(operation.name ? { operationName: operation.name.value } : {}),
              maxQueryNodes: limits.maxCost,
            });
          } catch (error) {
            if (error instanceof Error && error.message === NODE_LIMIT_MESSAGE) throw tooCostly();
            // Variables that do not fit their definitions: execution refuses them with its own 400.
            return;
          }
          if (cost > limits.maxCost) throw tooCostly();
        },
      };
    },
  };
}
