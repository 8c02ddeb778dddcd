import { type Agency, type FieldClass, isAgency, isFieldClass } from "@skyddsnat/schema";
import { type ConstDirectiveNode, type DocumentNode, Kind } from "graphql";

export interface FieldInfo {
  fieldClass: FieldClass | undefined;
  /** The agency whose subgraph resolves the field (null when several may, e.g. a shared key). */
  owner: Agency | null;
}
export type ClassificationMap = ReadonlyMap<string, ReadonlyMap<string, FieldInfo>>;

const argument = (directive: ConstDirectiveNode, name: string) => {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg && (arg.value.kind === Kind.ENUM || arg.value.kind === Kind.STRING) ? arg.value.value : undefined;
};

/**
 * Reads every field's class and owning subgraph from the supergraph SDL (the `@classified` and
 * `@join__*` directives composition wrote), once at start-up.
 */
export function classificationMap(supergraph: DocumentNode): ClassificationMap {
  const graphToAgency = new Map<string, Agency>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") continue;
    for (const value of definition.values ?? []) {
      const name = value.directives?.find((d) => d.name.value === "join__graph");
      const agency = name && argument(name, "name");
      if (isAgency(agency)) graphToAgency.set(value.name.value, agency);
    }
  }

  const map = new Map<string, Map<string, FieldInfo>>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeGraphs = (definition.directives ?? [])
      .filter((d) => d.name.value === "join__type")
      .map((d) => argument(d, "graph"));
    const fields = new Map<string, FieldInfo>();
    for (const field of definition.fields ?? []) {
      const classified = field.directives?.find((d) => d.name.value === "classified");
      const fieldClass = classified ? argument(classified, "as") : undefined;
      const fieldGraphs = (field.directives ?? []).filter((d) => d.name.value === "join__field").map((d) => argument(d, "graph"));
      const graphs = fieldGraphs.length > 0 ? fieldGraphs : typeGraphs;
      const owner = graphs.length === 1 && graphs[0] ? (graphToAgency.get(graphs[0]) ?? null) : null;
      fields.set(field.name.value, { fieldClass: isFieldClass(fieldClass) ? fieldClass : undefined, owner });
    }
    map.set(definition.name.value, fields);
  }
  return map;
}
