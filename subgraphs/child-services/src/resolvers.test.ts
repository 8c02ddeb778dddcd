import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Database } from "@skyddsnat/platform";
import { type Actor, decide, type SubjectFacts, unknownSubject } from "@skyddsnat/schema";
import { fieldClassesOf, openAgencyDatabase, openRowReader, PolicyContext, type RowReader } from "@skyddsnat/subgraph-kit";
import { graphql } from "graphql";
import type { Context } from "./context.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { childServices } from "./index.js";
import { createLoaders } from "./loaders.js";
import { buildChildServicesSchema } from "./schema.js";


// The subgraph's real schema and resolvers over an embedded PGlite with its own migrations; the
// policy is the real one, only the facts social services would serve are given here.
const schema = await buildChildServicesSchema();

const facts = (id: string, over: Partial<SubjectFacts> = {}): SubjectFacts =>
  ({ ...unknownSubject(id), protectionLevel: "NONE", ...over });
/** Her mother lives at a protected address; cs-5002 is assigned on the household's social services case. */
const SHIELDED = facts("per_kidp", { householdLevels: ["PROTECTED_REGISTRATION"], assignments: [{ staffId: "cs-5002", role: "CHILD_SERVICES_OFFICER", since: "2026-01-02T09:00:00.000Z" }] });
const ORDINARY = facts("per_kidn");
const WRITES = facts("per_kidw", { householdLevels: ["ASSUMED_IDENTITY"] });
const KNOWN = new Map([SHIELDED, ORDINARY, WRITES].map((subject) => [subject.id, subject]));

const SOLBACKA = { id: "plc_p_now", childCaseId: "chc_p1", childId: SHIELDED.id, kind: "SCHOOL", schoolName: "Solbackaskolan", municipality: "Gävle", startsOn: new Date("2026-01-08"), unit: "child-services/malmo-bou" } as const;
/** Her previous school, in the same open case: she changed schools when she moved. */
const EKSKOLAN = { id: "plc_p_then", childCaseId: "chc_p1", childId: SHIELDED.id, kind: "SCHOOL", schoolName: "Ekskolan", municipality: "Sandviken", startsOn: new Date("2024-08-20"), endsOn: new Date("2025-12-19"), unit: "child-services/malmo-bou" } as const;
/** Never ended, but its case is closed: nobody is its steward any more. */
const TALLEN = { id: "plc_p_pre", childCaseId: "chc_p0", childId: SHIELDED.id, kind: "PRESCHOOL", schoolName: "Förskolan Tallen", municipality: "Sandviken", startsOn: new Date("2021-08-16"), unit: "child-services/malmo-bou" } as const;
const LARKAN = { id: "plc_n_now", childCaseId: "chc_n1", childId: ORDINARY.id, kind: "PRESCHOOL", schoolName: "Förskolan Lärkan", municipality: "Gävle", startsOn: new Date("2025-08-15"), unit: "child-services/malmo-bou" } as const;

let db: Database;
let client: PrismaClient;
let rows: RowReader & { close(): Promise<void> };

