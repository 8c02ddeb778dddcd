import { describe, expect, test } from "@jest/globals";
import { type Actor, type SubjectFacts, unknownSubject } from "@skyddsnat/schema";
import { buildSchema, getOperationAST, type OperationDefinitionNode, parse, print } from "graphql";
import type { ClassificationMap } from "./classification-map.js";
import { HIDDEN, withRecordFields } from "./record-fields.js";
import { decideChecks, findChecks } from "./response-guard.js";

/** The guard judges an agency's record by the unit that holds it, read from its own hidden selection. */
const schema = buildSchema(`
  type Query { tenancy: Tenancy }
  type Tenancy { subjectId: ID  status: String  startsOn: String  policyUnit: String }
`);
const classes: ClassificationMap = new Map([
  [
    "Tenancy",
    new Map([
      ["subjectId", { fieldClass: "REFERENCE", owner: "housing" }],
      ["status", { fieldClass: "STATUS", owner: "housing" }],
      ["startsOn", { fieldClass: "HOUSING", owner: "housing" }],
      ["policyUnit", { fieldClass: "POLICY", owner: "housing" }],
    ]),
  ],
] as const);
const query = "{ tenancy { status startsOn } }";
const operation = getOperationAST(withRecordFields(parse(query), schema)) as OperationDefinitionNode;
// No assignment, no consent: only the own-unit rule can open her housing records.
const facts: SubjectFacts = { ...unknownSubject("p-1"), protectionLevel: "NONE" };
const officer = (unit: string): Actor => ({ staffId: "ho-1", role: "HOUSING_OFFICER", agency: "housing", purpose: "CASE_WORK", issuer: "test", unit });
const context = { emergencyGrants: new Set<string>(), now: new Date("2026-12-01T12:00:00Z") };

function decisionsFor(actor: Actor, tenancy: Record<string, unknown>) {
  const checks = findChecks({ tenancy }, operation, { schema, fragments: {}, variables: {}, classes });
  return decideChecks(checks, actor, new Map([["p-1", facts]]), context).map((d) => (d.effect === "allow" ? "allow" : d.reason));
}

const held = (unit: unknown) => ({ status: "ACTIVE", startsOn: "2026-01-01", [HIDDEN.subject]: "p-1", [HIDDEN.unit]: unit });

describe("the unit that holds a record, at the gateway", () => {
  test("the guard asks for it under its hidden name", () => {
    expect(print(withRecordFields(parse(query), schema))).toContain(`${HIDDEN.unit}: policyUnit`);
  });

  test("an officer of the unit that holds the record sees it; an officer of another unit of the agency does not", () => {
    expect(decisionsFor(officer("housing/malmo"), held("housing/malmo"))).toEqual(["allow", "allow"]);
    expect(decisionsFor(officer("housing/lund"), held("housing/malmo"))).toEqual(["REQUIRES_OWN_UNIT", "REQUIRES_OWN_UNIT"]);
  });

  test("an officer without a unit, or a record whose unit can't be read, is no unit's", () => {
    const { unit: _, ...unitless } = officer("housing/malmo");
    expect(decisionsFor(unitless, held("housing/malmo"))).toEqual(["REQUIRES_OWN_UNIT", "REQUIRES_OWN_UNIT"]);
    expect(decisionsFor(officer("housing/malmo"), held(["housing/malmo"]))).toEqual(["REQUIRES_OWN_UNIT", "REQUIRES_OWN_UNIT"]);
    expect(decisionsFor(officer("housing/malmo"), { status: "ACTIVE", startsOn: "2026-01-01", [HIDDEN.subject]: "p-1" })).toEqual([
      "REQUIRES_OWN_UNIT",
      "REQUIRES_OWN_UNIT",
    ]);
  });

  test("a unit a client's selection also produced counts as absent", () => {
    // The reserved-names rule refuses this document; were it to get through, the hidden key would
    // be the client's as much as the guard's, and is not read.
    const forged = getOperationAST(withRecordFields(parse(`{ tenancy { status startsOn ${HIDDEN.unit}: policyUnit } }`), schema)) as OperationDefinitionNode;
    const judged = (document: OperationDefinitionNode) => {
      const checks = findChecks({ tenancy: held("housing/malmo") }, document, { schema, fragments: {}, variables: {}, classes });
      return decideChecks(checks, officer("housing/malmo"), new Map([["p-1", facts]]), context).map((d) => (d.effect === "allow" ? "allow" : d.reason));
    };
    expect(judged(operation)).toEqual(["allow", "allow"]);
    expect(judged(forged)).toEqual(["REQUIRES_OWN_UNIT", "REQUIRES_OWN_UNIT"]);
  });
});
