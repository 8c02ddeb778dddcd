import { type FieldClass, isFieldClass } from "@skyddsnat/schema";
import {
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  visit,
} from "graphql";

const ROOT_TYPES = new Set(["Query", "Mutation"]);

export function classOfNode(field: FieldDefinitionNode): FieldClass | undefined {
  const directive = field.directives?.find((d) => d.name.value === "classified");
  const argument = directive?.arguments?.find((a) => a.name.value === "as");
  // printSchemaWithDirectives prints the argument as a string (it has no definition to read).
  const value =
    argument?.value.kind === Kind.ENUM || argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
  return isFieldClass(value) ? value : undefined;
}

export function classOfField(field: GraphQLField<unknown, unknown>): FieldClass | undefined {
  return field.astNode ? classOfNode(field.astNode) : undefined;
}

/**
 * Applies the graph-wide classification rules to a subgraph's SDL before it is built:
 * - a root field returns objects whose own fields are classified, so it is a REFERENCE;
 * - a field that may be withheld must be nullable, or withholding it would null its parent;
 * - an object field without a class is a build error: deny by default starts at build time.
 */
export function applyClassificationRules(document: DocumentNode): DocumentNode {
  const unclassified: string[] = [];
  const result = visit(document, {
    ObjectTypeDefinition: { enter: (node) => classifyType(node, unclassified) },
    ObjectTypeExtension: { enter: (node) => classifyType(node, unclassified) },
  });
  if (unclassified.length > 0) {
    throw new Error(`fields without @classified (every field needs a class): ${unclassified.join(", ")}`);
  }
  return result;
}

function classifyType<T extends ObjectTypeDefinitionNode | ObjectTypeExtensionNode>(node: T, unclassified: string[]): T {
  const isRoot = ROOT_TYPES.has(node.name.value);
  const fields = node.fields?.map((original): FieldDefinitionNode => {
    const fieldClass = classOfNode(original);
    const field = fieldClass ? withClass(withoutClass(original), fieldClass) : original;
    if (!fieldClass && isRoot) return withClass(field, "REFERENCE");
    if (!fieldClass) {
      unclassified.push(`${node.name.value}.${field.name.value}`);
      return field;
    }
    if (fieldClass !== "REFERENCE" && field.type.kind === Kind.NON_NULL_TYPE) {
      return { ...field, type: field.type.type };
    }
    return field;
  });
  return { ...node, fields };
}

function withoutClass(field: FieldDefinitionNode): FieldDefinitionNode {
  return { ...field, directives: field.directives?.filter((d) => d.name.value !== "classified") ?? [] };
}

function withClass(field: FieldDefinitionNode, fieldClass: FieldClass): FieldDefinitionNode {
  return {
    ...field,
    directives: [
      ...(field.directives ?? []),
      {
        kind: Kind.DIRECTIVE,
        name: { kind: Kind.NAME, value: "classified" },
        arguments: [
          {
            kind: Kind.ARGUMENT,
            name: { kind: Kind.NAME, value: "as" },
            value: { kind: Kind.ENUM, value: fieldClass },
          },
        ],
      },
    ],
  };
}

const NOT_DATA = new Set(["Query", "Mutation", "_Service", "_Entity", "_Any"]);

/** Every data type's fields in an SDL document, as "Type.field" → definition (roots and federation's own types left out). */
export function objectFields(document: DocumentNode): Map<string, FieldDefinitionNode> {
  const fields = new Map<string, FieldDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (NOT_DATA.has(definition.name.value)) continue;
    for (const field of definition.fields ?? []) fields.set(`${definition.name.value}.${field.name.value}`, field);
  }
  return fields;
}

/** Every classified field of a built schema, by schema coordinate ("Type.field"): read once at start-up. */
export function fieldClassesOf(schema: GraphQLSchema): Map<string, FieldClass> {
  const classes = new Map<string, FieldClass>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const fieldClass = classOfField(field);
      if (fieldClass) classes.set(`${type.name}.${field.name}`, fieldClass);
    }
  }
  return classes;
}