beforeAll(async () => {
  ({ db, client } = await openAgencyDatabase(childServices, {}));
  rows = await openRowReader(db.adapter, db.schema);
  await client.childCase.createMany({
    data: [
      { id: "chc_p1", childId: SHIELDED.id, concern: "WITNESSED_VIOLENCE", officerId: "cs-5001", notes: "Flyttade med mamma efter hot från pappa.", unit: "child-services/malmo-bou" },
      { id: "chc_p0", childId: SHIELDED.id, concern: "NEGLECT", officerId: "cs-5002", notes: "Tidigare ärende, avslutat.", unit: "child-services/malmo-bou", status: "CLOSED", closedAt: new Date("2025-12-19") },
      { id: "chc_n1", childId: ORDINARY.id, concern: "SUPPORT_AFTER_RELOCATION", officerId: "cs-5002", notes: "Stöd efter flytt till ny förskola.", unit: "child-services/malmo-bou" },
      { id: "chc_w1", childId: WRITES.id, concern: "DIRECT_VIOLENCE", officerId: "cs-5001", notes: "Ärende för placeringar i testerna.", unit: "child-services/malmo-bou" },
      { id: "chc_w0", childId: WRITES.id, concern: "NEGLECT", officerId: "cs-5001", notes: "Avslutat ärende.", unit: "child-services/malmo-bou", status: "CLOSED", closedAt: new Date("2025-06-30") },
    ],
  });
  await client.schoolPlacement.createMany({
    data: [SOLBACKA, EKSKOLAN, TALLEN, LARKAN, { id: "plc_w_now", childCaseId: "chc_w1", childId: WRITES.id, kind: "SCHOOL", schoolName: "Norrskolan", municipality: "Hofors", startsOn: new Date("2025-08-18"), unit: "child-services/malmo-bou" }],
  });
  await client.barnahusConsultation.createMany({
    data: [
      { id: "bhc_p1", childCaseId: "chc_p1", heldAt: new Date("2026-02-03T09:00:00Z"), location: "Barnahus Gävle, rum 2", summary: "Samtal med barnet om det hon sett hemma." },
      { id: "bhc_p0", childCaseId: "chc_p0", heldAt: new Date("2023-05-10T13:00:00Z"), location: "Barnahus Sandviken", summary: "Första samtalet, i det avslutade ärendet." },
    ],
  });
}, 60_000);
afterAll(async () => {
  await client.$disconnect();
  await rows.close();
  await db.close();
});

const OFFICER: Actor = { staffId: "cs-5001", role: "CHILD_SERVICES_OFFICER", agency: "child-services", purpose: "CASE_WORK", issuer: "test", unit: "child-services/malmo-bou" };
const COLLEAGUE: Actor = { ...OFFICER, staffId: "cs-5002" };
const POLICE: Actor = { staffId: "pl-4001", role: "POLICE_LIAISON", agency: "police-liaison", purpose: "CASE_WORK", issuer: "test", unit: "police-liaison/malmo" };

/** `held`: the facts source already holds the children's facts, so the kit decides synchronously (no promise). */
function contextFor(actor: Actor, options: { held?: boolean; emergencyGrants?: ReadonlySet<string> } = {}) {
  const calls = { factLoads: 0 };
  const load = async (ids: readonly string[]) => {
    calls.factLoads += 1;
    return ids.flatMap((id) => KNOWN.get(id) ?? []);
  };
  const source = options.held ? Object.assign(load, { peek: (id: string) => KNOWN.get(id) }) : load;
  const emergencyGrants = options.emergencyGrants ?? new Set<string>();
  const context = {
    actor, requestId: "req", emergencyGrants,
    logger: { debug() {}, warn() {}, info() {}, error() {} } as unknown as Context["logger"],
    loaders: createLoaders(client, rows),
    policy: new PolicyContext(actor, emergencyGrants, "child-services", source, "token", () => {}, fieldClassesOf(schema)),
  } satisfies Context;
  return { context, calls };
}

type Result = Awaited<ReturnType<typeof graphql>>;
const run = (actor: Actor, source: string, options?: Parameters<typeof contextFor>[1]) => graphql({ schema, source, contextValue: contextFor(actor, options).context });
const codes = (result: Result) => result.errors?.map((e) => e.extensions?.code);
const reasons = (result: Result) => result.errors?.map((e) => e.extensions?.reason);
const placementsIn = (result: Result) => (result.data?.schoolPlacements as { nodes: { id: string }[] } | undefined)?.nodes ?? [];
async function count(table: "ChildCase" | "SchoolPlacement"): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
  if (!row) throw new Error(`no count of ${table}`);
  return row.n;
}

