import "reflect-metadata";
import { printSubgraphSchema } from "@apollo/subgraph";
import { describe, expect, test } from "@jest/globals";
import type { FieldClass } from "@skyddsnat/schema";
import { classOfNode, objectFields } from "@skyddsnat/subgraph-kit";
import { validate } from "class-validator";
import { Kind, parse } from "graphql";
import { ChildCaseFilter, OpenChildCaseInput } from "./child-case/child-case.input.js";
import { PlaceChildInput, PlacementFilter } from "./placement/placement.input.js";
import { buildChildServicesSchema } from "./schema.js";

const sdl = printSubgraphSchema(await buildChildServicesSchema());

/** The classes the brief gives per field; the policy reads them, so they are pinned here. */
const EXPECTED: Record<string, FieldClass> = {
  "Person.id": "REFERENCE",
  "Person.childCases": "CHILD",
  "Person.schoolPlacements": "CHILD",
  "ChildCase.id": "REFERENCE",
  "ChildCase.subjectId": "REFERENCE",
  "ChildCase.stewardId": "REFERENCE",
  "ChildCase.status": "STATUS",
  "ChildCase.concern": "CHILD",
  "ChildCase.openedAt": "STATUS",
  "ChildCase.closedAt": "STATUS",
  "ChildCase.officerId": "REFERENCE",
  "ChildCase.notes": "CHILD",
  "ChildCase.child": "REFERENCE",
  "ChildCase.placements": "CHILD",
  "ChildCase.consultations": "CHILD",
  "ChildCase.policyUnit": "POLICY",
  "SchoolPlacement.id": "REFERENCE",
  "SchoolPlacement.subjectId": "REFERENCE",
  "SchoolPlacement.stewardId": "REFERENCE",
  "SchoolPlacement.kind": "CHILD",
  "SchoolPlacement.schoolName": "LOCATION",
  "SchoolPlacement.municipality": "LOCATION",
  "SchoolPlacement.policyCurrent": "POLICY",
  "SchoolPlacement.startsOn": "CHILD",
  "SchoolPlacement.endsOn": "CHILD",
  "SchoolPlacement.policyUnit": "POLICY",
  "BarnahusConsultation.id": "REFERENCE",
  "BarnahusConsultation.subjectId": "REFERENCE",
  "BarnahusConsultation.stewardId": "REFERENCE",
  "BarnahusConsultation.heldAt": "LOCATION",
  "BarnahusConsultation.location": "LOCATION",
  "BarnahusConsultation.policyCurrent": "POLICY",
  "BarnahusConsultation.summary": "CHILD",
  "BarnahusConsultation.policyUnit": "POLICY",
  "ChildCaseConnection.nodes": "REFERENCE",
  "ChildCaseConnection.pageInfo": "REFERENCE",
  "SchoolPlacementConnection.nodes": "REFERENCE",
  "SchoolPlacementConnection.pageInfo": "REFERENCE",
  "PageInfo.endCursor": "REFERENCE",
  "PageInfo.hasNextPage": "REFERENCE",
};

describe("the child services subgraph's SDL", () => {
  // The kit refuses to build a schema with an unclassified field; this pins which class each has.
  test("each field has the class the policy expects, and there are no others", () => {
    const classes = Object.fromEntries([...objectFields(parse(sdl))].map(([name, field]) => [name, classOfNode(field)]));
    expect(classes).toEqual(EXPECTED);
  });

  test("Person is an entity with only the child services fields; social services owns the rest", () => {
    expect(sdl).toMatch(/type Person\s+@key\(fields: "id"\)/);
    const personFields = [...objectFields(parse(sdl)).keys()].filter((name) => name.startsWith("Person.")).sort();
    expect(personFields).toEqual(["Person.childCases", "Person.id", "Person.schoolPlacements"]);
    expect(sdl).toMatch(/childCases: \[ChildCase!\](?!!)/);
    expect(sdl).toMatch(/schoolPlacements: \[SchoolPlacement!\](?!!)/);
  });

  test("every record names its subject (the child) and a nullable steward", () => {
    for (const type of ["ChildCase", "SchoolPlacement", "BarnahusConsultation"]) {
      expect(sdl).toMatch(new RegExp(`type ${type}[^}]*subjectId: ID!`));
      expect(sdl).toMatch(new RegExp(`type ${type}[^}]*stewardId: ID[^!]`));
    }
  });

  test("a school is never reachable on its own: no School type, no school id", () => {
    expect(sdl).not.toMatch(/\btype School\b/);
    expect(sdl).not.toMatch(/schoolId/);
  });

  test("the list queries are paginated and count nothing; consultations are reached only through their case", () => {
    const query = parse(sdl).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query");
    const fields = query?.kind === Kind.OBJECT_TYPE_DEFINITION ? (query.fields ?? []) : [];
    const argsOf = (name: string) => fields.find((f) => f.name.value === name)?.arguments?.map((a) => a.name.value).sort();
    expect(argsOf("childCases")).toEqual(["after", "filter", "first"]);
    expect(argsOf("schoolPlacements")).toEqual(["after", "filter", "first"]);
    expect(fields.map((f) => f.name.value).sort()).toEqual(["_entities", "_service", "childCase", "childCases", "schoolPlacements"]);
    expect([...objectFields(parse(sdl)).keys()].filter((name) => /count/i.test(name))).toEqual([]);
  });
});

