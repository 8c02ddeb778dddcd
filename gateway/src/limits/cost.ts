import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, type GraphQLSchema, getNullableType, isListType } from "graphql";
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

/** What the estimate of one operation came to: its cost, over the node limit, or variables that do not fit. */
export type CostEstimate = number | "TOO_MANY_NODES" | "VARIABLES_DO_NOT_FIT";

export type EstimateCost = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined) => CostEstimate;

/** Variable sets remembered per document; one actor's client view asks about each of her clients. */
export const COST_ESTIMATES_PER_DOCUMENT = 64;

/**
 * The estimate remembered per (schema, parsed document, operation name, variables): it is a pure
 * function of exactly these (and of the estimators and limits, fixed per plugin), so a hit is the
 * estimate itself. Keyed by the document object, which the per-actor document cache hands out
 * again only to the actor who sent it (actor-documents.ts): no actor's request is ever answered
 * faster for a text another sent (design invariant 11). Weak in the schema and the document, so
 * the memo lives only as long as they; bounded per document, least recently used out.
 */
export function rememberedEstimates(estimate: EstimateCost, perDocument: number = COST_ESTIMATES_PER_DOCUMENT): EstimateCost {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, CostEstimate>>>();
  return (schema, document, variables, operationName) => {
    let byDocument = bySchema.get(schema);
    if (!byDocument) {
      byDocument = new WeakMap();
      bySchema.set(schema, byDocument);
    }
    let estimates = byDocument.get(document);
    if (!estimates) {
      estimates = new Map();
      byDocument.set(document, estimates);
    }
    // JSON.stringify of JSON-parsed variables is exact (key order aside, which only misses).
    const key = JSON.stringify([operationName ?? null, variables]);
    const kept = estimates.get(key);
    if (kept !== undefined) {
      estimates.delete(key);
      estimates.set(key, kept);
      return kept;
    }
    const fresh = estimate(schema, document, variables, operationName);
    estimates.set(key, fresh);
    if (estimates.size > perDocument) estimates.delete(estimates.keys().next().value as string);
    return fresh;
  };
}

/** graphql-query-complexity's estimate under the hub's cost model, counting at most maxCost nodes. */
export function complexityEstimate(limits: Pick<OperationLimits, "maxCost" | "listSize">): EstimateCost {
  const estimators = [listSizeEstimator(limits)];
  return (schema, document, variables, operationName) => {
    try {
      return getComplexity({
        schema,
        query: document,
        estimators,
        variables,
        ...(operationName ? { operationName } : {}),
        maxQueryNodes: limits.maxCost,
      });
    } catch (error) {
      if (error instanceof Error && error.message === NODE_LIMIT_MESSAGE) return "TOO_MANY_NODES";
      return "VARIABLES_DO_NOT_FIT";
    }
  };
}

/**
 * Refuses an operation whose estimated cost exceeds maxCost, after validation and before any
 * planning (the query planner is what took ~2 s over a fragment bomb). Run here rather than as a
 * validation rule because `first: $n` needs the request's variables. Counting stops after
 * maxCost nodes (a fragment that spreads the next twice doubles per level): that too is a refusal.
 */
export function costLimitPlugin<TContext extends object>(limits: Pick<OperationLimits, "maxCost" | "listSize">): ApolloServerPlugin<TContext> {
  const estimate = rememberedEstimates(complexityEstimate(limits));
  const tooCostly = () => limitRefusal(LimitCode.OPERATION_TOO_COSTLY, `The operation's estimated cost exceeds ${limits.maxCost}.`);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = estimate(schema, document, request.variables ?? {}, operation.name?.value);
          // Variables that do not fit their definitions: execution refuses them with its own 400.
          if (cost === "VARIABLES_DO_NOT_FIT") return;
          if (cost === "TOO_MANY_NODES" || cost > limits.maxCost) throw tooCostly();
        },
      };
    },
  };
}
