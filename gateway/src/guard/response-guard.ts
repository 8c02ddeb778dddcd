import {
  type AccessDecision,
  type Actor,
  type Agency,
  decide,
  type FieldClass,
  forbiddenField,
  isProtectionLevel,
  type ProtectionLevel,
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
  isAbstractType,
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
  /** Whether the record is current, and the level of the place it names (RecordFacts). */
  current: boolean;
  placeLevel?: ProtectionLevel | null;
  /** The object (or list) holding the value, and its key there: where redaction writes null. */
  holder: Record<string | number, unknown>;
  key: string | number;
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
    if (definition) visitValue(state, getNamedType(definition.type), nodes, data, key, [key]);
  }
  return state.checks;
}

/** Visits `holder[key]`, found at `path`, whose declared type is `type`. */
function visitValue(
  state: Walk,
  type: unknown,
  nodes: readonly FieldNode[],
  holder: Record<string | number, unknown>,
  key: string | number,
  path: (string | number)[],
): void {
  const value = holder[key];
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) visitValue(state, type, nodes, value as unknown as Record<number, unknown>, index, [...path, index]);
    return;
  }
  if (isObjectType(type)) {
    visitObject(state, type, nodes, value as Record<string, unknown>, path);
    return;
  }
  if (!isAbstractType(type)) return; // a scalar or enum: judged by the field that holds it
  const runtime = state.schema.getType(String((value as Record<string, unknown>)[HIDDEN.type]));
  if (isObjectType(runtime)) {
    visitObject(state, runtime, nodes, value as Record<string, unknown>, path);
    return;
  }
  // A value whose runtime type can't be told can't be judged: withhold it whole (fail closed).
  const unjudged = "UNCLASSIFIED" as FieldClass;
  state.checks.push({ path, field: String(type), fieldClass: unjudged, subjectId: null, stewardId: null, owner: null, current: false, holder, key });
}

function visitObject(
  state: Walk,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  object: Record<string, unknown>,
  path: (string | number)[],
): void {
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
  const current = type.name === "Person" || object[HIDDEN.current] === true;
  const placed = HIDDEN.place in object ? { placeLevel: isProtectionLevel(object[HIDDEN.place]) ? (object[HIDDEN.place] as ProtectionLevel) : null } : {};
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
        current,
        ...placed,
        holder: object,
        key,
      });
      continue; // a classified leaf or object: judged as a whole; its content is never walked unjudged
    }
    const definition = type.getFields()[name];
    if (definition) visitValue(state, getNamedType(definition.type), fieldNodes, object, key, [...path, key]);
  }
}

/** Decides every check with the one policy. Unknown classes and unknown subjects fail closed. */
export function decideChecks(
  checks: readonly Check[],
  actor: Actor,
  facts: ReadonlyMap<string, SubjectFacts>,
  context: { emergencyGrants: ReadonlySet<string>; now: Date },
): AccessDecision[] {
  // A response repeats the same question often (every field of a class on a person's rows):
  // decide each distinct one once.
  const memo = new Map<string, AccessDecision>();
  return checks.map((check) => {
    if (check.fieldClass === ("UNCLASSIFIED" as FieldClass)) return { effect: "redact", reason: "NOT_PERMITTED_FOR_ROLE", rule: null };
    const key = `${check.subjectId ?? ""}\u0000${check.stewardId ?? ""}\u0000${check.fieldClass}\u0000${check.owner ?? ""}\u0000${check.current}\u0000${check.placeLevel}`;
    let decision = memo.get(key);
    if (!decision) {
      const subject = (check.subjectId && facts.get(check.subjectId)) || unknownSubject(check.subjectId ?? "");
      const { stewardId, owner, current, placeLevel } = check;
      const record = { stewardId, ownerAgency: owner, current, ...(placeLevel !== undefined ? { placeLevel } : {}) };
      decision = decide(actor, subject, check.fieldClass, record, context);
      memo.set(key, decision);
    }
    return decision;
  });
}

/** A response path as one string (response keys are GraphQL names, so "." can't be ambiguous). */
export const pathKey = (path: readonly (string | number)[]): string => path.join(".");

/**
 * Nulls every withheld value in place and returns the errors to add: one per path, except paths
 * a subgraph already reported (its own enforcement withheld the same field).
 */
export function redact(checks: readonly Check[], decisions: readonly AccessDecision[], reported: ReadonlySet<string> = new Set()): GraphQLError[] {
  const errors: GraphQLError[] = [];
  checks.forEach((check, index) => {
    const decision = decisions[index];
    if (decision?.effect !== "redact") return;
    check.holder[check.key] = null;
    if (!reported.has(pathKey(check.path))) errors.push(forbiddenField(check.path, decision.reason));
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
