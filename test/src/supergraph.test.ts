import { describe, expect, test } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { composeSupergraph, subgraphSdls } from "@skyddsnat/hub";
import { SUPERGRAPH_PATH } from "@skyddsnat/schema";
import { Kind, parse } from "graphql";

describe("the composed supergraph", () => {
  test("the checked-in supergraph is what the subgraphs compose to today (run `npm run compose` if not)", async () => {
    expect(await readFile(SUPERGRAPH_PATH, "utf8")).toBe(await composeSupergraph());
  });

  test("every field of every object type carries a classification", async () => {
    const document = parse(await readFile(SUPERGRAPH_PATH, "utf8"));
    const unclassified: string[] = [];
    let fields = 0;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      for (const field of definition.fields ?? []) {
        fields += 1;
        if (!field.directives?.some((d) => d.name.value === "classified")) unclassified.push(`${definition.name.value}.${field.name.value}`);
      }
    }
    expect(fields).toBeGreaterThan(100);
    expect(unclassified).toEqual([]);
  });

  test("no subgraph exposes a link to a former identity", async () => {
    for (const { sdl } of await subgraphSdls()) expect(sdl).not.toMatch(/former|previousIdentity|oldIdentity|alias(es)?Of/i);
  });
});
