import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLID,
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from "graphql";
import { collectFields } from "graphql/execution/collectFields.js";
import { getArgumentValues } from "graphql/execution/values.js";

/** One root mutation field the executor will run, in execution order: what its intent record says. */
export interface RootMutation {
  /** Position among the operation's executed root mutation fields (0, 1, …): caller text never names a record. */
  ordinal: number;
  /** The schema's mutation field, e.g. `assignStaff`. */
  field: string;
  /** The response key (an alias is caller text: used to route the response, never recorded). */
  key: string;
  /** The field nodes the executor merged under that key. */
  nodes: readonly FieldNode[];
  /** The person the input names (`subjectId`, `childId`), if any. */
  subjectId: string | null;
  /** Every ID-typed value of the input, as `argument path=id` (e.g. `input.caseId=cas_1`); never free text. */
  inputIds: string[];
}

/** Inputs that name the person a change is about. */
const PERSON_ARGUMENTS = new Set(["subjectId", "childId"]);
/** What an id looks like; anything else in an ID argument is recorded as not an id, never as given. */
const ID_SHAPE = /^[A-Za-z0-9_.:-]{1,80}$/;

/**
 * The root mutation fields as the executor collects them: fragments, inline fragments, aliases,
 * @skip/@include on the coerced variables. A skipped field is not here, so it gets no record.
 */
export function rootMutations(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): RootMutation[] {
  const root = schema.getMutationType();
  if (!root || operation.operation !== "mutation") return [];
  const found: RootMutation[] = [];
  for (const [key, nodes] of collectFields(schema, fragments, variables, root, operation.selectionSet)) {
    const node = nodes[0];
    const definition = node ? root.getFields()[node.name.value] : undefined;
    if (!node || !definition) continue;
    const args = getArgumentValues(definition, node, variables);
    const ids = definition.args.flatMap((arg) => idsIn(args[arg.name], arg.type, arg.name));
    const person = ids.find((id) => PERSON_ARGUMENTS.has(id.path.split(".").at(-1) ?? ""));
    found.push({
      ordinal: found.length,
      field: definition.name,
      key,
      nodes,
      subjectId: person && ID_SHAPE.test(person.value) ? person.value : null,
      inputIds: ids.map((id) => `${id.path}=${ID_SHAPE.test(id.value) ? id.value : "<not an id>"}`),
    });
  }
  return found;
}

/** The ID-typed leaves of a coerced argument value, with their paths; strings of other types are never read. */
function idsIn(value: unknown, type: GraphQLInputType, path: string): { path: string; value: string }[] {
  if (value === null || value === undefined) return [];
  const nullable = getNullableType(type);
  if (isListType(nullable)) return Array.isArray(value) ? value.flatMap((item) => idsIn(item, nullable.ofType, path)) : [];
  const named = getNamedType(type);
  if (named === GraphQLID) return [{ path, value: String(value) }];
  if (isInputObjectType(named) && typeof value === "object") {
    return Object.values(named.getFields()).flatMap((field) => idsIn((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`));
  }
  return [];
}

/**
 * The operation with only one root mutation field, so the gateway runs — and records — each
 * change on its own: a later member's failure cannot hide whether an earlier one ran.
 * Only the fragments it still uses go with it.
 */
export function onlyMutation(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, mutation: RootMutation): {
  document: DocumentNode;
  operation: OperationDefinitionNode;
} {
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: mutation.nodes };
  const single: OperationDefinitionNode = { ...operation, selectionSet };
  const used = new Set<string>();
  const pending = [selectionSet];
  while (pending.length > 0) {
    visit(pending.pop() as SelectionSetNode, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments[name];
        if (used.has(name) || !fragment) return;
        used.add(name);
        pending.push(fragment.selectionSet);
      },
    });
  }
  const definitions = [single, ...[...used].flatMap((name) => (fragments[name] ? [fragments[name]] : []))];
  return { document: { kind: Kind.DOCUMENT, definitions }, operation: single };
}