describe.each([
  ["facts loaded for the request", false],
  ["facts already held (the synchronous path)", true],
])("a child's school follows the protected parent — %s", (_, held) => {
  const source = `{ childCase(id: "chc_p1") { stewardId concern placements { id stewardId kind schoolName municipality } } }`;

  test("the officer of her open case gets her current school, not the one before", async () => {
    const { context, calls } = contextFor(OFFICER, { held });
    const result = await graphql({ schema, source, contextValue: context });
    expect(calls.factLoads).toBe(held ? 0 : 1);
    expect(reasons(result)).toEqual(["REQUIRES_STEWARDSHIP", "REQUIRES_STEWARDSHIP"]);
    expect(result.data).toEqual({
      childCase: {
        stewardId: "cs-5001", concern: "WITNESSED_VIOLENCE",
        placements: [
          { id: "plc_p_then", stewardId: null, kind: "SCHOOL", schoolName: null, municipality: null },
          { id: "plc_p_now", stewardId: "cs-5001", kind: "SCHOOL", schoolName: "Solbackaskolan", municipality: "Gävle" },
        ],
      },
    });
  });

  test("a colleague, assigned on the household's case but not her officer, gets her case but no school", async () => {
    const { context, calls } = contextFor(COLLEAGUE, { held });
    const result = await graphql({ schema, source, contextValue: context });
    expect(calls.factLoads).toBe(held ? 0 : 1);
    const withheld = { kind: "SCHOOL", schoolName: null, municipality: null };
    expect(result.data?.childCase).toMatchObject({ concern: "WITNESSED_VIOLENCE", placements: [withheld, withheld] });
    expect(result.errors?.map((e) => [e.path?.join("."), e.extensions?.code, e.extensions?.reason]).sort()).toEqual(
      ["0.municipality", "0.schoolName", "1.municipality", "1.schoolName"].map((at) => [`childCase.placements.${at}`, "FORBIDDEN_FIELD", "REQUIRES_STEWARDSHIP"]),
    );
  });
});

