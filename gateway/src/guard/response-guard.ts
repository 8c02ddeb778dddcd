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
import { HIDDEN, HIDDEN_PREFIX, placedValue } from "./record-fields.js";
import type { WithheldField } from "../context.js";

/** One classified value found in the response, waiting for its decision. */
export interface Check {
  /** The response path (response keys: a caller's aliases): where redaction reports the field. */
  path: (string | number)[];
  /**
   * The same place as field names and list indices, without the caller's aliases: an alias is
   * caller text and could carry a protected value, so this is the path the audit records.
   */
  fieldPath: (string | number)[];
  /** Dotted schema path, e.g. Person.streetAddress — what the audit log records. */
  field: string;
  fieldClass: FieldClass;
  subjectId: string | null;
  stewardId: string | null;
  owner: Agency | null;
  /** Whether the record is current, and the level of the place it names (RecordFacts). */
  current: boolean;
  placeLevel?: ProtectionLevel | null;
  /** The staff who take part in the record (an appointment's); absent when it names none. */
  participants?: readonly string[];
  /** The unit that holds the record (RecordFacts.ownerUnit); null when it names none or it is unreadable. */
  ownerUnit: string | null;
  /**
   * A person's link to an agency's records (Person.tenancies…): the list a unit sees of them is
   * its own rows, which the subgraph admits row by row; the link is judged as the actor's unit's.
   */
  link?: true;
  /** The object (or list) holding the value, and its key there: where redaction writes null. */
  holder: Record<string | number, unknown>;
  key: string | number;
  /**
   * The classified object this value sits inside (e.g. the restrained person of a restraining
   * order): it is released only if that object is. Absent at the top level of a record.
   */
  within?: Check;
}

/** Where an object sits in the response, told without the caller's aliases. */
export interface ObjectPlace {
  type: string;
  fieldPath: (string | number)[];
  subfields: ReadonlyMap<string, readonly FieldNode[]>;
}

/**
 * The schema coordinate and alias-free path of `holder[key]` (e.g. a field a subgraph withheld,
 * known to it only by its response path); null if the walk never met the holder.
 */
export function fieldAt(objects: WeakMap<object, ObjectPlace>, holder: object | null | undefined, key: string | number): Pick<Check, "field" | "fieldPath"> | null {
  const place = holder ? objects.get(holder) : undefined;
  const name = place?.subfields.get(String(key))?.[0]?.name.value;
  return place && name ? { field: `${place.type}.${name}`, fieldPath: [...place.fieldPath, name] } : null;
}

interface Walk {
  /** collectSubfields per (selection, type): every item of a list shares one. */
  subfields?: WeakMap<readonly FieldNode[], Map<string, Map<string, readonly FieldNode[]>>>;
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Coerced variable values (defaults applied), as the executor evaluated @skip/@include. */
  variables: Record<string, unknown>;
  classes: ClassificationMap;
  checks: Check[];
  /** Every object visited, with the subject read from the guard's own hidden fields. */
  subjects?: WeakMap<object, string | null>;
  /** Every object visited, with its type, its path without aliases and its fields by response key. */
  objects?: WeakMap<object, ObjectPlace>;
  /** The classified object being walked into, if any. */
  within?: Check;
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
  const state: Walk = { subfields: new WeakMap(), ...walk, checks: [] };
  const root = operation.operation === "mutation" ? walk.schema.getMutationType() : walk.schema.getQueryType();
  if (!root) return [];
  const fields = collectFields(walk.schema, walk.fragments, walk.variables, root, operation.selectionSet);
  for (const [key, nodes] of fields) {
    const definition = root.getFields()[nodes[0]?.name.value ?? ""];
    if (definition) visitValue(state, getNamedType(definition.type), nodes, data, key, [key], [definition.name]);
  }
  return state.checks;
}

/** Visits `holder[key]`, found at `path` (`names` without aliases), whose declared type is `type`. */
function visitValue(
  state: Walk,
  type: unknown,
  nodes: readonly FieldNode[],
  holder: Record<string | number, unknown>,
  key: string | number,
  path: (string | number)[],
  names: (string | number)[],
): void {
  const value = holder[key];
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      visitValue(state, type, nodes, value as unknown as Record<number, unknown>, index, [...path, index], [...names, index]);
    }
    return;
  }
  if (isObjectType(type)) {
    visitObject(state, type, nodes, value as Record<string, unknown>, path, names);
    return;
  }
  if (!isAbstractType(type)) return; // a scalar or enum: judged by the field that holds it
  const object = value as Record<string, unknown>;
  const runtime = state.schema.getType(String(object[HIDDEN.type]));
  // The runtime type counts only if the guard's own __typename said it.
  if (isObjectType(runtime) && state.schema.isSubType(type, runtime) && placedValue(object, subfieldsOf(state, runtime, nodes), HIDDEN.type) === runtime.name) {
    visitObject(state, runtime, nodes, object, path, names);
    return;
  }
  // A value whose runtime type can't be told can't be judged: withhold it whole (fail closed).
  const unjudged = "UNCLASSIFIED" as FieldClass;
  state.checks.push({ path, fieldPath: names, field: String(type), fieldClass: unjudged, subjectId: null, stewardId: null, owner: null, ownerUnit: null, current: false, holder, key, ...within(state) });
}

const within = (state: Walk): Pick<Check, "within"> => (state.within ? { within: state.within } : {});

