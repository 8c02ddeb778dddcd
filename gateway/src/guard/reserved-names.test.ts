import { describe, expect, test } from "@jest/globals";
import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { RESERVED_NAME, reservedNamesRule } from "./reserved-names.js";

const schema = buildSchema(`
  type Query { person(id: ID!): Person }
  type Person { id: ID!  streetAddress: String  stewardId: ID }
`);
const errorsOf = (query: string) => validate(schema, parse(query), [...specifiedRules, reservedNamesRule()]);

describe("reservedNamesRule", () => {
  test.each([
    ["the guard's subject", `{ person(id: "p") { __sn_id: streetAddress } }`],
    ["the guard's steward", `{ person(id: "p") { id __sn_steward: id } }`],
    ["the guard's runtime type", `{ person(id: "p") { __sn_type: id } }`],
    ["any alias beginning with __", `{ __anything: person(id: "p") { id } }`],
    ["__typename taken as an alias", `{ person(id: "p") { __typename: id } }`],
    ["inside a fragment", `{ person(id: "p") { ...F } } fragment F on Person { __sn_subject: id }`],
  ])("refuses %s", (_what, query) => {
    const errors = errorsOf(query);
    expect(errors.map((e) => e.extensions.code)).toContain(RESERVED_NAME);
    // A fixed text: never the caller's alias.
    for (const error of errors.filter((e) => e.extensions.code === RESERVED_NAME)) expect(error.message).not.toMatch(/__sn_|__anything/);
  });

  test("refuses a field named in the hidden namespace", () => {
    expect(errorsOf(`{ person(id: "p") { __sn_id } }`).some((e) => e.extensions.code === RESERVED_NAME)).toBe(true);
  });

  test("lets introspection and ordinary aliases through", () => {
    expect(errorsOf(`{ __typename  home: person(id: "p") { __typename  where: streetAddress  sn_id: id } }`)).toEqual([]);
    expect(errorsOf(`{ __schema { types { name } } __type(name: "Person") { name } }`)).toEqual([]);
  });
});

describe("reservedNamesRule with the supergraph's classes", () => {
  const classes = new Map([["Person", new Map([["stewardId", { fieldClass: "POLICY" as const, owner: null }], ["id", { fieldClass: "REFERENCE" as const, owner: null }]])]]);
  const withClasses = (query: string) => validate(schema, parse(query), [...specifiedRules, reservedNamesRule(classes as never)]);

  test("refuses a POLICY-class field however it is reached", () => {
    for (const query of [`{ person(id: "p") { stewardId } }`, `{ person(id: "p") { s: stewardId } }`, `{ person(id: "p") { ...F } } fragment F on Person { stewardId }`]) {
      expect(withClasses(query).map((e) => e.extensions.code)).toEqual([RESERVED_NAME]);
    }
  });

  test("lets every other field through", () => {
    expect(withClasses(`{ person(id: "p") { id streetAddress } }`)).toEqual([]);
  });
});
