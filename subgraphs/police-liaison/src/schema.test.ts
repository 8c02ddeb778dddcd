import "reflect-metadata";
import { printSubgraphSchema } from "@apollo/subgraph";
import { describe, expect, test } from "@jest/globals";
import type { FieldClass } from "@skyddsnat/schema";
import { classOfNode, objectFields } from "@skyddsnat/subgraph-kit";
import { validate } from "class-validator";
import { Kind, parse } from "graphql";
import { IncidentFilter, RecordIncidentInput } from "./incident/incident.input.js";
import { RestrainingOrderFilter } from "./restraining-order/restraining-order.input.js";
import { buildPoliceLiaisonSchema } from "./schema.js";
import { ThreatAssessmentFilter } from "./threat-assessment/threat-assessment.input.js";

const sdl = printSubgraphSchema(await buildPoliceLiaisonSchema());

/** The classes the brief gives per field; the policy reads them, so they are pinned here. */
const EXPECTED: Record<string, FieldClass> = {
  "Person.id": "REFERENCE",
  "Person.incidents": "SAFETY",
  "Person.restrainingOrders": "SAFETY",
  "Person.threatAssessments": "SAFETY",
  "Incident.id": "REFERENCE",
  "Incident.subjectId": "REFERENCE",
  "Incident.stewardId": "REFERENCE",
  "Incident.occurredAt": "SAFETY",
  "Incident.category": "SAFETY",
  "Incident.place": "LOCATION",
  "Incident.description": "SAFETY",
  "Incident.reportedBy": "REFERENCE",
  "Incident.policyUnit": "POLICY",
  "RestrainingOrder.id": "REFERENCE",
  "RestrainingOrder.subjectId": "REFERENCE",
  "RestrainingOrder.stewardId": "REFERENCE",
  "RestrainingOrder.kind": "SAFETY",
  "RestrainingOrder.validFrom": "SAFETY",
  "RestrainingOrder.validTo": "SAFETY",
  "RestrainingOrder.active": "SAFETY",
  "RestrainingOrder.protectedPerson": "REFERENCE",
  "RestrainingOrder.restrainedPerson": "SAFETY",
  "RestrainingOrder.policyUnit": "POLICY",
  "ThreatAssessment.id": "REFERENCE",
  "ThreatAssessment.subjectId": "REFERENCE",
  "ThreatAssessment.stewardId": "REFERENCE",
  "ThreatAssessment.level": "SAFETY",
  "ThreatAssessment.assessedAt": "SAFETY",
  "ThreatAssessment.summary": "SAFETY",
  "ThreatAssessment.assessorId": "REFERENCE",
  "ThreatAssessment.policyUnit": "POLICY",
  "IncidentConnection.nodes": "REFERENCE",
  "IncidentConnection.pageInfo": "REFERENCE",
  "RestrainingOrderConnection.nodes": "REFERENCE",
  "RestrainingOrderConnection.pageInfo": "REFERENCE",
  "ThreatAssessmentConnection.nodes": "REFERENCE",
  "ThreatAssessmentConnection.pageInfo": "REFERENCE",
  "PageInfo.endCursor": "REFERENCE",
  "PageInfo.hasNextPage": "REFERENCE",
};

