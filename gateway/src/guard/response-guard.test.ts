import { describe, expect, test } from "@jest/globals";
import { buildSchema, getOperationAST, Kind, type OperationDefinitionNode, parse, print } from "graphql";
import type { ClassificationMap } from "./classification-map.js";
import { HIDDEN, withRecordFields } from "./record-fields.js";
import { findChecks, reachable, redact } from "./response-guard.js";

// The supergraph has no interfaces or unions today; the guard must still judge one correctly
// (or withhold it) the day one is added.
const schema = buildSchema(`
  type Query { person(id: ID!): Person  entry: Entry  order: Order }
  type Person { id: ID!  streetAddress: String }
  type Order { subjectId: ID  kind: String  restrained: Person }
  type Note { subjectId: ID  text: String }
  union Entry = Person | Note
`);
const classes: ClassificationMap = new Map([
  ["Person", new Map([["id", { fieldClass: "REFERENCE", owner: null }], ["streetAddress", { fieldClass: "LOCATION", owner: null }]])],
  ["Note", new Map([["subjectId", { fieldClass: "REFERENCE", owner: null }], ["text", { fieldClass: "CASE_DETAIL", owner: null }]])],
  [
    "Order",
    new Map([
      ["subjectId", { fieldClass: "REFERENCE", owner: null }],
      ["kind", { fieldClass: "SAFETY", owner: null }],
      ["restrained", { fieldClass: "SAFETY", owner: null }],
    ]),
  ],
] as const);
const allow = { effect: "allow", reason: null, rule: "test" } as const;
const withhold = { effect: "redact", reason: "NOT_PERMITTED_FOR_ROLE", rule: null } as const;

const operationOf = (query: string) => getOperationAST(withRecordFields(parse(query), schema)) as OperationDefinitionNode;
const checksOf = (query: string, data: Record<string, unknown>) =>
  findChecks(data, operationOf(query), { schema, fragments: {}, variables: {}, classes });

describe("withRecordFields", () => {
  test("asks for the subject on object types and for the runtime type only where the type is abstract", () => {
    const printed = print(withRecordFields(parse(`{ person(id: "p") { streetAddress } entry { ... on Note { text } } }`), schema));
    expect(printed).toContain(`${HIDDEN.id}: id`);
    expect(printed).toContain(`${HIDDEN.subject}: subjectId`);
    expect(printed.match(/__typename/g)).toHaveLength(1);
    const entry = operationOf(`{ entry { ... on Note { text } } }`).selectionSet.selections[0];
    const entrySelections = entry?.kind === Kind.FIELD ? (entry.selectionSet?.selections ?? []) : [];
    expect(entrySelections.some((s) => s.kind === Kind.FIELD && s.alias?.value === HIDDEN.type)).toBe(true);
  });
});

describe("findChecks over an abstract type", () => {
  const query = `{ entry { ... on Note { text } } }`;

  test("judges the fields of the runtime type, against the record's subject", () => {
    const checks = checksOf(query, { entry: { text: "secret", [HIDDEN.type]: "Note", [HIDDEN.subject]: "p-1" } });
    expect(checks.map((c) => [c.field, c.fieldClass, c.subjectId])).toEqual([["Note.text", "CASE_DETAIL", "p-1"]]);
  });

  test("withholds the whole value when its runtime type can't be told", () => {
    const data: Record<string, unknown> = { entry: { text: "secret", [HIDDEN.subject]: "p-1" } };
    const checks = checksOf(query, data);
    expect(checks).toHaveLength(1);
    const errors = redact(checks, [{ effect: "redact", reason: "NOT_PERMITTED_FOR_ROLE", rule: null }]);
    expect(data.entry).toBeNull();
    expect(errors.map((e) => e.path)).toEqual([["entry"]]);
  });
});

