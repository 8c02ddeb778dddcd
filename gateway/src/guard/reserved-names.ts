import { type ASTVisitor, type FieldNode, getNamedType, GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import type { ClassificationMap } from "./classification-map.js";
import { HIDDEN_PREFIX } from "./record-fields.js";

export const RESERVED_NAME = "RESERVED_NAME";

/** Whether a client may not use this alias: every name beginning with "__" belongs to the hub. */
export const isReservedAlias = (alias: string): boolean => alias.startsWith("__");

/** Whether a client may not select this field: the guard's own hidden namespace. */
export const isReservedField = (name: string): boolean => name.startsWith(HIDDEN_PREFIX);

/**
 * A validation rule (Apollo Server's `validationRules`): it runs on the client's document, before
 * the guard adds its hidden fields, and refuses any alias or field in the reserved namespace.
 * Without it a caller could name a selection `__sn_id` and so choose the subject the guard decides
 * and records about. Introspection (`__typename`, `__schema`, `__type` without an alias) stays.
 * Given the supergraph's classes, it also refuses the POLICY-class fields: the policy's own
 * inputs (e.g. the level of the place a tenancy names) are the guard's to read, and would tell a
 * caller that a flat once housed a protected person.
 * Apollo answers a failed validation with HTTP 400; the gateway's error format keeps the code.
 */
export function reservedNamesRule(classes?: ClassificationMap): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Field(node: FieldNode) {
      const alias = node.alias?.value;
      if ((alias !== undefined && isReservedAlias(alias)) || isReservedField(node.name.value)) context.reportError(reservedName(node));
      const parent = getNamedType(context.getParentType() ?? undefined);
      if (parent && classes?.get(parent.name)?.get(node.name.value)?.fieldClass === "POLICY") context.reportError(reservedName(node));
    },
  });
}

/** A fixed text: the error never repeats the caller's alias. */
function reservedName(node: FieldNode): GraphQLError {
  return new GraphQLError('Names beginning with "__", and the policy\'s own input fields, are reserved for the hub.', {
    nodes: [node],
    extensions: { code: RESERVED_NAME },
  });
}
