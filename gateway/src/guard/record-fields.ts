import {
  type DocumentNode,
  type FieldNode,
  getNamedType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/** Hidden fields the guard adds to every object it must judge, stripped before the response leaves. */
export const HIDDEN = {
  type: "__sn_type",
  subject: "__sn_subject",
  steward: "__sn_steward",
  id: "__sn_id",
} as const;

const field = (alias: string, name: string): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: alias },
  name: { kind: Kind.NAME, value: name },
});

/**
 * Adds, to every selection on an object type, what the guard needs to judge its fields: the
 * type, the subject the record is about and the record's steward. Deterministic, so query
 * plans stay cacheable.
 */
export function withRecordFields(document: DocumentNode, schema: GraphQLSchema): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node: SelectionSetNode): SelectionSetNode | undefined {
          const type = getNamedType(typeInfo.getParentType() ?? undefined);
          if (!isObjectType(type) || type === schema.getQueryType() || type === schema.getMutationType()) return undefined;
          const fields = type.getFields();
          const extra: FieldNode[] = [field(HIDDEN.type, "__typename")];
          if (type.name === "Person" && fields.id) extra.push(field(HIDDEN.id, "id"));
          if (fields.subjectId) extra.push(field(HIDDEN.subject, "subjectId"));
          if (fields.stewardId) extra.push(field(HIDDEN.steward, "stewardId"));
          return { ...node, selections: [...node.selections, ...extra] };
        },
      },
    }),
  );
}
