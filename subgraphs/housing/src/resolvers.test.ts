import "reflect-metadata";
import { describe, expect, test } from "@jest/globals";
import { type Actor, type SubjectFacts, unknownSubject } from "@skyddsnat/schema";
import { fieldClassesOf, PolicyContext, type RowReader } from "@skyddsnat/subgraph-kit";
import { graphql } from "graphql";
import type { Context } from "./context.js";
import type { Flat, HousingApplication, PrismaClient, Tenancy } from "./generated/prisma/client.js";
import { createLoaders } from "./loaders.js";
import { buildHousingSchema } from "./schema.js";


// The subgraph's own enforcement over a fake database: the policy is the real one.
const schema = await buildHousingSchema();

const PROTECTED: SubjectFacts = { ...unknownSubject("per_her"), protectionLevel: "PROTECTED_REGISTRATION" };
const flat: Flat = { id: "flt_1", streetAddress: "Storgatan 1", postalCode: "80311", city: "Gävle", rooms: 2, landlord: "Gavlegårdarna" };
const tenancy = (over: Partial<Tenancy>): Tenancy => ({
  id: "ten_1", personId: "per_her", flatId: flat.id, administratorId: "ho-3001", status: "ACTIVE",
  startsOn: new Date("2026-01-01"), endsOn: null, unit: "housing/malmo", ...over,
});
const TENANCIES = [tenancy({}), tenancy({ id: "ten_0", administratorId: "ho-3002", status: "ENDED", endsOn: new Date("2025-12-31") })];

/** `held`: the facts source already holds her facts, so the kit decides synchronously (no promise). */
function contextFor(staffId: string, held = false, unit: string | null = "housing/malmo") {
  const calls = { flats: 0, factLoads: 0, created: [] as unknown[] };
  const db = {
    tenancy: {
      findUnique: async ({ where }: { where: { id: string } }) => TENANCIES.find((t) => t.id === where.id) ?? null,
    },
    housingApplication: {
      create: async ({ data }: { data: HousingApplication }) => { calls.created.push(data); return { ...data, status: "SUBMITTED", submittedAt: new Date(), decidedAt: null }; },
    },
  } as unknown as PrismaClient;
  // The row path (the kit's rows.ts) over the same fixtures: flats, and who rents or rented a flat.
  const rows: RowReader = {
    table: (name) => name,
    rows: async <Row>(sql: string, args: readonly string[]) => {
      if (sql.includes("FROM Flat ")) {
        calls.flats += 1;
        return [flat].filter((row) => args.includes(row.id)) as Row[];
      }
      if (sql.includes("FROM Tenancy ")) {
        const tenants = TENANCIES.filter((row) => args.includes(row.flatId)).map((row) => ({ flatId: row.flatId, personId: row.personId }));
        return [...new Map(tenants.map((row) => [`${row.flatId} ${row.personId}`, row])).values()] as Row[];
      }
      throw new Error(`not on this test's path: ${sql}`);
    },
  };
  const actor: Actor = { staffId, role: "HOUSING_OFFICER", agency: "housing", purpose: "CASE_WORK", issuer: "test", ...(unit ? { unit } : {}) };
  const load = async (ids: readonly string[]) => {
    calls.factLoads += 1;
    return ids.filter((id) => id === PROTECTED.id).map(() => PROTECTED);
  };
  const facts = held ? Object.assign(load, { peek: (id: string) => (id === PROTECTED.id ? PROTECTED : undefined) }) : load;
  const context = {
    actor, requestId: "req", emergencyGrants: new Set<string>(),
    logger: { debug() {}, warn() {}, info() {}, error() {} } as unknown as Context["logger"],
    loaders: { ...createLoaders(db, rows), db },
    policy: new PolicyContext(actor, new Set(), "housing", facts, "token", () => {}, fieldClassesOf(schema)),
  } satisfies Context;
  return { context, calls };
}

