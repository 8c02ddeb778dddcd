import type { RowReader } from "@skyddsnat/subgraph-kit";
import "reflect-metadata";
import { describe, expect, test } from "@jest/globals";
import { type Actor, type SubjectFacts, unknownSubject } from "@skyddsnat/schema";
import { fieldClassesOf, PolicyContext } from "@skyddsnat/subgraph-kit";
import { graphql } from "graphql";
import type { Context } from "./context.js";
import type { Incident, PrismaClient, RestrainingOrder } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildPoliceLiaisonSchema } from "./schema.js";

/** These tests stub Prisma's client; none reaches a loader on the row path (rows.ts), which would refuse. */
const NO_ROW_PATH: RowReader = { rows: () => Promise.reject(new Error("not on this test's path")), table: (name) => name };

// The subgraph's own enforcement over a fake database: the policy is the real one.
const schema = await buildPoliceLiaisonSchema();

const PROTECTED: SubjectFacts = { ...unknownSubject("per_her"), protectionLevel: "PROTECTED_REGISTRATION" };
const DAY = 86_400_000;
const INCIDENT: Incident = {
  id: "inc_1", personId: "per_her", occurredAt: new Date("2026-01-05T21:00:00Z"), category: "STALKING",
  place: "Utanför förskolan på Solgatan", description: "Stod utanför förskolan vid hämtning.", reportedBy: "pl-2001",
  createdAt: new Date("2026-01-06T08:00:00Z"), unit: "police-liaison/malmo",
};
const ORDER: RestrainingOrder = {
  id: "ro_1", protectedPersonId: "per_her", restrainedPersonId: "per_him", kind: "EXTENDED",
  validFrom: new Date(Date.now() - 30 * DAY), validTo: new Date(Date.now() + 30 * DAY), unit: "police-liaison/malmo",
};

function contextFor(actor: Partial<Actor> = {}, emergencyGrants: ReadonlySet<string> = new Set()) {
  const calls = { created: [] as Incident[] };
  const db = {
    incident: {
      findUnique: async ({ where }: { where: { id: string } }) => (where.id === INCIDENT.id ? INCIDENT : null),
      findMany: async () => [INCIDENT],
      create: async ({ data }: { data: Omit<Incident, "createdAt"> }) => {
        const row = { ...data, createdAt: new Date() };
        calls.created.push(row);
        return row;
      },
    },
    restrainingOrder: { findMany: async () => [ORDER] },
  } as unknown as PrismaClient;
  const who: Actor = { staffId: "pl-2001", role: "POLICE_LIAISON", agency: "police-liaison", purpose: "CASE_WORK", issuer: "test", unit: "police-liaison/malmo", ...actor };
  // `unit: undefined` asks for an actor without one.
  if (who.unit === undefined) delete who.unit;
  const facts = async (ids: readonly string[]) => ids.filter((id) => id === PROTECTED.id).map(() => PROTECTED);
  const context = {
    actor: who, requestId: "req", emergencyGrants,
    logger: { debug() {}, warn() {}, info() {}, error() {} } as unknown as Context["logger"],
    loaders: { ...createLoaders(db, NO_ROW_PATH), db },
    policy: new PolicyContext(who, emergencyGrants, "police-liaison", facts, "token", () => {}, fieldClassesOf(schema)),
  } satisfies Context;
  return { context, calls };
}

const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.map((e) => e.extensions?.code);

