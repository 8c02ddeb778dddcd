import type { RowReader } from "@skyddsnat/subgraph-kit";
import "reflect-metadata";
import { describe, expect, test } from "@jest/globals";
import { type Actor, type Role, type SubjectFacts, unknownSubject } from "@skyddsnat/schema";
import { fieldClassesOf, PolicyContext } from "@skyddsnat/subgraph-kit";
import { graphql } from "graphql";
import type { Context } from "../context.js";
import type { Person, PrismaClient } from "../generated/prisma/client.js";
import { createLoaders } from "../loaders.js";
import { buildSocialServicesSchema } from "../schema.js";

/** These tests stub Prisma's client; none reaches a loader on the row path (rows.ts), which would refuse. */
const NO_ROW_PATH: RowReader = { rows: () => Promise.reject(new Error("not on this test's path")), table: (name) => name };

// The subgraph's own `me` over an in-memory table that answers the caseload's query as PostgreSQL
// would; the policy deciding who is admitted is the real one.
const schema = await buildSocialServicesSchema();

interface CaseRow { personId: string; status: "OPEN" | "CLOSED"; assignments: { staffId: string; role: string; endedAt: Date | null }[] }
const person = (id: string): Person => ({ id, givenName: `Given ${id}`, familyName: "Synthetic" }) as Person;
const PERSONS = ["per_a", "per_b", "per_closed", "per_ended", "per_other", "per_former"].map(person);
const CASES: CaseRow[] = [
  { personId: "per_a", status: "OPEN", assignments: [{ staffId: "cp-2001", role: "CONTACT_PERSON", endedAt: null }] },
  { personId: "per_b", status: "OPEN", assignments: [{ staffId: "cp-2001", role: "CONTACT_PERSON", endedAt: null }] },
  { personId: "per_closed", status: "CLOSED", assignments: [{ staffId: "cp-2001", role: "CONTACT_PERSON", endedAt: null }] },
  { personId: "per_ended", status: "OPEN", assignments: [{ staffId: "cp-2001", role: "CONTACT_PERSON", endedAt: new Date("2026-01-01") }] },
  { personId: "per_other", status: "OPEN", assignments: [{ staffId: "cp-2002", role: "CONTACT_PERSON", endedAt: null }] },
  // A former identity whose old case still carries her assignment: the policy never admits it.
  { personId: "per_former", status: "OPEN", assignments: [{ staffId: "cp-2001", role: "CONTACT_PERSON", endedAt: null }] },
];

const since = "2026-01-01T00:00:00.000Z";
function factsOf(id: string): SubjectFacts {
  const assignments = CASES.filter((c) => c.personId === id && c.status === "OPEN").flatMap((c) =>
    c.assignments.filter((a) => a.endedAt === null).map((a) => ({ staffId: a.staffId, role: a.role as Role, since })),
  );
  return { ...unknownSubject(id), protectionLevel: "PROTECTED_REGISTRATION", assignments, quarantined: id === "per_former" };
}

type Where = { AND: [{ cases: { some: { status: string; assignments: { some: { staffId: string; role: string; endedAt: null } } } } }, { id?: { gt: string } }] };

function contextFor(actor: Actor) {
  const queries: Where[] = [];
  const db = {
    person: {
      findMany: async ({ where, take }: { where: Where; take: number }) => {
        queries.push(where);
        const [load, after] = where.AND;
        const wanted = load.cases.some;
        const holds = (c: CaseRow) =>
          c.status === wanted.status &&
          c.assignments.some((a) => a.staffId === wanted.assignments.some.staffId && a.role === wanted.assignments.some.role && a.endedAt === null);
        return PERSONS.filter((p) => CASES.some((c) => c.personId === p.id && holds(c)))
          .filter((p) => !after.id || p.id > after.id.gt)
          .sort((x, y) => (x.id < y.id ? -1 : 1))
          .slice(0, take);
      },
    },
  } as unknown as PrismaClient;
  const facts = async (ids: readonly string[]) => ids.map(factsOf);
  const context = {
    actor,
    requestId: "req",
    emergencyGrants: new Set<string>(),
    logger: { debug() {}, warn() {}, info() {}, error() {} } as unknown as Context["logger"],
    loaders: { ...createLoaders(db, NO_ROW_PATH), db },
    policy: new PolicyContext(actor, new Set(), "social-services", facts, "token", () => {}, fieldClassesOf(schema)),
  } satisfies Context;
  return { context, queries };
}

