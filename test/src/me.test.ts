import { afterAll, describe, expect, test } from "@jest/globals";
import type { Role } from "@skyddsnat/schema";
import pg from "pg";
import { recordsOf } from "./support/audit-db.js";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { gql, tokenFor } from "./support/http.js";
import { closeFixtures, DESK, makeHousehold } from "./support/write-fixtures.js";

/*
 * `me` over the running hub with real tokens: who the caller is, and her caseload — the persons
 * of her active assignments on open cases, as social services' database holds them.
 */
afterAll(closeFixtures);

/** What the database says her caseload is: persons of her active assignments on open cases, never a former identity. */
async function caseloadInDatabase(staffId: string, role: Role): Promise<{ id: string; protected: boolean }[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: "-c search_path=social_services" });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT DISTINCT p.id, p."protectionLevel" <> 'NONE' AS protected FROM "Person" p
         JOIN "Case" c ON c."personId" = p.id AND c.status = 'OPEN'
         JOIN "Assignment" a ON a."caseId" = c.id AND a."staffId" = $1 AND a.role::text = $2 AND a."endedAt" IS NULL
        WHERE p."quarantinedAt" IS NULL ORDER BY p.id`,
      [staffId, role],
    );
    return result.rows as { id: string; protected: boolean }[];
  } finally {
    await client.end();
  }
}

interface Page {
  nodes: { id: string; givenName: string | null }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
const CASELOAD = `query MyCaseload($first: Int!, $after: String) { me { staffId agency role purpose unit caseload(first: $first, after: $after) { nodes { id givenName } pageInfo { endCursor hasNextPage } } } }`;

async function send(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(process.env.HUB_URL as string, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: { me: { staffId: string; role: string; caseload: Page } & Record<string, unknown> } | null; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: response.status, requestId: response.headers.get("x-request-id") ?? "", ...body };
}

/** Every page of her caseload, `first` at a time. */
async function wholeCaseload(token: string, first: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const answer = await send(token, CASELOAD, { first, after });
    expect(answer.errors).toBeUndefined();
    const page = answer.data?.me.caseload as Page;
    pages.push(page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error("caseload did not end in 100 pages");
}

describe("me", () => {
  test("is the caller as her token says", async () => {
    const answer = await send(await tokenFor("CONTACT_PERSON", "cp-2001"), "{ me { staffId agency role purpose unit } }");
    expect(answer.status).toBe(200);
    expect(answer.data?.me).toEqual({ staffId: "cp-2001", agency: "social-services", role: "CONTACT_PERSON", purpose: "COORDINATED_SUPPORT", unit: expect.stringMatching(/^social-services\//) });
  });

  test("cp-2001's caseload is the persons of her active assignments on open cases, as the database holds them", async () => {
    const expected = (await caseloadInDatabase("cp-2001", "CONTACT_PERSON")).map((p) => p.id);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const [page] = await wholeCaseload(await tokenFor("CONTACT_PERSON", "cp-2001"), 100);
    expect(page).toEqual(expected);
  });

  test("pages by cursor: one at a time and two at a time walk the same list, each person once", async () => {
    const token = await tokenFor("CONTACT_PERSON", "cp-2001");
    const expected = (await caseloadInDatabase("cp-2001", "CONTACT_PERSON")).map((p) => p.id);
    const ones = await wholeCaseload(token, 1);
    expect(ones.every((page) => page.length <= 1)).toBe(true);
    expect(ones.flat()).toEqual(expected);
    const twos = await wholeCaseload(token, 2);
    expect(twos.length).toBeGreaterThan(1);
    expect(twos.flat()).toEqual(expected);
  });

  test("a person drops out of the contact person's caseload when her case is closed", async () => {
    const h = await makeHousehold("PROTECTED_REGISTRATION");
    const token = await tokenFor("CONTACT_PERSON", DESK.contactPerson);
    expect((await wholeCaseload(token, 100)).flat()).toContain(h.personId);
    const closed = await gql(`mutation { closeCase(id: "${h.caseId}") { id } }`, { token: await tokenFor("SOCIAL_SECRETARY", DESK.owner) });
    expect(closed.errors).toBeUndefined();
    expect(closed.data).toEqual({ closeCase: { id: h.caseId } });
    const after = (await wholeCaseload(token, 100)).flat();
    expect(after).not.toContain(h.personId);
    expect(after).toEqual((await caseloadInDatabase(DESK.contactPerson, "CONTACT_PERSON")).map((p) => p.id));
  });

  test.each<[Role, string]>([
    ["HOUSING_OFFICER", "ho-3001"],
    ["POLICE_LIAISON", "pl-4001"],
    ["CHILD_SERVICES_OFFICER", "cs-5001"],
  ])("a %s on a case's coordinated plan (SIP) gets her caseload from social services too", async (role, staffId) => {
    const expected = (await caseloadInDatabase(staffId, role)).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await wholeCaseload(await tokenFor(role, staffId), 100)).flat()).toEqual(expected);
  });

  test("another staff member's caseload is not reachable: me takes no staff id, and a colleague sees only her own", async () => {
    const colleague = await tokenFor("CONTACT_PERSON", "cp-2002");
    const asked = await send(colleague, `{ me(staffId: "cp-2001") { caseload { nodes { id } } } }`);
    expect(asked.status).toBe(400);
    expect(asked.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const own = (await wholeCaseload(colleague, 100)).flat();
    expect(own).toEqual((await caseloadInDatabase("cp-2002", "CONTACT_PERSON")).map((p) => p.id));
    const hers = new Set((await caseloadInDatabase("cp-2001", "CONTACT_PERSON")).map((p) => p.id));
    const onlyHers = [...hers].filter((id) => !own.includes(id));
    expect(onlyHers.length).toBeGreaterThan(0);
  });

  test.each<[Role, string]>([
    ["AUDITOR", "au-6001"],
    ["POPULATION_REGISTER", "pr-8001"],
    ["TEAM_LEAD", "tl-7001"],
  ])("a %s, never assigned, has an empty caseload", async (role, staffId) => {
    const answer = await send(await tokenFor(role, staffId), CASELOAD, { first: 20 });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me).toMatchObject({ staffId, role, caseload: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } });
  });

  test("reading her caseload is audited as any read of persons: a record for every protected person she was shown", async () => {
    const caseload = await caseloadInDatabase("cp-2001", "CONTACT_PERSON");
    // Protected by her own level (others are protected through their household's: recorded too).
    const protectedOnes = caseload.filter((p) => p.protected).map((p) => p.id);
    expect(protectedOnes.length).toBeGreaterThan(0);
    const answer = await send(await tokenFor("CONTACT_PERSON", "cp-2001"), CASELOAD, { first: 100 });
    const records = await recordsOf(answer.requestId);
    const accesses = records.filter((r) => r.kind === "FIELD_ACCESS" && r.decision === "ALLOW");
    const recorded = accesses.map((r) => r.subjectId as string);
    expect(recorded).toEqual(expect.arrayContaining(protectedOnes));
    expect(caseload.map((p) => p.id)).toEqual(expect.arrayContaining(recorded));
    expect(new Set(recorded).size).toBe(recorded.length);
    for (const record of accesses) {
      expect(record).toMatchObject({ actorStaffId: "cp-2001", actorRole: "CONTACT_PERSON", purpose: "COORDINATED_SUPPORT" });
      // The path names the row she was shown: the record is about the person at that index.
      const index = answer.data?.me.caseload.nodes.findIndex((n) => n.id === record.subjectId);
      expect(record.fieldPaths).toEqual([`Person.givenName at me.caseload.nodes.${index}.givenName`]);
    }
  });
});
