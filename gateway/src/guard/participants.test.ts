import { describe, expect, test } from "@jest/globals";
import { type Actor, type SubjectFacts, unknownSubject } from "@skyddsnat/schema";
import { buildSchema, getOperationAST, type OperationDefinitionNode, parse, print } from "graphql";
import type { ClassificationMap } from "./classification-map.js";
import { HIDDEN, withRecordFields } from "./record-fields.js";
import { decideChecks, findChecks } from "./response-guard.js";

/** The guard judges an appointment's place by its participants, read from its own hidden selection. */
const schema = buildSchema(`
  type Query { meeting: Meeting }
  type Meeting { subjectId: ID  place: String  policyParticipants: [ID!] }
`);
const classes: ClassificationMap = new Map([
  [
    "Meeting",
    new Map([
      ["subjectId", { fieldClass: "REFERENCE", owner: "social-services" }],
      ["place", { fieldClass: "LOCATION", owner: "social-services" }],
      ["policyParticipants", { fieldClass: "POLICY", owner: "social-services" }],
    ]),
  ],
] as const);
const query = "{ meeting { place } }";
const operation = getOperationAST(withRecordFields(parse(query), schema)) as OperationDefinitionNode;
const assigned = (staffId: string) => ({ staffId, role: "SOCIAL_SECRETARY" as const, since: "2026-01-01T00:00:00Z" });
const facts: SubjectFacts = {
  ...unknownSubject("p-1"),
  protectionLevel: "PROTECTED_REGISTRATION",
  assignments: [assigned("ss-1"), assigned("ss-2")],
};
const secretary = (staffId: string): Actor => ({ staffId, role: "SOCIAL_SECRETARY", agency: "social-services", purpose: "CASE_WORK", issuer: "test", unit: "social-services/malmo-vald" });
const context = { emergencyGrants: new Set<string>(), now: new Date("2026-12-01T12:00:00Z") };

function decisionFor(staffId: string, data: Record<string, unknown>) {
  const checks = findChecks(data, operation, { schema, fragments: {}, variables: {}, classes });
  return decideChecks(checks, secretary(staffId), new Map([["p-1", facts]]), context).map((d) => (d.effect === "allow" ? "allow" : d.reason));
}

describe("an appointment's participants, at the gateway", () => {
  test("the guard asks for them under its hidden name", () => {
    expect(print(withRecordFields(parse(query), schema))).toContain(`${HIDDEN.participants}: policyParticipants`);
  });

  test("a participant assigned on the case gets the place; an assigned secretary who does not take part does not", () => {
    const data = () => ({ meeting: { place: "Rum 1", [HIDDEN.subject]: "p-1", [HIDDEN.participants]: ["ss-1"] } });
    expect(decisionFor("ss-1", data())).toEqual(["allow"]);
    expect(decisionFor("ss-2", data())).toEqual(["REQUIRES_PARTICIPATION"]);
  });

  test("participants that can't be read name nobody: the place is withheld from everyone", () => {
    expect(decisionFor("ss-1", { meeting: { place: "Rum 1", [HIDDEN.subject]: "p-1", [HIDDEN.participants]: "ss-1" } })).toEqual(["REQUIRES_PARTICIPATION"]);
  });
});