describe("redact", () => {
  test("nulls every withheld value but reports a path a subgraph already reported only once", () => {
    const data: Record<string, unknown> = { person: { streetAddress: "Storgatan 1", [HIDDEN.id]: "p-1" } };
    const checks = checksOf(`{ person(id: "p-1") { streetAddress } }`, data);
    const errors = redact(checks, [{ effect: "redact", reason: "REQUIRES_ASSIGNMENT", rule: null }], new Set(["person.streetAddress"]));
    expect((data.person as Record<string, unknown>).streetAddress).toBeNull();
    expect(errors).toEqual([]);
    expect(JSON.stringify(data)).not.toContain("Storgatan");
  });
});

describe("the guard reads only what it placed itself", () => {
  test("a client selection under a hidden name does not choose the subject", () => {
    // The reserved-names rule refuses this document at validation; the guard must not trust it either.
    const query = `{ person(id: "p-1") { __sn_id: streetAddress streetAddress } }`;
    const checks = checksOf(query, { person: { streetAddress: "Gatan 1", [HIDDEN.id]: "Gatan 1" } });
    expect(checks.map((c) => [c.field, c.subjectId])).toEqual([["Person.streetAddress", null]]);
  });

  test("a runtime type the guard did not ask for is not believed", () => {
    const query = `{ entry { ... on Note { __sn_type: text } } }`;
    const checks = checksOf(query, { entry: { [HIDDEN.type]: "Note", [HIDDEN.subject]: "p-1" } });
    expect(checks.map((c) => c.fieldClass)).toEqual(["UNCLASSIFIED"]);
  });
});

describe("a released classified object is judged inside too", () => {
  const query = `{ order { kind restrained { id streetAddress } } }`;
  const data = () => ({
    order: { kind: "BASIC", restrained: { id: "p-2", streetAddress: "Gatan 2", [HIDDEN.id]: "p-2" }, [HIDDEN.subject]: "p-1" },
  });

  test("the person inside is a record of her own: her fields are checked against her", () => {
    const checks = checksOf(query, data());
    expect(checks.map((c) => [c.field, c.fieldClass, c.subjectId, c.within?.field ?? null])).toEqual([
      ["Order.kind", "SAFETY", "p-1", null],
      ["Order.restrained", "SAFETY", "p-1", null],
      ["Person.streetAddress", "LOCATION", "p-2", "Order.restrained"],
    ]);
  });

  test("allowed outside, withheld inside: the object flows without her address", () => {
    const response = data();
    const checks = checksOf(query, response);
    const kept = reachable(checks, [allow, allow, withhold]);
    const errors = redact(kept.checks, kept.decisions);
    expect(response.order.restrained).toEqual({ id: "p-2", streetAddress: null, [HIDDEN.id]: "p-2" });
    expect(errors.map((e) => e.path)).toEqual([["order", "restrained", "streetAddress"]]);
  });

  test("withheld outside: what it holds goes with it, neither judged nor recorded", () => {
    const response = data();
    const checks = checksOf(query, response);
    const kept = reachable(checks, [allow, withhold, allow]);
    expect(kept.checks.map((c) => c.field)).toEqual(["Order.kind", "Order.restrained"]);
    redact(kept.checks, kept.decisions);
    expect(response.order.restrained).toBeNull();
  });
});

describe("the path the audit records", () => {
  test("is field names and list indices, never the caller's aliases", () => {
    const query = `{ Gjutargatan_9: order { x_Josefin: restrained { here: streetAddress } } }`;
    const data = { Gjutargatan_9: { [HIDDEN.subject]: "p1", x_Josefin: { [HIDDEN.id]: "p1", here: "Gjutargatan 9" } } };
    const address = checksOf(query, data).find((check) => check.field === "Person.streetAddress");
    expect(address?.path).toEqual(["Gjutargatan_9", "x_Josefin", "here"]);
    expect(address?.fieldPath).toEqual(["order", "restrained", "streetAddress"]);
  });
});
