import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
  type OperationDefinitionNode,
} from "graphql";
import { collectFields, collectSubfields } from "graphql/execution/collectFields.js";

export const OPERATION_NOT_EVALUABLE = "OPERATION_NOT_EVALUABLE";

/** More selections than this (fragments expanded, per possible type) are not judged: refused. */
const MAX_SELECTIONS = 20_000;

/**
 * Refuses an operation the guard could not judge: HTTP 400, a fixed text, and no data at all.
 * Never a 500, and never a response released unjudged.
 */
export function operationNotEvaluable(): GraphQLError {
  return new GraphQLError("The hub cannot evaluate this operation's shape under the access rules; it was not run.", {
    extensions: { code: OPERATION_NOT_EVALUABLE, http: { status: 400 } },
  });
}

/**
 * Walks the operation as the guard will walk its response — every field through fragments and
 * @skip/@include (with coerced variables), on every type a value could have — before anything is
 * executed, so a shape the guard cannot evaluate is refused before a subgraph runs (or writes).
 * Throws `operationNotEvaluable()`.
 */
export function assertEvaluable(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): void {
  let budget = MAX_SELECTIONS;
  const walk = (type: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>) => {
    for (const nodes of fields.values()) {
      if (--budget < 0) throw operationNotEvaluable();
      const name = nodes[0]?.name.value ?? "";
      if (name.startsWith("__")) continue;
      const definition = type.getFields()[name];
      if (!definition) throw operationNotEvaluable();
      const named = getNamedType(definition.type);
      const runtimes = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
      for (const runtime of runtimes) walk(runtime, collectSubfields(schema, fragments, variables, runtime, nodes));
    }
  };
  try {
    const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "query" ? schema.getQueryType() : null;
    if (!root) throw operationNotEvaluable();
    walk(root, collectFields(schema, fragments, variables, root, operation.selectionSet));
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === OPERATION_NOT_EVALUABLE) throw error;
    throw operationNotEvaluable();
  }
}