/** collectSubfields per (selection, type), computed once: every item of a list shares one. */
function subfieldsOf(state: Walk, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, readonly FieldNode[]> {
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
  return subfields;
}

function visitObject(
  state: Walk,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  object: Record<string, unknown>,
  path: (string | number)[],
  names: (string | number)[],
): void {
  const subfields = subfieldsOf(state, type, nodes);
  // Subject, steward and the other policy inputs come only from the hidden fields the guard itself placed.
  const subjectId = placedValue(object, subfields, type.name === "Person" ? HIDDEN.id : HIDDEN.subject);
  const stewardId = placedValue(object, subfields, HIDDEN.steward);
  const subject = typeof subjectId === "string" ? subjectId : null;
  state.subjects?.set(object, subject);
  state.objects?.set(object, { type: type.name, fieldPath: names, subfields });
  const current = type.name === "Person" || placedValue(object, subfields, HIDDEN.current) === true;
  const placeLevel = placedValue(object, subfields, HIDDEN.place);
  const placed = subfields.has(HIDDEN.place) ? { placeLevel: isProtectionLevel(placeLevel) ? placeLevel : null } : {};
  // Participants the guard cannot read name nobody: the record stays participants-only, for no one.
  const participantIds = placedValue(object, subfields, HIDDEN.participants);
  const named = Array.isArray(participantIds) ? participantIds.filter((id): id is string => typeof id === "string") : [];
  const taking = subfields.has(HIDDEN.participants) ? { participants: named } : {};
  // A unit the guard cannot read is no unit's: the own-unit rule then holds for no one.
  const unit = placedValue(object, subfields, HIDDEN.unit);
  const ownerUnit = typeof unit === "string" ? unit : null;
  const classes = state.classes.get(type.name);
  for (const [key, fieldNodes] of subfields) {
    const name = fieldNodes[0]?.name.value ?? "";
    if (key.startsWith(HIDDEN_PREFIX) || name.startsWith("__")) continue;
    const value = object[key];
    const info = classes?.get(name);
    const fieldClass = info?.fieldClass;
    const definition = type.getFields()[name];
    if (fieldClass !== "REFERENCE" && value !== null && value !== undefined) {
      const check: Check = {
        path: [...path, key],
        fieldPath: [...names, name],
        field: `${type.name}.${name}`,
        fieldClass: fieldClass ?? ("UNCLASSIFIED" as FieldClass),
        subjectId: subject,
        stewardId: typeof stewardId === "string" ? stewardId : null,
        owner: info?.owner ?? null,
        ownerUnit,
        ...(type.name === "Person" && Array.isArray(value) ? { link: true as const } : {}),
        current,
        ...placed,
        ...taking,
        holder: object,
        key,
        ...within(state),
      };
      state.checks.push(check);
      // A classified object (the restrained person of an order) is judged as a whole, and what
      // it holds is judged again as records of their own: released only if both are allowed.
      if (fieldClass && definition) visitValue({ ...state, within: check }, getNamedType(definition.type), fieldNodes, object, key, [...path, key], [...names, name]);
      continue;
    }
    if (definition) visitValue(state, getNamedType(definition.type), fieldNodes, object, key, [...path, key], [...names, name]);
  }
}

/** Whether every classified object a check sits inside is released: otherwise its value goes with it. */
function enclosedReleased(check: Check, released: ReadonlyMap<Check, boolean>): boolean {
  for (let outer = check.within; outer; outer = outer.within) if (!released.get(outer)) return false;
  return true;
}

/**
 * Keeps the checks (and their decisions) that can still reach the response: a value inside a
 * withheld classified object is gone with it, so it is neither recorded nor reported.
 */
export function reachable<D extends AccessDecision>(checks: readonly Check[], decisions: readonly D[]): { checks: Check[]; decisions: D[] } {
  const released = new Map(checks.map((check, index) => [check, decisions[index]?.effect === "allow"] as const));
  const kept = checks.flatMap((check, index) => (enclosedReleased(check, released) ? [index] : []));
  return { checks: kept.map((index) => checks[index] as Check), decisions: kept.map((index) => decisions[index] as D) };
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
    const ownerUnit = check.link && check.owner === actor.agency ? (actor.unit ?? null) : check.ownerUnit;
    const key = `${check.subjectId ?? ""}\u0000${check.stewardId ?? ""}\u0000${check.fieldClass}\u0000${check.owner ?? ""}\u0000${ownerUnit ?? ""}\u0000${check.current}\u0000${check.placeLevel}\u0000${check.participants?.join(",")}`;
    let decision = memo.get(key);
    if (!decision) {
      const subject = (check.subjectId && facts.get(check.subjectId)) || unknownSubject(check.subjectId ?? "");
      const { stewardId, owner, current, placeLevel, participants } = check;
      const record = {
        stewardId,
        ownerAgency: owner,
        ownerUnit,
        current,
        ...(placeLevel !== undefined ? { placeLevel } : {}),
        ...(participants !== undefined ? { participants } : {}),
      };
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

/**
 * What the guard withheld, by reason and field class only (the request's metrics): the fields
 * `redact` reports, not those a subgraph had withheld already (the subgraph counts its own).
 */
export function withheldOf(checks: readonly Check[], decisions: readonly AccessDecision[], reported: ReadonlySet<string> = new Set()): WithheldField[] {
  return checks.flatMap((check, index) => {
    const decision = decisions[index];
    return decision?.effect === "redact" && !reported.has(pathKey(check.path)) ? [{ reason: decision.reason, fieldClass: check.fieldClass }] : [];
  });
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