describe.each([
  ["facts loaded for the request", false],
  ["facts already held (the synchronous path)", true],
])("tenancy addresses follow the tenant and the tenancy — %s", (_, held) => {
  test("the officer administering an active tenancy of a protected person gets its address", async () => {
    const { context, calls } = contextFor("ho-3001", held);
    const result = await graphql({ schema, source: `{ tenancy(id: "ten_1") { stewardId streetAddress city rooms } }`, contextValue: context });
    expect(calls.factLoads).toBe(held ? 0 : 1);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ tenancy: { stewardId: "ho-3001", streetAddress: "Storgatan 1", city: "Gävle", rooms: 2 } });
  });

  test("the officer who administered her ended tenancy gets no previous address, and the flat is never read", async () => {
    const { context, calls } = contextFor("ho-3002", held);
    const result = await graphql({ schema, source: `{ tenancy(id: "ten_0") { stewardId streetAddress postalCode city } }`, contextValue: context });
    expect(result.data).toEqual({ tenancy: { stewardId: null, streetAddress: null, postalCode: null, city: null } });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN_FIELD", "FORBIDDEN_FIELD", "FORBIDDEN_FIELD"]);
    expect(calls.flats).toBe(0);
  });
});

describe("need to know within the agency: the unit that holds a tenancy", () => {
  test("an officer of the unit that holds it reads its status and dates", async () => {
    const { context } = contextFor("ho-3002");
    const result = await graphql({ schema, source: `{ tenancy(id: "ten_0") { status startsOn endsOn } }`, contextValue: context });
    expect(result.errors).toBeUndefined();
    expect(result.data?.tenancy).toMatchObject({ status: "ENDED" });
  });

  test("to an officer of another unit of housing it does not exist, by id or in a list", async () => {
    const { context } = contextFor("ho-3003", false, "housing/lund");
    const one = await graphql({ schema, source: `{ tenancy(id: "ten_0") { status } }`, contextValue: context });
    expect(one).toEqual({ data: { tenancy: null } });
  });

  test("a tenancy's own fields are judged by its unit, withheld with REQUIRES_OWN_UNIT", async () => {
    // Reached past existence (as a federated reference would be): its fields still follow its unit.
    const { context } = contextFor("ho-3003", false, "housing/lund");
    const row = TENANCIES[1] as Tenancy;
    expect((await context.policy.decide({ subjectId: row.personId, stewardId: null, current: false, ownerUnit: row.unit }, "STATUS")).reason).toBe("REQUIRES_OWN_UNIT");
    const own = contextFor("ho-3002").context;
    expect((await own.policy.decide({ subjectId: row.personId, stewardId: null, current: false, ownerUnit: row.unit }, "STATUS")).effect).toBe("allow");
  });
});

describe("registerApplication", () => {
  const mutation = (subjectId: string, householdSize = 2) =>
    `mutation { registerApplication(input: { subjectId: "${subjectId}", urgency: HIGH, requestedArea: "Gävle", householdSize: ${householdSize} }) { id stewardId handlerId } }`;

  test("registers for a known person with the caller as handler and steward", async () => {
    const { context, calls } = contextFor("ho-3001");
    const result = await graphql({ schema, source: mutation("per_her"), contextValue: context });
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerApplication).toMatchObject({ stewardId: "ho-3001", handlerId: "ho-3001" });
    expect(calls.created).toHaveLength(1);
    // Held by the caller's unit: her unit's record from the start.
    expect(calls.created[0]).toMatchObject({ unit: "housing/malmo" });
  });

  test("refuses a caller with no unit before anything is read or written", async () => {
    const { context, calls } = contextFor("ho-3001", false, null);
    const result = await graphql({ schema, source: mutation("per_her"), contextValue: context });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "UNIT_REQUIRED" });
    expect(calls.created).toEqual([]);
    expect(calls.factLoads).toBe(0);
  });

  test("refuses a person social services doesn't know, writing nothing", async () => {
    const { context, calls } = contextFor("ho-3001");
    const result = await graphql({ schema, source: mutation("per_nobody"), contextValue: context });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "subjectId" });
    expect(calls.created).toEqual([]);
  });

  test("refuses a household of zero before anything is written", async () => {
    const { context, calls } = contextFor("ho-3001");
    const result = await graphql({ schema, source: mutation("per_her", 0), contextValue: context });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(calls.created).toEqual([]);
  });
});
