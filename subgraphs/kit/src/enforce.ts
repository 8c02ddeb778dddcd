import { type FieldClass, forbiddenField, isProtectionLevel } from "@skyddsnat/schema";
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isObjectType,
  responsePathAsArray,
} from "graphql";
import { classOfField } from "./classification-sdl.js";
import type { SubgraphContext } from "./context.js";
import type { RecordRef } from "./policy-context.js";

const SKIPPED_TYPES = new Set(["Query", "Mutation", "_Service", "_Entity"]);

/**
 * The fields a row's policy facts are read from, through the fields' own resolvers: a Person is
 * its own subject and always current; every other type says whom it is about in `subjectId`, who
 * is its steward in `stewardId`, and — as POLICY fields the gateway's guard reads too — whether it
 * is current (`policyCurrent`) and the level of the place it names (`policyPlaceLevel`).
 */
export const RECORD_FIELDS = { subject: "subjectId", steward: "stewardId", current: "policyCurrent", placeLevel: "policyPlaceLevel" } as const;

function recordFrom(type: GraphQLObjectType, values: Record<string, unknown>): RecordRef {
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const person = type.name === "Person";
  const record: RecordRef = {
    subjectId: text(person ? values.id : values[RECORD_FIELDS.subject]),
    stewardId: text(values[RECORD_FIELDS.steward]),
    current: person || values[RECORD_FIELDS.current] === true,
  };
  if (type.getFields()[RECORD_FIELDS.placeLevel]) {
    const level = values[RECORD_FIELDS.placeLevel];
    record.placeLevel = isProtectionLevel(level) ? level : null;
  }
  return record;
}

const recordFieldNames = (type: GraphQLObjectType) =>
  (type.name === "Person" ? ["id"] : [RECORD_FIELDS.subject]).concat(
    [RECORD_FIELDS.steward, RECORD_FIELDS.current, RECORD_FIELDS.placeLevel].filter((name) => type.getFields()[name]),
  );

/**
 * A row's record, read through its fields' resolvers. Returns undefined if a resolver answers
 * asynchronously: the caller then takes the async path.
 */
function recordNow(type: GraphQLObjectType, parent: unknown, context: SubgraphContext, info: GraphQLResolveInfo): RecordRef | undefined {
  const fields = type.getFields();
  const values: Record<string, unknown> = {};
  for (const name of recordFieldNames(type)) {
    const field = fields[name];
    if (!field) continue;
    const value: unknown = (field.resolve ?? defaultFieldResolver)(parent, {}, context, info);
    if (isPromiseLike(value)) return undefined;
    values[name] = value;
  }
  return recordFrom(type, values);
}

/** The same, awaiting resolvers that answer asynchronously. */
async function recordLater(type: GraphQLObjectType, parent: unknown, context: SubgraphContext, info: GraphQLResolveInfo): Promise<RecordRef> {
  const fields = type.getFields();
  const values: Record<string, unknown> = {};
  for (const name of recordFieldNames(type)) {
    const field = fields[name];
    if (field) values[name] = await (field.resolve ?? defaultFieldResolver)(parent, {}, context, info);
  }
  return recordFrom(type, values);
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
    for (const field of Object.values(type.getFields())) {
      const fieldClass = classOfField(field);
      // References reveal nothing; POLICY fields are the policy's own inputs, for the gateway's guard.
      if (fieldClass === "REFERENCE" || fieldClass === "POLICY") continue;
      const original: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
      const withhold = (path: GraphQLResolveInfo["path"], reason: string, context: SubgraphContext, subjectId: string | null) => {
        context.logger.debug({ path: responsePathAsArray(path).join("."), subjectId, reason }, "field withheld");
        return forbiddenField(responsePathAsArray(path), reason);
      };
      const slow = async (parent: unknown, args: Record<string, unknown>, context: SubgraphContext, info: GraphQLResolveInfo) => {
        const record = await context.policy.recordOf(parent as object, () => recordLater(type, parent, context, info));
        const decision = await context.policy.decide(record, fieldClass as FieldClass);
        if (decision.effect === "redact") throw withhold(info.path, decision.reason, context, record.subjectId);
        return original(parent, args, context, info);
      };
      const guarded: GraphQLFieldResolver<unknown, SubgraphContext> = (parent, args, context, info) => {
        if (!fieldClass) throw forbiddenField(responsePathAsArray(info.path), "UNCLASSIFIED_FIELD");
        if (typeof parent !== "object" || parent === null) return slow(parent, args, context, info);
        // Fast path, no promise: the row's subject and steward are plain values and the subject's
        // facts are at hand (seen earlier in this request, or held by the facts source).
        const decision = context.policy.decideFieldNow(parent, fieldClass, () => recordNow(type, parent, context, info));
        if (!decision) return slow(parent, args, context, info);
        if (decision.effect === "redact") throw withhold(info.path, decision.reason, context, context.policy.subjectOf(parent));
        return original(parent, args, context, info);
      };
      field.resolve = guarded;
    }
  }
  return schema;
}
