import {
  type DocumentNode,
  type FieldNode,
  getNamedType,
  type GraphQLSchema,
  isAbstractType,
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
  current: "__sn_current",
  place: "__sn_place",
} as const;

const field = (alias: string, name: string): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: alias },
  name: { kind: Kind.NAME, value: name },
});

/**
 * Adds, to every selection on an object type, what the guard needs to judge its fields: the
 * subject the record is about, the record's steward, whether it is current and the level of the
 * place it names (the POLICY fields, RecordFacts); on an interface or union, the runtime
 * type. Deterministic, so query plans stay cacheable.
 */
export function withRecordFields(document: DocumentNode, schema: GraphQLSchema): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node: SelectionSetNode): SelectionSetNode | undefined {
          const type = getNamedType(typeInfo.getParentType() ?? undefined);
          if (isAbstractType(type)) return { ...node, selections: [...node.selections, field(HIDDEN.type, "__typename")] };
          if (!isObjectType(type) || type === schema.getQueryType() || type === schema.getMutationType()) return undefined;
          const fields = type.getFields();
          const extra: FieldNode[] = [];
          if (type.name === "Person" && fields.id) extra.push(field(HIDDEN.id, "id"));
          if (fields.subjectId) extra.push(field(HIDDEN.subject, "subjectId"));
          if (fields.stewardId) extra.push(field(HIDDEN.steward, "stewardId"));
          if (fields.policyCurrent) extra.push(field(HIDDEN.current, "policyCurrent"));
          if (fields.policyPlaceLevel) extra.push(field(HIDDEN.place, "policyPlaceLevel"));
          return extra.length > 0 ? { ...node, selections: [...node.selections, ...extra] } : undefined;
        },
      },
    }),
  );
}
