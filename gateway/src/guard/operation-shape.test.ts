import { describe, expect, test } from "@jest/globals";
import { buildSchema, getOperationAST, type OperationDefinitionNode, parse } from "graphql";
import { getVariableValues } from "graphql/execution/values.js";
import { assertEvaluable, OPERATION_NOT_EVALUABLE } from "./operation-shape.js";

const schema = buildSchema(`
  type Query { person(id: ID!): Person  entry: Entry }
  type Person { id: ID!  streetAddress: String  children: [Person!]! }
  type Note { text: String }
  union Entry = Person | Note
`);

function shapeOf(query: string, raw: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document) as OperationDefinitionNode;
  const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d]] : [])));
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], raw);
  return { operation, fragments, coerced: coerced.coerced ?? {}, raw };
}

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe("assertEvaluable", () => {
  const withDefault = `query($v: Boolean = true) { person(id: "p") { streetAddress @include(if: $v) children { id @skip(if: $v) } } }`;

  test("evaluates @include/@skip on a variable's default once it is coerced", () => {
    const { operation, fragments, coerced } = shapeOf(withDefault);
    expect(coerced).toEqual({ v: true });
    expect(() => assertEvaluable(schema, operation, fragments, coerced)).not.toThrow();
  });

  test("refuses (never crashes on) variables that were not coerced", () => {
    const { operation, fragments, raw } = shapeOf(withDefault);
    expect(refusal(() => assertEvaluable(schema, operation, fragments, raw))).toBe(OPERATION_NOT_EVALUABLE);
  });

  test("walks nested fragments with directives and inline fragments on a union", () => {
    const { operation, fragments, coerced } = shapeOf(
      `query($v: Boolean = false) { entry { ... on Person { ...A } ... on Note @include(if: $v) { text } } }
       fragment A on Person { children { ...B @skip(if: $v) } }  fragment B on Person { streetAddress }`,
    );
    expect(() => assertEvaluable(schema, operation, fragments, coerced)).not.toThrow();
  });

  test("refuses an operation beyond its selection budget instead of walking it for ever", () => {
    // Each level doubles the selections the executor would expand: 2^16 paths.
    const levels = Array.from({ length: 16 }, (_, i) => `fragment F${i} on Person { a: children { ...F${i + 1} } b: children { ...F${i + 1} } }`);
    const { operation, fragments, coerced } = shapeOf(`{ person(id: "p") { ...F0 } } ${levels.join(" ")} fragment F16 on Person { id }`);
    expect(refusal(() => assertEvaluable(schema, operation, fragments, coerced))).toBe(OPERATION_NOT_EVALUABLE);
  });
});
