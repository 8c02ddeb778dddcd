import { type FieldClass, forbiddenField } from "@skyddsnat/schema";
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

const SKIPPED_TYPES = new Set(["Query", "Mutation", "_Service", "_Entity"]);

/**
 * The subject a row is about (a Person is its own subject; every other type says so in
 * `subjectId`) and its steward, read through the fields' own resolvers. Returns undefined if a
 * resolver answers asynchronously: the caller then takes the async path.
 */
function recordNow(
  type: GraphQLObjectType,
  parent: unknown,
  context: SubgraphContext,
  info: GraphQLResolveInfo,
): { subjectId: string | null; stewardId: string | null } | undefined {
  const fields = type.getFields();
  let pending = false;
  const read = (name: string): string | null => {
    const field = fields[name];
    if (!field) return null;
    const value: unknown = (field.resolve ?? defaultFieldResolver)(parent, {}, context, info);
    if (isPromiseLike(value)) pending = true;
    return typeof value === "string" ? value : null;
  };
  const record = { subjectId: read(type.name === "Person" ? "id" : "subjectId"), stewardId: read("stewardId") };
  return pending ? undefined : record;
}

/** The same, awaiting resolvers that answer asynchronously. */
async function recordLater(
  type: GraphQLObjectType,
  parent: unknown,
  context: SubgraphContext,
  info: GraphQLResolveInfo,
): Promise<{ subjectId: string | null; stewardId: string | null }> {
  const fields = type.getFields();
  const read = async (name: string): Promise<string | null> => {
    const field = fields[name];
    if (!field) return null;
    const value = await (field.resolve ?? defaultFieldResolver)(parent, {}, context, info);
    return typeof value === "string" ? value : null;
  };
  const subjectId = type.name === "Person" ? await read("id") : await read("subjectId");
  return { subjectId, stewardId: await read("stewardId") };
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
      if (fieldClass === "REFERENCE") continue;
      const original: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
      const withhold = (path: GraphQLResolveInfo["path"], reason: string, context: SubgraphContext, subjectId: string | null) => {
        context.logger.debug({ path: responsePathAsArray(path).join("."), subjectId, reason }, "field withheld");
        return forbiddenField(responsePathAsArray(path), reason);
      };
      const slow = async (parent: unknown, args: Record<string, unknown>, context: SubgraphContext, info: GraphQLResolveInfo) => {
        const { subjectId, stewardId } = await context.policy.recordOf(parent as object, () =>
          recordLater(type, parent, context, info),
        );
        const decision = await context.policy.decide(subjectId, stewardId, fieldClass as FieldClass);
        if (decision.effect === "redact") throw withhold(info.path, decision.reason, context, subjectId);
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
