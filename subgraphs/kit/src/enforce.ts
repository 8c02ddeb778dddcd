import { errorCodeLabel, hubMetrics } from "@skyddsnat/platform";
import { type FieldClass, forbiddenField, isProtectionLevel } from "@skyddsnat/schema";
import {
  defaultFieldResolver,
  getNullableType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isListType,
  isObjectType,
  responsePathAsArray,
} from "graphql";
import { classOfField } from "./classification-sdl.js";
import type { SubgraphContext } from "./context.js";
import type { RecordRef } from "./policy-context.js";

const SKIPPED_TYPES = new Set(["Query", "Mutation", "_Service", "_Entity"]);

/**
 * A person's link to an agency's records (Person.tenancies, Person.incidents…). A unit knows its
 * own records exist, not the agency's (rules.ts, own-unit): the link is decided as the actor's
 * unit's list, and its rows are admitted one by one on the unit that holds each.
 */
const isLink = (type: GraphQLObjectType, field: GraphQLField<unknown, SubgraphContext>, fieldClass: FieldClass | undefined): boolean =>
  type.name === "Person" && fieldClass !== undefined && fieldClass !== "LOCATION" && isListType(getNullableType(field.type));

/** The unit that holds a row of a link: its `unit` column, where it has one. */
const unitOfRow = (row: unknown): string | null => {
  const unit = (row as { unit?: unknown } | null)?.unit;
  return typeof unit === "string" ? unit : null;
};

/**
 * The fields a row's policy facts are read from, through the fields' own resolvers: a Person is
 * its own subject and always current; every other type says whom it is about in `subjectId`, who
 * is its steward in `stewardId`, and — as POLICY fields the gateway's guard reads too — whether it
 * is current (`policyCurrent`), the level of the place it names (`policyPlaceLevel`), the staff
 * who take part in it (`policyParticipants`, an appointment's) and the unit that holds it
 * (`policyUnit`: need to know inside the agency is that unit's).
 */
export const RECORD_FIELDS = {
  subject: "subjectId",
  steward: "stewardId",
  current: "policyCurrent",
  placeLevel: "policyPlaceLevel",
  participants: "policyParticipants",
  unit: "policyUnit",
} as const;

function recordFrom(type: GraphQLObjectType, values: Record<string, unknown>): RecordRef {
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const person = type.name === "Person";
  const record: RecordRef = {
    subjectId: text(person ? values.id : values[RECORD_FIELDS.subject]),
    stewardId: text(values[RECORD_FIELDS.steward]),
    current: person || values[RECORD_FIELDS.current] === true,
  };
  if (RECORD_FIELDS.placeLevel in values) {
    const level = values[RECORD_FIELDS.placeLevel];
    record.placeLevel = isProtectionLevel(level) ? level : null;
  }
  if (RECORD_FIELDS.unit in values) {
    // A unit that cannot be read is no unit's: the own-unit rule then holds for no one (fail closed).
    record.ownerUnit = text(values[RECORD_FIELDS.unit]);
  }
  if (RECORD_FIELDS.participants in values) {
    // Unreadable participants name nobody: the record stays participants-only, for no one (fail closed).
    const participants = values[RECORD_FIELDS.participants];
    record.participants = Array.isArray(participants) ? participants.filter((id): id is string => typeof id === "string") : [];
  }
  return record;
}

/** The fields of `type` its record is read from (computed once per type, when enforcement is set up). */
function recordFieldsOf(type: GraphQLObjectType): GraphQLField<unknown, SubgraphContext>[] {
  const fields = type.getFields();
  const names = [
    type.name === "Person" ? "id" : RECORD_FIELDS.subject,
    RECORD_FIELDS.steward,
    RECORD_FIELDS.current,
    RECORD_FIELDS.placeLevel,
    RECORD_FIELDS.participants,
    RECORD_FIELDS.unit,
  ];
  return names.flatMap((name) => (fields[name] ? [fields[name]] : []));
}

/**
 * A row's record, read through its fields' resolvers: at once when every resolver answers at
 * once, otherwise a promise that awaits the answers already started (none is asked twice).
 */