describe("incidents about a protected person", () => {
  const source = `{ incident(id: "inc_1") { subjectId stewardId category description place reportedBy } }`;

  test("the police liaison gets the safety data, but not the place", async () => {
    const result = await graphql({ schema, source, contextValue: contextFor().context });
    expect(result.data).toEqual({
      incident: { subjectId: "per_her", stewardId: null, category: "STALKING", description: INCIDENT.description, place: null, reportedBy: "pl-2001" },
    });
    expect(codes(result)).toEqual(["FORBIDDEN_FIELD"]);
  });

  test("a recorded emergency ground opens no incident's place: an emergency opens where she is now, not where something happened", async () => {
    const { context } = contextFor({ purpose: "EMERGENCY" }, new Set(["per_her"]));
    const result = await graphql({ schema, source, contextValue: context });
    expect(result.data?.incident).toMatchObject({ category: "STALKING", description: INCIDENT.description, place: null });
    expect(result.errors?.map((e) => [e.path?.join("."), e.extensions?.reason])).toEqual([["incident.place", "REQUIRES_EMERGENCY_GROUND"]]);
  });

  test("a housing officer learns of no incident at all: not through a filter, a list or its id", async () => {
    const { context } = contextFor({ staffId: "ho-3001", role: "HOUSING_OFFICER", agency: "housing", unit: "housing/malmo" });
    const filtered = await graphql({ schema, source: `{ incidents(filter: { category: STALKING }) { nodes { id } } }`, contextValue: context });
    expect(filtered.data).toEqual({ incidents: { nodes: [] } });
    const unfiltered = await graphql({ schema, source: `{ incidents { nodes { id category } } }`, contextValue: context });
    expect(unfiltered.data).toEqual({ incidents: { nodes: [] } });
    const byId = await graphql({ schema, source: `{ incident(id: "inc_1") { id } }`, contextValue: context });
    expect(byId).toEqual({ data: { incident: null } });
  });

  test("the police liaison of the unit that holds it lists and finds it", async () => {
    const { context } = contextFor();
    const unfiltered = await graphql({ schema, source: `{ incidents { nodes { id } } incident(id: "inc_1") { id } }`, contextValue: context });
    expect(unfiltered.data).toEqual({ incidents: { nodes: [{ id: "inc_1" }] }, incident: { id: "inc_1" } });
  });

  test("a police liaison of another unit learns of no incident at all: not through a filter, a list or its id", async () => {
    const { context } = contextFor({ staffId: "pl-4003", unit: "police-liaison/lund" });
    const filtered = await graphql({ schema, source: `{ incidents(filter: { category: STALKING }) { nodes { id } } }`, contextValue: context });
    expect(filtered.data).toEqual({ incidents: { nodes: [] } });
    const listed = await graphql({ schema, source: `{ incidents { nodes { id category } } incident(id: "inc_1") { id } }`, contextValue: context });
    expect(listed).toEqual({ data: { incidents: { nodes: [] }, incident: null } });
  });
});

describe("restraining orders", () => {
  const source = `{ restrainingOrders { nodes { subjectId stewardId kind active protectedPerson { id } restrainedPerson { id } } } }`;

  test("the police liaison sees who is restrained and that the order is in force", async () => {
    const result = await graphql({ schema, source, contextValue: contextFor().context });
    expect(result.errors).toBeUndefined();
    expect(result.data?.restrainingOrders).toEqual({
      nodes: [{ subjectId: "per_her", stewardId: null, kind: "EXTENDED", active: true, protectedPerson: { id: "per_her" }, restrainedPerson: { id: "per_him" } }],
    });
  });

  test("a housing officer learns not even that there is an order", async () => {
    const { context } = contextFor({ staffId: "ho-3001", role: "HOUSING_OFFICER", agency: "housing", unit: "housing/malmo" });
    const result = await graphql({ schema, source, contextValue: context });
    expect(result).toEqual({ data: { restrainingOrders: { nodes: [] } } });
  });
});

describe("recordIncident", () => {
  const mutation = (subjectId: string, occurredAt: Date) =>
    `mutation { recordIncident(input: { subjectId: "${subjectId}", occurredAt: "${occurredAt.toISOString()}", category: THREAT, place: "Centralstationen", description: "Hotade henne i telefon." }) { id subjectId stewardId reportedBy } }`;
  const yesterday = () => new Date(Date.now() - DAY);

  test("records for a known person with the caller as reporter", async () => {
    const { context, calls } = contextFor();
    const result = await graphql({ schema, source: mutation("per_her", yesterday()), contextValue: context });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordIncident).toMatchObject({ subjectId: "per_her", stewardId: null, reportedBy: "pl-2001" });
    expect(calls.created).toHaveLength(1);
    expect(calls.created[0]?.id).toMatch(/^inc_/);
    expect(calls.created[0]?.unit).toBe("police-liaison/malmo");
  });

  test("refuses a caller with no unit, writing nothing", async () => {
    const { context, calls } = contextFor({ unit: undefined });
    expect("unit" in context.actor).toBe(false);
    const result = await graphql({ schema, source: mutation("per_her", yesterday()), contextValue: context });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "UNIT_REQUIRED" });
    expect(calls.created).toEqual([]);
  });

  test.each<[string, string, Date, string]>([
    ["a time in the future", "per_her", new Date(Date.now() + DAY), "occurredAt"],
    ["a person social services doesn't know", "per_nobody", new Date(Date.now() - DAY), "subjectId"],
  ])("refuses %s, writing nothing", async (_name, subjectId, occurredAt, argument) => {
    const { context, calls } = contextFor();
    const result = await graphql({ schema, source: mutation(subjectId, occurredAt), contextValue: context });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(calls.created).toEqual([]);
  });

  test("a housing officer may not record an incident", async () => {
    const { context, calls } = contextFor({ staffId: "ho-3001", role: "HOUSING_OFFICER", agency: "housing", unit: "housing/malmo" });
    const result = await graphql({ schema, source: mutation("per_her", yesterday()), contextValue: context });
    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(calls.created).toEqual([]);
  });
});
