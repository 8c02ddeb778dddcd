import "reflect-metadata";
import { printSubgraphSchema } from "@apollo/subgraph";
import { describe, expect, test } from "@jest/globals";
import type { FieldClass } from "@skyddsnat/schema";
import { classOfNode, objectFields } from "@skyddsnat/subgraph-kit";
import { validate } from "class-validator";
import { Kind, parse } from "graphql";
import { ApplicationFilter, RegisterApplicationInput } from "./application/application.input.js";
import { buildHousingSchema } from "./schema.js";
import { TenancyFilter } from "./tenancy/tenancy.input.js";

const sdl = printSubgraphSchema(await buildHousingSchema());

/** The classes the brief gives per field; the policy reads them, so they are pinned here. */
const EXPECTED: Record<string, FieldClass> = {
  "Person.id": "REFERENCE",
  "Person.housingApplications": "HOUSING",
  "Person.tenancies": "HOUSING",
  "HousingApplication.id": "REFERENCE",
  "HousingApplication.policyCurrent": "POLICY",
  "HousingApplication.subjectId": "REFERENCE",
  "HousingApplication.stewardId": "REFERENCE",
  "HousingApplication.urgency": "HOUSING",
  "HousingApplication.requestedArea": "LOCATION",
  "HousingApplication.householdSize": "HOUSING",
  "HousingApplication.status": "STATUS",
  "HousingApplication.submittedAt": "STATUS",
  "HousingApplication.decidedAt": "STATUS",
  "HousingApplication.handlerId": "REFERENCE",
  "HousingApplication.policyUnit": "POLICY",
  "Tenancy.id": "REFERENCE",
  "Tenancy.subjectId": "REFERENCE",
  "Tenancy.stewardId": "REFERENCE",
  "Tenancy.status": "STATUS",
  "Tenancy.startsOn": "HOUSING",
  "Tenancy.endsOn": "HOUSING",
  "Tenancy.administratorId": "REFERENCE",
  "Tenancy.landlord": "LOCATION",
  "Tenancy.policyCurrent": "POLICY",
  "Tenancy.policyPlaceLevel": "POLICY",
  "Tenancy.rooms": "LOCATION",
  "Tenancy.streetAddress": "LOCATION",
  "Tenancy.postalCode": "LOCATION",
  "Tenancy.city": "LOCATION",
  "Tenancy.policyUnit": "POLICY",
  "HousingApplicationConnection.nodes": "REFERENCE",
  "HousingApplicationConnection.pageInfo": "REFERENCE",
  "TenancyConnection.nodes": "REFERENCE",
  "TenancyConnection.pageInfo": "REFERENCE",
  "PageInfo.endCursor": "REFERENCE",
  "PageInfo.hasNextPage": "REFERENCE",
};

describe("the housing subgraph's SDL", () => {
  // The kit refuses to build a schema with an unclassified field; this pins which class each has.
  test("each field has the class the policy expects, and there are no others", () => {
    const classes = Object.fromEntries([...objectFields(parse(sdl))].map(([name, field]) => [name, classOfNode(field)]));
    expect(classes).toEqual(EXPECTED);
  });

  test("Person is an entity with only the housing fields; social services owns the rest", () => {
    expect(sdl).toMatch(/type Person\s+@key\(fields: "id"\)/);
    const personFields = [...objectFields(parse(sdl)).keys()].filter((name) => name.startsWith("Person.")).sort();
    expect(personFields).toEqual(["Person.housingApplications", "Person.id", "Person.tenancies"]);
    expect(sdl).toMatch(/housingApplications: \[HousingApplication!\](?!!)/);
    expect(sdl).toMatch(/tenancies: \[Tenancy!\](?!!)/);
  });

  test("a flat is never reachable on its own: no Flat type, no flat id", () => {
    expect(sdl).not.toMatch(/\bFlat\b/);
    expect(sdl).not.toMatch(/flatId/);
  });

  test("the list queries are paginated and count nothing", () => {
    const query = parse(sdl).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query");
    const fields = query?.kind === Kind.OBJECT_TYPE_DEFINITION ? (query.fields ?? []) : [];
    const argsOf = (name: string) => fields.find((f) => f.name.value === name)?.arguments?.map((a) => a.name.value).sort();
    expect(argsOf("housingApplications")).toEqual(["after", "filter", "first"]);
    expect(argsOf("tenancies")).toEqual(["after", "filter", "first"]);
    expect([...objectFields(parse(sdl)).keys()].filter((name) => /count/i.test(name))).toEqual([]);
  });
});

const input = (over: Partial<RegisterApplicationInput> = {}) =>
  Object.assign(new RegisterApplicationInput(), {
    subjectId: "per_abc123",
    urgency: "HIGH",
    requestedArea: "Gävle",
    householdSize: 3,
    ...over,
  });
const failing = async (value: object) => (await validate(value)).map((error) => error.property);

describe("registerApplication input", () => {
  test("a complete application passes", async () => {
    expect(await failing(input())).toEqual([]);
    expect(await failing(input({ householdSize: 1, requestedArea: "Gä" }))).toEqual([]);
    expect(await failing(input({ householdSize: 12, requestedArea: "x".repeat(80) }))).toEqual([]);
  });

  test.each<[string, Partial<RegisterApplicationInput>, string]>([
    ["a household of zero", { householdSize: 0 }, "householdSize"],
    ["a household of thirteen", { householdSize: 13 }, "householdSize"],
    ["a fractional household", { householdSize: 2.5 }, "householdSize"],
    ["a one-letter area", { requestedArea: "G" }, "requestedArea"],
    ["an 81-character area", { requestedArea: "x".repeat(81) }, "requestedArea"],
    ["an id with spaces", { subjectId: "per abc" }, "subjectId"],
    ["an empty id", { subjectId: "" }, "subjectId"],
    ["an unknown urgency", { urgency: "URGENT" as never }, "urgency"],
  ])("%s is refused", async (_name, over, property) => {
    expect(await failing(input(over))).toEqual([property]);
  });
});

describe("list filters", () => {
  test("valid filters pass, empty filters too", async () => {
    expect(await failing(Object.assign(new ApplicationFilter(), { status: "SUBMITTED", urgency: "ACUTE", requestedArea: "gävle" }))).toEqual([]);
    expect(await failing(new ApplicationFilter())).toEqual([]);
    expect(await failing(Object.assign(new TenancyFilter(), { status: "ENDED" }))).toEqual([]);
  });

  test("bad filters are refused", async () => {
    expect(await failing(Object.assign(new ApplicationFilter(), { requestedArea: "G" }))).toEqual(["requestedArea"]);
    expect(await failing(Object.assign(new ApplicationFilter(), { status: "OPEN" }))).toEqual(["status"]);
    expect(await failing(Object.assign(new TenancyFilter(), { status: "PENDING" }))).toEqual(["status"]);
  });
});
