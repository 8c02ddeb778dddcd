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

/**
 * The namespace of the guard's hidden fields. No client selection can produce a response key in
 * it: the reserved-names rule refuses every client alias beginning with "__" and every field
 * named in it, before the guard ever sees the document.
 */
export const HIDDEN_PREFIX = "__sn_";

/** Hidden fields the guard adds to every object it must judge, stripped before the response leaves. */
export const HIDDEN = {
  type: "__sn_type",
  subject: "__sn_subject",
  steward: "__sn_steward",
  id: "__sn_id",
  current: "__sn_current",
  place: "__sn_place",
  participants: "__sn_participants",
  unit: "__sn_unit",
} as const;

/** The selections the guard itself added: a hidden value counts only if it came from one of these. */
const placed = new WeakSet<FieldNode>();

const field = (alias: string, name: string): FieldNode => {
  const node: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: name } };
  placed.add(node);
  return node;
};

/**
 * The value of a hidden field of `object`, read only if every selection that produced its key
 * (`subfields`, as the executor collected them) is one the guard placed; anything else — a key the
 * guard did not add, or one a client selection also produced — reads as absent.
 */
export function placedValue(
  object: Record<string, unknown>,
  subfields: ReadonlyMap<string, readonly FieldNode[]>,
  key: (typeof HIDDEN)[keyof typeof HIDDEN],
): unknown {
  const nodes = subfields.get(key);
  if (!nodes || nodes.length === 0 || !nodes.every((node) => placed.has(node))) return undefined;
  return object[key];
}

/**
 * Adds, to every selection on an object type, what the guard needs to judge its fields: the
 * subject the record is about, the record's steward, whether it is current, the level of the
 * place it names, the staff who take part in it and the unit that holds it (the POLICY fields,
 * RecordFacts); on an interface or union, the runtime type. Deterministic, so query plans stay cacheable.
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
          if (fields.policyParticipants) extra.push(field(HIDDEN.participants, "policyParticipants"));
          if (fields.policyUnit) extra.push(field(HIDDEN.unit, "policyUnit"));
          return extra.length > 0 ? { ...node, selections: [...node.selections, ...extra] } : undefined;
        },
      },
    }),
  );
}