const failing = async (value: object) => (await validate(value)).map((error) => error.property);

const caseInput = (over: Partial<OpenChildCaseInput> = {}) =>
  Object.assign(new OpenChildCaseInput(), {
    childId: "per_abc123",
    concern: "WITNESSED_VIOLENCE",
    notes: "Barnet berättade om bråk i hemmet.",
    ...over,
  });

describe("openChildCase input", () => {
  test("a complete case passes, at both length limits too", async () => {
    expect(await failing(caseInput())).toEqual([]);
    expect(await failing(caseInput({ notes: "x".repeat(10) }))).toEqual([]);
    expect(await failing(caseInput({ notes: "x".repeat(4000) }))).toEqual([]);
  });

  test.each<[string, Partial<OpenChildCaseInput>, string]>([
    ["nine-character notes", { notes: "x".repeat(9) }, "notes"],
    ["4001-character notes", { notes: "x".repeat(4001) }, "notes"],
    ["an id with spaces", { childId: "per abc" }, "childId"],
    ["an empty id", { childId: "" }, "childId"],
    ["an unknown concern", { concern: "TRUANCY" as never }, "concern"],
  ])("%s is refused", async (_name, over, property) => {
    expect(await failing(caseInput(over))).toEqual([property]);
  });
});

const placementInput = (over: Partial<PlaceChildInput> = {}) =>
  Object.assign(new PlaceChildInput(), {
    childCaseId: "chc_abc123",
    kind: "SCHOOL",
    schoolName: "Solbackaskolan",
    municipality: "Gävle",
    startsOn: new Date("2026-08-17"),
    ...over,
  });

describe("placeChild input", () => {
  test("a complete placement passes, at both length limits too", async () => {
    expect(await failing(placementInput())).toEqual([]);
    expect(await failing(placementInput({ schoolName: "Ek", municipality: "Bo" }))).toEqual([]);
    expect(await failing(placementInput({ schoolName: "x".repeat(120), municipality: "x".repeat(60) }))).toEqual([]);
  });

  test.each<[string, Partial<PlaceChildInput>, string]>([
    ["a one-letter school", { schoolName: "E" }, "schoolName"],
    ["a 121-character school", { schoolName: "x".repeat(121) }, "schoolName"],
    ["a one-letter municipality", { municipality: "G" }, "municipality"],
    ["a 61-character municipality", { municipality: "x".repeat(61) }, "municipality"],
    ["a case id with spaces", { childCaseId: "chc abc" }, "childCaseId"],
    ["an unknown kind", { kind: "GYMNASIUM" as never }, "kind"],
    ["a start that is not a date", { startsOn: "next monday" as never }, "startsOn"],
  ])("%s is refused", async (_name, over, property) => {
    expect(await failing(placementInput(over))).toEqual([property]);
  });
});

describe("list filters", () => {
  test("valid filters pass, empty filters too", async () => {
    expect(await failing(Object.assign(new ChildCaseFilter(), { status: "OPEN", concern: "NEGLECT", officerId: "cs-5001" }))).toEqual([]);
    expect(await failing(new ChildCaseFilter())).toEqual([]);
    expect(await failing(Object.assign(new PlacementFilter(), { municipality: "gävle", kind: "PRESCHOOL" }))).toEqual([]);
    expect(await failing(new PlacementFilter())).toEqual([]);
  });

  test("bad filters are refused", async () => {
    expect(await failing(Object.assign(new ChildCaseFilter(), { status: "PENDING" }))).toEqual(["status"]);
    expect(await failing(Object.assign(new ChildCaseFilter(), { concern: "TRUANCY" }))).toEqual(["concern"]);
    expect(await failing(Object.assign(new ChildCaseFilter(), { officerId: "cs 5001" }))).toEqual(["officerId"]);
    expect(await failing(Object.assign(new PlacementFilter(), { municipality: "G" }))).toEqual(["municipality"]);
    expect(await failing(Object.assign(new PlacementFilter(), { kind: "GYMNASIUM" }))).toEqual(["kind"]);
  });
});