const contactPerson: Actor = { staffId: "cp-2001", role: "CONTACT_PERSON", agency: "social-services", purpose: "CASE_WORK", issuer: "test", unit: "social-services/malmo-vald" };
const CASELOAD = `query($after: String, $first: Int! = 20) { me { staffId agency role purpose unit caseload(first: $first, after: $after) { nodes { id givenName } pageInfo { endCursor hasNextPage } } } }`;

describe("me", () => {
  test("is the caller as her token says", async () => {
    const { context } = contextFor(contactPerson);
    const result = await graphql({ schema, source: "{ me { staffId agency role purpose unit } }", contextValue: context });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ me: { staffId: "cp-2001", agency: "social-services", role: "CONTACT_PERSON", purpose: "CASE_WORK", unit: "social-services/malmo-vald" } });
  });

  test("her caseload: the persons of her active assignments on open cases, never a closed case, an ended assignment, a colleague's or a former identity", async () => {
    const { context } = contextFor(contactPerson);
    const result = await graphql({ schema, source: CASELOAD, contextValue: context });
    expect(result.errors).toBeUndefined();
    const caseload = (result.data as { me: { caseload: { nodes: { id: string; givenName: string }[] } } }).me.caseload;
    expect(caseload.nodes).toEqual([
      { id: "per_a", givenName: "Given per_a" },
      { id: "per_b", givenName: "Given per_b" },
    ]);
  });

  test("is paged by cursor: one person a page, then the next, then no more", async () => {
    const pages: string[][] = [];
    let after: string | null = null;
    for (let i = 0; i < 4; i++) {
      const { context } = contextFor(contactPerson);
      const result = await graphql({ schema, source: CASELOAD, variableValues: { first: 1, after }, contextValue: context });
      expect(result.errors).toBeUndefined();
      const page = (result.data as { me: { caseload: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } }).me.caseload;
      pages.push(page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual([["per_a"], ["per_b"]]);
  });

  test("the query asks for her own staff id and role, from the token", async () => {
    const { context, queries } = contextFor({ ...contactPerson, staffId: "cp-2002" });
    const result = await graphql({ schema, source: CASELOAD, contextValue: context });
    expect((result.data as { me: { caseload: { nodes: { id: string }[] } } }).me.caseload.nodes.map((n) => n.id)).toEqual(["per_other"]);
    expect(queries[0]?.AND[0].cases.some.assignments.some).toEqual({ staffId: "cp-2002", role: "CONTACT_PERSON", endedAt: null });
  });

  test.each<[Role, Actor["agency"], Actor["purpose"]]>([
    ["AUDITOR", "audit", "AUDIT"],
    ["POPULATION_REGISTER", "population-register", "CASE_WORK"],
    ["TEAM_LEAD", "social-services", "CASE_WORK"],
  ])("a %s, never assigned, has an empty caseload and no query is made", async (role, agency, purpose) => {
    const { context, queries } = contextFor({ staffId: "cp-2001", role, agency, purpose, issuer: "test" });
    const result = await graphql({ schema, source: CASELOAD, contextValue: context });
    expect(result.errors).toBeUndefined();
    expect((result.data as { me: { caseload: unknown } }).me.caseload).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
    expect(queries).toEqual([]);
  });

  test("a cursor that is not one of the list's is refused as bad input", async () => {
    const { context } = contextFor(contactPerson);
    const result = await graphql({ schema, source: CASELOAD, variableValues: { after: "!!not-a-cursor!!" }, contextValue: context });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });
});
