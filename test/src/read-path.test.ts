import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { childServices } from "@skyddsnat/child-services";
import { housing } from "@skyddsnat/housing";
import { buildPopulation, writePopulation } from "@skyddsnat/hub";
import { type Database, type DatabaseConfig, statementCounts, statementsBetween } from "@skyddsnat/platform";
import { policeLiaison } from "@skyddsnat/police-liaison";
import type { InternalClaims } from "@skyddsnat/schema";
import { socialServices } from "@skyddsnat/social-services";
import { openAgencyDatabase, openRowReader, type RowReader } from "@skyddsnat/subgraph-kit";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { databaseUrlOf, sqlOn } from "./support/deployment.js";
import { claimTestDatabase } from "./support/test-database.mjs";

/*
 * Issue 17: the loaders every client view runs read their rows with one SQL statement through the
 * agency's driver adapter (subgraphs/kit/src/rows.ts), not through Prisma's client. They must
 * answer exactly what Prisma's findMany answers for the same keys — every column, its JS type
 * (Date for dates, strings for enums), nested relations and the order — over the whole demo
 * population, on a PostgreSQL server and on embedded PGlite (npm start's default). The reference
 * here is the findMany each loader used before.
 */

const population = buildPopulation();
const ss = population.socialServices;
const personIds = ss.persons.map((person) => person.id);
const caseIds = ss.cases.map((c) => c.id);
const CLAIMS = {} as InternalClaims;

/** What `work` answered, and the statements the schema's database received meanwhile. */
async function statementsOf<T>(schema: string, work: () => Promise<T>): Promise<{ result: T; sent: number }> {
  const before = statementCounts();
  const result = await work();
  return { result, sent: statementsBetween(before, statementCounts())[schema] ?? 0 };
}

type Definition = typeof socialServices | typeof housing | typeof policeLiaison | typeof childServices;
interface Opened {
  db: Database;
  client: { $disconnect(): Promise<void> };
  rows: RowReader & { close(): Promise<void> };
}

async function open(definition: Definition, database: Omit<DatabaseConfig, "schema">): Promise<Opened> {
  const { db, client } = await openAgencyDatabase(definition as never, database, { reset: true });
  return { db, client: client as Opened["client"], rows: await openRowReader(db.adapter, db.schema) };
}

const ENGINES: [string, () => Omit<DatabaseConfig, "schema">][] = [
  ["PostgreSQL", () => ({ url: databaseUrlOf(TEST_DATABASE_URL, `${new URL(TEST_DATABASE_URL).pathname.slice(1)}_read_path`) })],
  ["PGlite", () => ({})],
];