describe("who gets a child's school, as decide() says", () => {
  test.each<[string, Actor, typeof SOLBACKA | typeof EKSKOLAN | typeof TALLEN | typeof LARKAN, string | null, string, ReadonlySet<string>?]>([
    ["her officer, her current school", OFFICER, SOLBACKA, "cs-5001", "allow"],
    ["her officer, her previous school in the same case", OFFICER, EKSKOLAN, null, "REQUIRES_STEWARDSHIP"],
    ["the officer of her closed case, its preschool", COLLEAGUE, TALLEN, null, "REQUIRES_STEWARDSHIP"],
  ])("%s", async (_name, actor, placement, stewardId, expected, grants = new Set()) => {
    const current = !placement.endsOn || placement.endsOn.getTime() > Date.now();
    const decision = decide(actor, KNOWN.get(placement.childId)!, "LOCATION", { stewardId, ownerAgency: "child-services", current }, { emergencyGrants: grants, now: new Date() });
    expect(decision.effect === "allow" ? "allow" : decision.reason).toBe(expected);
    const source = `{ schoolPlacements(first: 100) { nodes { id stewardId schoolName municipality } } }`;
    const result = await run(actor, source, { emergencyGrants: grants });
    const index = placementsIn(result).findIndex((node) => node.id === placement.id);
    expect(index).toBeGreaterThanOrEqual(0);
    const node = placementsIn(result)[index];
    const withheld = result.errors?.filter((e) => e.path?.[2] === index) ?? [];
    if (expected === "allow") {
      expect(node).toEqual({ id: placement.id, stewardId, schoolName: placement.schoolName, municipality: placement.municipality });
      expect(withheld).toEqual([]);
    } else {
      expect(node).toEqual({ id: placement.id, stewardId, schoolName: null, municipality: null });
      expect(withheld.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([["FORBIDDEN_FIELD", expected], ["FORBIDDEN_FIELD", expected]]);
    }
  });

  // A placement is a child services record (CHILD): for anyone outside child services without the
  // household's consent it does not exist — not listed, not found, whatever the school's level.
  test.each<[string, Actor, ReadonlySet<string>]>([
    ["a police liaison without grounds", POLICE, new Set()],
    ["a police liaison with a recorded emergency ground (it opens location and safety, not child services' records)", { ...POLICE, purpose: "EMERGENCY" }, new Set([SHIELDED.id])],
  ])("%s learns of no placement at all, protected or not", async (_name, actor, grants) => {
    expect(decide(actor, KNOWN.get(LARKAN.childId)!, "CHILD", { stewardId: null, ownerAgency: "child-services", current: true }, { emergencyGrants: grants, now: new Date() }).effect).toBe("redact");
    const result = await run(actor, `{ schoolPlacements(first: 100) { nodes { id } } }`, { emergencyGrants: grants });
    expect(result.errors).toBeUndefined();
    expect(placementsIn(result)).toEqual([]);
  });

  test("through her child case her officer sees her current school, never her previous one", async () => {
    const source = `{ childCase(id: "chc_p1") { placements { id schoolName startsOn } } }`;
    const result = await graphql({ schema, source, contextValue: contextFor(OFFICER).context });
    expect(result.data).toEqual({
      childCase: { placements: [
        { id: "plc_p_then", schoolName: null, startsOn: "2024-08-20T00:00:00.000Z" },
        { id: "plc_p_now", schoolName: "Solbackaskolan", startsOn: "2026-01-08T00:00:00.000Z" },
      ] },
    });
    expect(reasons(result)).toEqual(["REQUIRES_STEWARDSHIP"]);
  });

  test("an officer of another unit of child services learns of no case or placement of hers", async () => {
    const other: Actor = { ...OFFICER, staffId: "cs-5004", unit: "child-services/lund" };
    expect(placementsIn(await run(other, `{ schoolPlacements(first: 100) { nodes { id } } }`))).toEqual([]);
    expect((await run(other, `{ childCase(id: "chc_p1") { id concern } }`)).data).toEqual({ childCase: null });
  });
});

describe("child cases and Barnahus consultations", () => {
  const source = `{ childCase(id: "chc_p1") { subjectId officerId status concern notes consultations { subjectId stewardId heldAt location summary } } }`;

  test("her officer gets the case and where and when Barnahus met her", async () => {
    const result = await run(OFFICER, source);
    expect(result.errors).toBeUndefined();
    expect(result.data?.childCase).toMatchObject({
      subjectId: SHIELDED.id, status: "OPEN", concern: "WITNESSED_VIOLENCE",
      consultations: [{ subjectId: SHIELDED.id, stewardId: "cs-5001", heldAt: "2026-02-03T09:00:00.000Z", location: "Barnahus Gävle, rum 2", summary: "Samtal med barnet om det hon sett hemma." }],
    });
  });

  test("a colleague gets the case and the summary, but not where or when she was met", async () => {
    const result = await run(COLLEAGUE, source);
    expect(result.data?.childCase).toMatchObject({
      concern: "WITNESSED_VIOLENCE",
      consultations: [{ stewardId: "cs-5001", heldAt: null, location: null, summary: "Samtal med barnet om det hon sett hemma." }],
    });
    expect(reasons(result)).toEqual(["REQUIRES_STEWARDSHIP", "REQUIRES_STEWARDSHIP"]);
  });

  test("the officer of her closed case no longer gets where Barnahus met her in it", async () => {
    const result = await run(COLLEAGUE, `{ childCase(id: "chc_p0") { stewardId status consultations { stewardId location summary } } }`);
    expect(result.data).toEqual({
      childCase: { stewardId: null, status: "CLOSED", consultations: [{ stewardId: null, location: null, summary: "Första samtalet, i det avslutade ärendet." }] },
    });
    expect(reasons(result)).toEqual(["REQUIRES_STEWARDSHIP"]);
  });

  test("a police liaison learns nothing, not even that the child case exists: looked up by id it is null", async () => {
    const result = await run(POLICE, source);
    expect(result.data).toEqual({ childCase: null });
    expect(result.errors).toBeUndefined();
  });
});

describe("filters on classified fields find only rows whose field the actor sees (no oracle)", () => {
  const ids = (result: Result) => placementsIn(result).map((node) => node.id);

  test("a colleague filtering by municipality finds neither child in the town: no school is open merely because the level is NONE", async () => {
    const filtered = await run(COLLEAGUE, `{ schoolPlacements(filter: { municipality: "gävle" }) { nodes { id municipality } } }`);
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data).toEqual({ schoolPlacements: { nodes: [] } });
    const unfiltered = await run(COLLEAGUE, `{ schoolPlacements(first: 100) { nodes { id } } }`);
    expect(ids(unfiltered)).toEqual(expect.arrayContaining(["plc_p_now", "plc_n_now"]));
  });

  test("a police liaison filtering by kind finds nothing: kind is child services' own record", async () => {
    const filtered = await run(POLICE, `{ schoolPlacements(filter: { kind: SCHOOL }) { nodes { id } } }`);
    expect(filtered.data).toEqual({ schoolPlacements: { nodes: [] } });
    expect(ids(await run(OFFICER, `{ schoolPlacements(filter: { kind: SCHOOL }) { nodes { id } } }`))).toEqual(["plc_p_now", "plc_p_then", "plc_w_now"]);
  });

  test("a police liaison can't find her case by concern, status or officer", async () => {
    for (const filter of ["concern: WITNESSED_VIOLENCE", "status: OPEN", `officerId: "cs-5001"`]) {
      const result = await run(POLICE, `{ childCases(filter: { ${filter} }) { nodes { id } } }`);
      expect(result.data).toEqual({ childCases: { nodes: [] } });
    }
    const own = await run(OFFICER, `{ childCases(filter: { concern: WITNESSED_VIOLENCE }) { nodes { id } } }`);
    expect(own.data).toEqual({ childCases: { nodes: [{ id: "chc_p1" }] } });
  });

  test("her former town finds her only for whoever may see it: not a colleague, nor a police liaison on a recorded emergency (it opens where she is now, not where she went to school)", async () => {
    const source = `{ schoolPlacements(filter: { municipality: "Sandviken" }) { nodes { id municipality } } }`;
    expect((await run(COLLEAGUE, source)).data).toEqual({ schoolPlacements: { nodes: [] } });
    const emergency = await run({ ...POLICE, purpose: "EMERGENCY" }, source, { emergencyGrants: new Set([SHIELDED.id]) });
    expect(emergency.errors).toBeUndefined();
    expect(ids(emergency)).toEqual([]);
  });
});