function readRecord(
  type: GraphQLObjectType,
  fields: readonly GraphQLField<unknown, SubgraphContext>[],
  parent: unknown,
  context: SubgraphContext,
  info: GraphQLResolveInfo,
): RecordRef | Promise<RecordRef> {
  const values: Record<string, unknown> = {};
  let pending = false;
  for (const field of fields) {
    const value: unknown = (field.resolve ?? defaultFieldResolver)(parent, {}, context, info);
    if (isPromiseLike(value)) pending = true;
    values[field.name] = value;
  }
  if (!pending) return recordFrom(type, values);
  return Promise.all(Object.entries(values).map(async ([name, value]) => [name, await value] as const)).then((settled) =>
    recordFrom(type, Object.fromEntries(settled)),
  );
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === "function";

/**
 * Wraps every classified field's resolver so the value is computed only after the policy allows
 * it; otherwise the field is null with FORBIDDEN_FIELD and its path. The original resolver is
 * never called for a withheld field, so nothing derived from the value can escape.
 */
export function enforcePolicy(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || SKIPPED_TYPES.has(type.name)) continue;
    const recordFields = recordFieldsOf(type);
    for (const field of Object.values(type.getFields())) {
      const fieldClass = classOfField(field);
      // References reveal nothing; POLICY fields are the policy's own inputs, for the gateway's guard.
      if (fieldClass === "REFERENCE" || fieldClass === "POLICY") continue;
      const resolver: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
      const link = isLink(type, field, fieldClass);
      const coordinate = `${type.name}.${field.name}`;
      // A link's rows, each admitted on its own unit: the list is the actor's unit's view of them.
      const original: GraphQLFieldResolver<unknown, SubgraphContext> = link
        ? async (parent, args, context, info) => {
            const rows = await resolver(parent, args, context, info);
            if (!Array.isArray(rows)) return rows;
            const subjectId = context.policy.subjectOf(parent as object) ?? (parent as { id?: string } | null)?.id;
            if (!subjectId) return [];
            return context.policy.existing(rows, (row) => ({ subjectId, ownerUnit: unitOfRow(row) }), coordinate);
          }
        : resolver;
      const withhold = (path: GraphQLResolveInfo["path"], reason: string, context: SubgraphContext, subjectId: string | null) => {
        context.logger.debug({ path: responsePathAsArray(path).join("."), subjectId, reason }, "field withheld");
        hubMetrics.withheldFields.inc({ service: context.subgraph, reason: errorCodeLabel(reason), class: fieldClass as string });
        return forbiddenField(responsePathAsArray(path), reason);
      };
      const slow = async (
        parent: unknown,
        args: Record<string, unknown>,
        context: SubgraphContext,
        info: GraphQLResolveInfo,
        started?: Promise<RecordRef>,
      ) => {
        const record = await context.policy.recordOf(parent as object, async () => started ?? readRecord(type, recordFields, parent, context, info));
        const decision = await context.policy.decide(record, fieldClass as FieldClass);
        if (decision.effect === "redact") throw withhold(info.path, decision.reason, context, record.subjectId);
        return original(parent, args, context, info);
      };
      // A link is decided as the actor's unit's view of the list (its rows then each on their own unit).
      const linked = async (parent: unknown, args: Record<string, unknown>, context: SubgraphContext, info: GraphQLResolveInfo) => {
        const person = await context.policy.recordOf(parent as object, async () => readRecord(type, recordFields, parent, context, info));
        const decision = await context.policy.decide({ ...person, ownerUnit: context.actor.unit ?? null }, fieldClass as FieldClass);
        if (decision.effect === "redact") throw withhold(info.path, decision.reason, context, person.subjectId);
        return original(parent, args, context, info);
      };
      const guarded: GraphQLFieldResolver<unknown, SubgraphContext> = (parent, args, context, info) => {
        if (!fieldClass) throw forbiddenField(responsePathAsArray(info.path), "UNCLASSIFIED_FIELD");
        if (link) return linked(parent, args, context, info);
        if (typeof parent !== "object" || parent === null) return slow(parent, args, context, info);
        // Fast path, no promise: the row's subject and steward are plain values and the subject's
        // facts are at hand (seen earlier in this request, or held by the facts source).
        let started: Promise<RecordRef> | undefined;
        const decision = context.policy.decideFieldNow(parent, fieldClass, () => {
          const record = readRecord(type, recordFields, parent, context, info);
          if (record instanceof Promise) started = record;
          return record instanceof Promise ? undefined : record;
        });
        if (!decision) return slow(parent, args, context, info, started);
        if (decision.effect === "redact") throw withhold(info.path, decision.reason, context, context.policy.subjectOf(parent));
        return original(parent, args, context, info);
      };
      field.resolve = guarded;
    }
  }
  return schema;
}
