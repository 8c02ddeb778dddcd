import { describe, expect, jest, test } from "@jest/globals";
import { buildSchema, parse } from "graphql";
import { type CostEstimate, complexityEstimate, type EstimateCost, rememberedEstimates } from "./cost.js";

const schema = buildSchema(`
  type Query { people(first: Int): [Person!]! person(id: ID!): Person }
  type Person { id: ID! name: String friends(first: Int): [Person!]! }
`);
const PAGE = "query Page($n: Int, $m: Int) { people(first: $n) { id friends(first: $m) { id name } } }";
const limits = { maxCost: 1000, listSize: 10 };

function counted(estimate: EstimateCost) {
  const calls = jest.fn(estimate);
  return { calls, remembered: rememberedEstimates(calls as EstimateCost, 2) };
}

describe("remembered cost estimates", () => {
  test("the same document with the same variables is estimated once, and the estimate is the one made fresh", () => {
    const { calls, remembered } = counted(complexityEstimate(limits));
    const document = parse(PAGE);
    const first = remembered(schema, document, { n: 5, m: 3 }, "Page");
    expect(remembered(schema, document, { n: 5, m: 3 }, "Page")).toBe(first);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(first).toBe(complexityEstimate(limits)(schema, parse(PAGE), { n: 5, m: 3 }, "Page"));
  });

  test("other variables are another estimate: a page too large is refused after a small one passed", () => {
    const remembered = rememberedEstimates(complexityEstimate(limits));
    const document = parse(PAGE);
    expect(remembered(schema, document, { n: 5, m: 3 }, "Page")).toBeLessThanOrEqual(limits.maxCost);
    expect(remembered(schema, document, { n: 500, m: 30 }, "Page")).toBeGreaterThan(limits.maxCost);
    // Only the variables' values decide, whatever was asked before.
    expect(remembered(schema, document, { n: 5, m: 3 }, "Page")).toBeLessThanOrEqual(limits.maxCost);
  });

  test("variables that do not fit, and counting past the node limit, are remembered as what they were", () => {
    const remembered = rememberedEstimates(complexityEstimate({ maxCost: 3, listSize: 10 }));
    const document = parse(PAGE);
    expect(remembered(schema, document, { n: "five" }, "Page")).toBe("VARIABLES_DO_NOT_FIT");
    expect(remembered(schema, document, { n: "five" }, "Page")).toBe("VARIABLES_DO_NOT_FIT");
    expect(remembered(schema, document, { n: 1, m: 1 }, "Page")).toBe("TOO_MANY_NODES");
  });

  test("another document object, another schema or another operation never shares an estimate", () => {
    const { calls, remembered } = counted(() => 1 as CostEstimate);
    const document = parse(PAGE);
    remembered(schema, document, {}, "Page");
    remembered(schema, parse(PAGE), {}, "Page");
    remembered(buildSchema("type Query { people(first: Int): [ID] }"), document, {}, "Page");
    remembered(schema, document, {}, undefined);
    expect(calls).toHaveBeenCalledTimes(4);
  });

  test("bounded per document: past the bound the least recently used variables are estimated again", () => {
    const { calls, remembered } = counted(() => 1 as CostEstimate);
    const document = parse(PAGE);
    for (const n of [1, 2, 3]) remembered(schema, document, { n }, "Page");
    remembered(schema, document, { n: 3 }, "Page");
    expect(calls).toHaveBeenCalledTimes(3);
    remembered(schema, document, { n: 1 }, "Page");
    expect(calls).toHaveBeenCalledTimes(4);
  });
});