describe("openChildCase", () => {
  const mutation = (childId: string, notes = "Oro för barnet efter flytten.") =>
    `mutation { openChildCase(input: { childId: "${childId}", concern: NEGLECT, notes: "${notes}" }) { id subjectId stewardId officerId status concern } }`;

  test("opens a case for a known child with the caller as officer", async () => {
    const before = await count("ChildCase");
    const result = await run(OFFICER, mutation(ORDINARY.id));
    expect(result.errors).toBeUndefined();
    expect(result.data?.openChildCase).toMatchObject({ subjectId: ORDINARY.id, stewardId: "cs-5001", officerId: "cs-5001", status: "OPEN", concern: "NEGLECT" });
    expect(await count("ChildCase")).toBe(before + 1);
    // Held by the officer's unit.
    const id = (result.data?.openChildCase as { id: string } | undefined)?.id ?? "";
    expect((await client.childCase.findUnique({ where: { id } }))?.unit).toBe("child-services/malmo-bou");
  });

  test("refuses an officer with no unit, writing nothing", async () => {
    const before = await count("ChildCase");
    const { unit: _, ...unitless } = OFFICER;
    const result = await run(unitless, mutation(ORDINARY.id));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "UNIT_REQUIRED" });
    expect(await count("ChildCase")).toBe(before);
  });

  test.each<[string, Actor, string, string, string]>([
    ["notes under ten characters", OFFICER, ORDINARY.id, "Kort.", "BAD_USER_INPUT"],
    ["a child id that is not an id", OFFICER, "per kid", "Oro för barnet efter flytten.", "BAD_USER_INPUT"],
    ["a police liaison", POLICE, ORDINARY.id, "Oro för barnet efter flytten.", "FORBIDDEN"],
  ])("refuses %s, writing nothing", async (_name, actor, childId, notes, code) => {
    const before = await count("ChildCase");
    const result = await run(actor, mutation(childId, notes));
    expect(codes(result)).toEqual([code]);
    expect(await count("ChildCase")).toBe(before);
  });

  test("refuses a child social services doesn't know, writing nothing", async () => {
    const before = await count("ChildCase");
    const result = await run(OFFICER, mutation("per_nobody"));
    expect(await count("ChildCase")).toBe(before);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "childId" });
  });
});

