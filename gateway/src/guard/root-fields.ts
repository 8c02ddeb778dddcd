import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { collectFields } from "graphql/execution/collectFields.js";
import { getArgumentValues } from "graphql/execution/values.js";

/** A root field of the operation as the executor ran it, with what the audit needs to know of it. */
export interface RootField {
  /** The response key (the caller's alias, if any): to find its value, never recorded. */
  key: string;
  /** The field's name and schema coordinate, e.g. persons and Query.persons. */
  name: string;
  coordinate: string;
  /** Its arguments as the executor coerced them (variables and defaults applied). */
  args: Record<string, unknown>;
  /** The persons of the items it returned (a list, or a connection's nodes), from the guard's hidden fields. */
  subjectIds: string[];
}

/** The items of a list field's value: the list itself, or a connection's nodes. */
function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const nodes = value && typeof value === "object" ? (value as { nodes?: unknown }).nodes : undefined;
  return Array.isArray(nodes) ? nodes : [];
}

/**
 * The operation's root fields (aliases, fragments, @skip/@include resolved as the executor did),
 * each with its coerced arguments and the subjects it returned. Without `data` (nothing came
 * back) the subjects are empty.
 */
export function rootFields(
  walk: { schema: GraphQLSchema; fragments: Record<string, FragmentDefinitionNode>; variables: Record<string, unknown> },
  operation: OperationDefinitionNode,
  data?: Record<string, unknown>,
  subjects?: WeakMap<object, string | null>,
): RootField[] {
  const root = operation.operation === "mutation" ? walk.schema.getMutationType() : walk.schema.getQueryType();
  if (!root) return [];
  return [...collectFields(walk.schema, walk.fragments, walk.variables, root, operation.selectionSet)].flatMap(([key, nodes]) => {
    const node = nodes[0];
    const definition = node ? root.getFields()[node.name.value] : undefined;
    if (!node || !definition) return [];
    const subjectIds = itemsOf(data?.[key]).flatMap((item) => {
      const subject = item && typeof item === "object" ? subjects?.get(item) : undefined;
      return subject ? [subject] : [];
    });
    return [{ key, name: definition.name, coordinate: `${root.name}.${definition.name}`, args: getArgumentValues(definition, node, walk.variables), subjectIds }];
  });
}