describe.each(ENGINES)("the row path answers what Prisma's findMany answers, on %s", (_engine, config) => {
  let social: Opened;
  let housingDb: Opened;
  let police: Opened;
  let child: Opened;
  // The agencies' own clients, typed as each package generates it.
  let clients: Parameters<typeof writePopulation>[0];

  beforeAll(async () => {
    const database = config();
    if (database.url) await claimTestDatabase(database.url);
    [social, housingDb, police, child] = await Promise.all([open(socialServices, database), open(housing, database), open(policeLiaison, database), open(childServices, database)]);
    clients = {
      socialServices: social.client as never,
      housing: housingDb.client as never,
      policeLiaison: police.client as never,
      childServices: child.client as never,
    };
    await writePopulation(clients, population);
  }, 120_000);

  afterAll(async () => {
    for (const opened of [social, housingDb, police, child]) {
      if (!opened) continue;
      await opened.rows.close();
      await opened.client.$disconnect();
      await opened.db.close();
    }
    // The scratch database is this suite's alone: nothing of it is left on the server.
    const { url } = config();
    if (url) await sqlOn(databaseUrlOf(url, "postgres"), `DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  });

  test("social services: persons by id, a person's cases, a case's assignments with the case's person, her household", async () => {
    const loaders = socialServices.createLoaders(clients.socialServices as never, CLAIMS, social.rows);
    const db = clients.socialServices;
    const byId = new Map((await db.person.findMany({ where: { id: { in: personIds } } })).map((row) => [row.id, row]));
    expect(await loaders.personById.loadMany([...personIds, "per_missing"])).toEqual([...personIds.map((id) => byId.get(id)), null]);
    const cases = await db.case.findMany({ where: { personId: { in: personIds } }, orderBy: { openedAt: "asc" } });
    expect(await loaders.casesOf.loadMany(personIds)).toEqual(personIds.map((id) => cases.filter((row) => row.personId === id)));
    const assignments = await db.assignment.findMany({ where: { caseId: { in: caseIds } }, orderBy: { assignedAt: "asc" }, include: { case: { select: { personId: true } } } });
    // casesOf brought each case's assignments in its own statement (primed): none is sent for them now.
    const primed = await statementsOf(social.db.schema, () => loaders.assignmentsOf.loadMany(caseIds));
    expect(primed.result).toEqual(caseIds.map((id) => assignments.filter((row) => row.caseId === id)));
    expect(primed.sent).toBe(0);
    // And asked alone (a case read without its person's other cases), the same rows in one statement.
    const alone = await statementsOf(social.db.schema, () => socialServices.createLoaders(db as never, CLAIMS, social.rows).assignmentsOf.loadMany(caseIds));
    expect(alone.result).toEqual(primed.result);
    expect(alone.sent).toBe(1);
    // Her household now: every current member of a household she is a current member of, but her.
    const mine = await db.householdMembership.findMany({ where: { personId: { in: personIds }, endedAt: null }, select: { personId: true, householdId: true } });
    const members = await db.householdMembership.findMany({
      where: { householdId: { in: [...new Set(mine.map((m) => m.householdId))] }, endedAt: null },
      include: { person: true },
      orderBy: { personId: "asc" },
    });
    const household = personIds.map((id) => {
      const households = new Set(mine.filter((m) => m.personId === id).map((m) => m.householdId));
      return [...new Map(members.filter((m) => households.has(m.householdId) && m.personId !== id).map((m) => [m.person.id, m.person])).values()];
    });
    expect(await loaders.coResidentsOf.loadMany(personIds)).toEqual(household);
    expect(household.filter((list) => list.length > 0).length).toBeGreaterThan(5);
    expect(await loaders.coResidentsOf.load("per_missing")).toEqual([]);
    // Not a vacuous comparison: the population has rows of every kind, with dates and enums in them.
    expect(cases.length).toBeGreaterThan(10);
    expect(assignments.length).toBeGreaterThan(10);
    expect(byId.get(personIds[0] as string)?.birthDate).toBeInstanceOf(Date);
  });

  test("housing: a person's applications and tenancies, their flats and who rents each flat", async () => {
    const loaders = housing.createLoaders(clients.housing as never, CLAIMS, housingDb.rows);
    const db = clients.housing;
    const applications = await db.housingApplication.findMany({ where: { personId: { in: personIds } }, orderBy: { submittedAt: "asc" } });
    expect(await loaders.applicationsOf.loadMany(personIds)).toEqual(personIds.map((id) => applications.filter((row) => row.personId === id)));
    const tenancies = await db.tenancy.findMany({ where: { personId: { in: personIds } }, orderBy: { startsOn: "asc" } });
    expect(await loaders.tenanciesOf.loadMany(personIds)).toEqual(personIds.map((id) => tenancies.filter((row) => row.personId === id)));
    const flatIds = [...new Set(tenancies.map((row) => row.flatId))];
    const flats = new Map((await db.flat.findMany({ where: { id: { in: flatIds } } })).map((row) => [row.id, row]));
    expect(await loaders.flatById.loadMany([...flatIds, "flt_missing"])).toEqual([...flatIds.map((id) => flats.get(id)), null]);
    // Who rents or rented a flat is read as a set (the strictest level of theirs): compared as one.
    const tenants = await db.tenancy.findMany({ where: { flatId: { in: flatIds } }, select: { flatId: true, personId: true }, distinct: ["flatId", "personId"] });
    const sorted = (lists: unknown[]) => lists.map((list) => [...(list as string[])].sort());
    const expected = sorted(flatIds.map((id) => tenants.filter((row) => row.flatId === id).map((row) => row.personId)));
    // tenanciesOf brought who rents each of their flats in its own statement (primed): none is sent for them now.
    const primed = await statementsOf(housingDb.db.schema, () => loaders.tenantsOfFlat.loadMany(flatIds));
    expect(sorted(primed.result)).toEqual(expected);
    expect(primed.sent).toBe(0);
    const alone = await statementsOf(housingDb.db.schema, () => housing.createLoaders(db as never, CLAIMS, housingDb.rows).tenantsOfFlat.loadMany(flatIds));
    expect(sorted(alone.result)).toEqual(expected);
    expect(alone.sent).toBe(1);
    // Not vacuous: some flat has had more than one tenant.
    expect(expected.some((list) => list.length > 1)).toBe(true);
    expect(applications.length).toBeGreaterThan(0);
    expect(tenancies.length).toBeGreaterThan(0);
  });

  test("police liaison: a person's incidents and the orders protecting her", async () => {
    const loaders = policeLiaison.createLoaders(clients.policeLiaison as never, CLAIMS, police.rows);
    const db = clients.policeLiaison;
    const incidents = await db.incident.findMany({ where: { personId: { in: personIds } }, orderBy: { occurredAt: "asc" } });
    expect(await loaders.incidentsOf.loadMany(personIds)).toEqual(personIds.map((id) => incidents.filter((row) => row.personId === id)));
    const orders = await db.restrainingOrder.findMany({ where: { protectedPersonId: { in: personIds } }, orderBy: { validFrom: "asc" } });
    expect(await loaders.ordersProtecting.loadMany(personIds)).toEqual(personIds.map((id) => orders.filter((row) => row.protectedPersonId === id)));
    expect(incidents.length).toBeGreaterThan(0);
    expect(orders.length).toBeGreaterThan(0);
  });

  test("child services: a child's cases, and her placements with their case", async () => {
    const loaders = childServices.createLoaders(clients.childServices as never, CLAIMS, child.rows);
    const db = clients.childServices;
    const cases = await db.childCase.findMany({ where: { childId: { in: personIds } }, orderBy: { openedAt: "asc" } });
    expect(await loaders.casesOfChild.loadMany(personIds)).toEqual(personIds.map((id) => cases.filter((row) => row.childId === id)));
    const placements = await db.schoolPlacement.findMany({ where: { childId: { in: personIds } }, orderBy: { startsOn: "asc" }, include: { childCase: true } });
    expect(await loaders.placementsOfChild.loadMany(personIds)).toEqual(personIds.map((id) => placements.filter((row) => row.childId === id)));
    expect(cases.length).toBeGreaterThan(0);
    expect(placements.length).toBeGreaterThan(0);
  });

  test("a value the database holds that Prisma would give differently is not guessed at: an unknown column type is refused", async () => {
    await expect(social.rows.rows(`SELECT 1.5::numeric AS amount`, [])).rejects.toThrow(/does not decode/);
  });
});