describe("the police liaison subgraph's SDL", () => {
  // The kit refuses to build a schema with an unclassified field; this pins which class each has.
  test("each field has the class the policy expects, and there are no others", () => {
    const classes = Object.fromEntries([...objectFields(parse(sdl))].map(([name, field]) => [name, classOfNode(field)]));
    expect(classes).toEqual(EXPECTED);
  });

  test("Person is an entity with only the police liaison fields; social services owns the rest", () => {
    expect(sdl).toMatch(/type Person\s+@key\(fields: "id"\)/);
    const personFields = [...objectFields(parse(sdl)).keys()].filter((name) => name.startsWith("Person.")).sort();
    expect(personFields).toEqual(["Person.id", "Person.incidents", "Person.restrainingOrders", "Person.threatAssessments"]);
    expect(sdl).toMatch(/incidents: \[Incident!\](?!!)/);
    expect(sdl).toMatch(/restrainingOrders: \[RestrainingOrder!\](?!!)/);
    expect(sdl).toMatch(/threatAssessments: \[ThreatAssessment!\](?!!)/);
  });

  test("every record names its subject and a (null) steward", () => {
    for (const type of ["Incident", "RestrainingOrder", "ThreatAssessment"]) {
      expect(sdl).toMatch(new RegExp(`type ${type}[^}]*subjectId: ID!`));
      expect(sdl).toMatch(new RegExp(`type ${type}[^}]*stewardId: ID[^!]`));
    }
  });

  test("the list queries are paginated and count nothing", () => {
    const query = parse(sdl).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query");
    const fields = query?.kind === Kind.OBJECT_TYPE_DEFINITION ? (query.fields ?? []) : [];
    const argsOf = (name: string) => fields.find((f) => f.name.value === name)?.arguments?.map((a) => a.name.value).sort();
    for (const list of ["incidents", "restrainingOrders", "threatAssessments"]) {
      expect(argsOf(list)).toEqual(["after", "filter", "first"]);
    }
    expect([...objectFields(parse(sdl)).keys()].filter((name) => /count/i.test(name))).toEqual([]);
  });
});

const yesterday = new Date(Date.now() - 86_400_000);
const input = (over: Partial<RecordIncidentInput> = {}) =>
  Object.assign(new RecordIncidentInput(), {
    subjectId: "per_abc123",
    occurredAt: yesterday,
    category: "THREAT",
    place: "Utanför förskolan",
    description: "Hotade henne verbalt vid hämtning.",
    ...over,
  });
const failing = async (value: object) => (await validate(value)).map((error) => error.property);

describe("recordIncident input", () => {
  test("a complete incident passes, at both length limits too", async () => {
    expect(await failing(input())).toEqual([]);
    expect(await failing(input({ place: "Gä", description: "x".repeat(10) }))).toEqual([]);
    expect(await failing(input({ place: "x".repeat(200), description: "x".repeat(4000) }))).toEqual([]);
  });

  test.each<[string, Partial<RecordIncidentInput>, string]>([
    ["a one-letter place", { place: "G" }, "place"],
    ["a 201-character place", { place: "x".repeat(201) }, "place"],
    ["a nine-character description", { description: "x".repeat(9) }, "description"],
    ["a 4001-character description", { description: "x".repeat(4001) }, "description"],
    ["an id with spaces", { subjectId: "per abc" }, "subjectId"],
    ["an empty id", { subjectId: "" }, "subjectId"],
    ["an unknown category", { category: "BURGLARY" as never }, "category"],
    ["a time that is not a date", { occurredAt: "yesterday" as never }, "occurredAt"],
  ])("%s is refused", async (_name, over, property) => {
    expect(await failing(input(over))).toEqual([property]);
  });
});

describe("list filters", () => {
  test("valid filters pass, empty filters too", async () => {
    expect(await failing(Object.assign(new IncidentFilter(), { category: "STALKING", occurredFrom: yesterday, occurredTo: new Date(), subjectId: "per_abc" }))).toEqual([]);
    expect(await failing(new IncidentFilter())).toEqual([]);
    expect(await failing(Object.assign(new RestrainingOrderFilter(), { activeOn: new Date(), subjectId: "per_abc" }))).toEqual([]);
    expect(await failing(Object.assign(new ThreatAssessmentFilter(), { level: "SEVERE", subjectId: "per_abc" }))).toEqual([]);
  });

  test("bad filters are refused", async () => {
    expect(await failing(Object.assign(new IncidentFilter(), { category: "BURGLARY" }))).toEqual(["category"]);
    expect(await failing(Object.assign(new IncidentFilter(), { subjectId: "a b" }))).toEqual(["subjectId"]);
    expect(await failing(Object.assign(new RestrainingOrderFilter(), { activeOn: "today" }))).toEqual(["activeOn"]);
    expect(await failing(Object.assign(new ThreatAssessmentFilter(), { level: "EXTREME" }))).toEqual(["level"]);
  });
});