describe("placeChild", () => {
  const mutation = (childCaseId: string, schoolName = "Västerskolan", startsOn = "2026-08-17T00:00:00Z") =>
    `mutation { placeChild(input: { childCaseId: "${childCaseId}", kind: SCHOOL, schoolName: "${schoolName}", municipality: "Hofors", startsOn: "${startsOn}" }) { id subjectId stewardId schoolName } }`;
  const current = async () => (await client.schoolPlacement.findMany({ where: { childId: WRITES.id, endsOn: null } })).map((row) => row.schoolName);

  test.each<[string, Actor, string, string, string, string | undefined]>([
    ["a case that does not exist", OFFICER, "chc_nosuchcase", "Västerskolan", "BAD_USER_INPUT", "childCaseId"],
    ["a closed case", OFFICER, "chc_w0", "Västerskolan", "BAD_USER_INPUT", "childCaseId"],
    ["a one-letter school name", OFFICER, "chc_w1", "V", "BAD_USER_INPUT", undefined],
    ["a police liaison", POLICE, "chc_w1", "Västerskolan", "FORBIDDEN", undefined],
  ])("refuses %s, writing nothing and leaving her current school as it was", async (_name, actor, childCaseId, schoolName, code, argument) => {
    const before = await count("SchoolPlacement");
    const result = await run(actor, mutation(childCaseId, schoolName));
    expect(codes(result)).toEqual([code]);
    if (argument) expect(result.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(await count("SchoolPlacement")).toBe(before);
    expect(await current()).toEqual(["Norrskolan"]);
  });

  test("places her in an open case, ending her current school of that kind; her officer sees the new one", async () => {
    const before = await count("SchoolPlacement");
    const result = await run(OFFICER, mutation("chc_w1"));
    expect(result.errors).toBeUndefined();
    expect(result.data?.placeChild).toMatchObject({ subjectId: WRITES.id, stewardId: "cs-5001", schoolName: "Västerskolan" });
    expect(await count("SchoolPlacement")).toBe(before + 1);
    expect(await current()).toEqual(["Västerskolan"]);
    const ended = await client.schoolPlacement.findUnique({ where: { id: "plc_w_now" } });
    expect(ended?.endsOn).toEqual(new Date("2026-08-17"));
  });

  test("a colleague places nothing in another officer's child case, and nothing changes", async () => {
    const before = await count("SchoolPlacement");
    const currentBefore = await current();
    const result = await run(COLLEAGUE, mutation("chc_w1", "Österskolan", "2026-09-01T00:00:00Z"));
    expect(result.data?.placeChild ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", operation: "placeChild", reason: "REQUIRES_CHILD_CASE_OFFICER" });
    expect(await count("SchoolPlacement")).toBe(before);
    expect(await current()).toEqual(currentBefore);
  });

  test("a colleague who just opened a case of her own for the child cannot end the other officer's current placement from it", async () => {
    const opened = await run(COLLEAGUE, `mutation { openChildCase(input: { childId: "${WRITES.id}", concern: NEGLECT, notes: "Ett eget ärende för att flytta barnet." }) { id } }`);
    const ownCase = String((opened.data?.openChildCase as { id?: string } | undefined)?.id);
    const before = await count("SchoolPlacement");
    const currentBefore = await current();
    const result = await run(COLLEAGUE, mutation(ownCase, "Österskolan", "2026-09-01T00:00:00Z"));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ENDS_ANOTHER_OFFICERS_PLACEMENT" });
    expect(await count("SchoolPlacement")).toBe(before);
    expect(await current()).toEqual(currentBefore);
    // A placement of the other kind ends nobody's: that one she may make in her own case.
    const preschool = await run(COLLEAGUE, mutation(ownCase, "Förskolan Ugglan", "2026-09-01T00:00:00Z").replace("kind: SCHOOL", "kind: PRESCHOOL"));
    expect(preschool.errors).toBeUndefined();
    await client.schoolPlacement.delete({ where: { id: String((preschool.data?.placeChild as { id?: string } | undefined)?.id) } });
    await client.childCase.delete({ where: { id: ownCase } });
  });

  test("a placement that would start before her current one is refused, writing nothing, so no school ends before it began", async () => {
    const before = await count("SchoolPlacement");
    const currentBefore = await current();
    const result = await run(OFFICER, mutation("chc_w1", "Gamla skolan", "2019-01-07T00:00:00Z"));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "startsOn" });
    expect(await count("SchoolPlacement")).toBe(before);
    expect(await current()).toEqual(currentBefore);
    const rows = await client.schoolPlacement.findMany({ where: { childId: WRITES.id } });
    expect(rows.filter((row) => row.endsOn !== null && row.endsOn < row.startsOn).map((row) => row.schoolName)).toEqual([]);
  });
});
