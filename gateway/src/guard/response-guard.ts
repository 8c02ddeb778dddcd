import {
  type AccessDecision,
  type Actor,
  type Agency,
  decide,
  type FieldClass,
  forbiddenField,
  type SubjectFacts,
  unknownSubject,
} from "@skyddsnat/schema";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  type OperationDefinitionNode,
} from "graphql";
import { collectFields, collectSubfields } from "graphql/execution/collectFields.js";
import type { ClassificationMap } from "./classification-map.js";
import { HIDDEN } from "./record-fields.js";

/** One classified value found in the response, waiting for its decision. */
export interface Check {
  path: (string | number)[];
  /** Dotted schema path, e.g. Person.streetAddress — what the audit log records. */
  field: string;
  fieldClass: FieldClass;
  subjectId: string | null;
  stewardId: string | null;
  owner: Agency | null;
  holder: Record<string, unknown>;
  key: string;
}

interface Walk {
  /** collectSubfields per (selection, type): every item of a list shares one. */
  subfields?: WeakMap<readonly FieldNode[], Map<string, Map<string, readonly FieldNode[]>>>;
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  classes: ClassificationMap;
  checks: Check[];
}

/**
 * Finds every non-null classified value in a composed response. Fields are matched through the
 * operation (aliases, fragments, @skip/@include) exactly as the executor did.
 */
export function findChecks(
  data: Record<string, unknown>,
  operation: OperationDefinitionNode,
  walk: Omit<Walk, "checks">,
): Check[] {
  const state: Walk = { ...walk, checks: [] };
  const root = operation.operation === "mutation" ? walk.schema.getMutationType() : walk.schema.getQueryType();
  if (!root) return [];
  const fields = collectFields(walk.schema, walk.fragments, walk.variables, root, operation.selectionSet);
  for (const [key, nodes] of fields) {
    const definition = root.getFields()[nodes[0]?.name.value ?? ""];
    if (definition) visitValue(state, getNamedType(definition.type), nodes, data[key], [key]);
  }
  return state.checks;
}

function visitValue(state: Walk, type: unknown, nodes: readonly FieldNode[], value: unknown, path: (string | number)[]): void {
  if (value === null || value === undefined || !isObjectType(type)) return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) visitValue(state, type, nodes, item, [...path, index]);
    return;
  }
  visitObject(state, type, nodes, value as Record<string, unknown>, path);
}

function visitObject(
  state: Walk,
  declared: GraphQLObjectType,
  nodes: readonly FieldNode[],
  object: Record<string, unknown>,
  path: (string | number)[],
): void {
  const runtime = state.schema.getType(String(object[HIDDEN.type] ?? declared.name));
  const type = isObjectType(runtime) ? runtime : declared;
  state.subfields ??= new WeakMap();
  let byType = state.subfields.get(nodes);
  if (!byType) {
    byType = new Map();
    state.subfields.set(nodes, byType);
  }
  let subfields = byType.get(type.name);
  if (!subfields) {
    subfields = collectSubfields(state.schema, state.fragments, state.variables, type, nodes);
    byType.set(type.name, subfields);
  }
  const subjectId = (type.name === "Person" ? object[HIDDEN.id] : object[HIDDEN.subject]) as string | null | undefined;
  const stewardId = (object[HIDDEN.steward] ?? null) as string | null;
  const classes = state.classes.get(type.name);
  for (const [key, fieldNodes] of subfields) {
    const name = fieldNodes[0]?.name.value ?? "";
    if (key.startsWith("__sn_") || name.startsWith("__")) continue;
    const value = object[key];
    const info = classes?.get(name);
    const fieldClass = info?.fieldClass;
    if (fieldClass !== "REFERENCE" && value !== null && value !== undefined) {
      state.checks.push({
        path: [...path, key],
        field: `${type.name}.${name}`,
        fieldClass: fieldClass ?? ("UNCLASSIFIED" as FieldClass),
        subjectId: subjectId ?? null,
        stewardId,
        owner: info?.owner ?? null,
        holder: object,
        key,
      });
      continue; // a classified leaf or object: judged as a whole; its content is never walked unjudged
    }
    const definition = type.getFields()[name];
    if (definition) visitValue(state, getNamedType(definition.type), fieldNodes, value, [...path, key]);
  }
}

/** Decides every check with the one policy. Unknown classes and unknown subjects fail closed. */
export function decideChecks(
  checks: readonly Check[],
  actor: Actor,
  facts: ReadonlyMap<string, SubjectFacts>,
  context: { emergencyGrants: ReadonlySet<string>; now: Date },
): AccessDecision[] {
  return checks.map((check) => {
    if (check.fieldClass === ("UNCLASSIFIED" as FieldClass)) return { effect: "redact", reason: "NOT_PERMITTED_FOR_ROLE", rule: null };
    const subject = (check.subjectId && facts.get(check.subjectId)) || unknownSubject(check.subjectId ?? "");
    return decide(actor, subject, check.fieldClass, { stewardId: check.stewardId, ownerAgency: check.owner }, context);
  });
}

/** Nulls every withheld value in place and returns the errors to add (one per path). */
export function redact(checks: readonly Check[], decisions: readonly AccessDecision[]): GraphQLError[] {
  const errors: GraphQLError[] = [];
  checks.forEach((check, index) => {
    const decision = decisions[index];
    if (decision?.effect !== "redact") return;
    check.holder[check.key] = null;
    errors.push(forbiddenField(check.path, decision.reason));
  });
  return errors;
}

/** Removes the hidden fields the guard added, throughout the response. */
export function stripHidden(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) stripHidden(item);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const key of Object.keys(value)) {
    if (key.startsWith("__sn_")) delete (value as Record<string, unknown>)[key];
    else stripHidden((value as Record<string, unknown>)[key]);
  }
}
