import { readFileSync } from "node:fs";
import { describe, expect, test } from "@jest/globals";
import { buildASTSchema, getNamedType, isInputObjectType, parse } from "graphql";
import { FILTERED_FIELDS, filteredFields } from "./filters.js";
import { SUPERGRAPH_PATH } from "./supergraph.js";

const sdl = parse(readFileSync(SUPERGRAPH_PATH, "utf8"));
const schema = buildASTSchema(sdl, { assumeValidSDL: true });

/** "Type.field" of every field the supergraph classifies (other than REFERENCE). */
const classified = new Set(
  sdl.definitions.flatMap((definition) =>
    "fields" in definition && definition.kind === "ObjectTypeDefinition"
      ? (definition.fields ?? []).flatMap((field) => {
          const directive = field.directives?.find((d) => d.name.value === "classified");
          const as = directive?.arguments?.find((a) => a.name.value === "as")?.value;
          return as && "value" in as && as.value !== "REFERENCE" ? [`${definition.name.value}.${field.name.value}`] : [];
        })
      : [],
  ),
);

describe("the filters' table", () => {
  test.each(Object.entries(FILTERED_FIELDS))("%s: every argument is one of its filter's, matching on a classified field", (list, fields) => {
    const filter = schema.getQueryType()?.getFields()[list]?.args.find((arg) => arg.name === "filter");
    const input = filter ? getNamedType(filter.type) : undefined;
    expect(isInputObjectType(input)).toBe(true);
    for (const [argument, field] of Object.entries(fields)) {
      expect(isInputObjectType(input) && Object.keys(input.getFields())).toContain(argument);
      expect(classified).toContain(field);
    }
  });

  test("names the distinct fields of the arguments a filter sets, nothing for unset or unknown ones", () => {
    expect(filteredFields("persons", { residenceMunicipality: "Gävle", name: null })).toEqual(["Person.residenceMunicipality"]);
    expect(filteredFields("incidents", { occurredFrom: new Date(), occurredTo: new Date(), subjectId: "per_1" })).toEqual(["Incident.occurredAt"]);
    expect(filteredFields("persons", undefined)).toEqual([]);
    expect(filteredFields("nothing", { a: 1 })).toEqual([]);
  });
});
