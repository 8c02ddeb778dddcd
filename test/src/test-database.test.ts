import { afterAll, describe, expect, test } from "@jest/globals";
import pg from "pg";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { claimTestDatabase, MARKER_TABLE } from "./support/test-database.mjs";

/*
 * The suite resets every schema of the database it runs on, so it runs only on one it created
 * (issue 15, item 7): never on the one DATABASE_URL names for `npm start`.
 */

const scratch = (suffix: string) => `skyddsnat_claim_${suffix}_${process.pid}`;
const urlOf = (database: string) => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
};
const created: string[] = [];

async function onServer(sql: string, database = "postgres") {
  const client = new pg.Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of created) await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("the suite claims only a database of its own", () => {
  test("TEST_DATABASE_URL, not DATABASE_URL, names the suite's database", () => {
    expect(TEST_DATABASE_URL).toBe(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  });

  test("a database with someone's data and no marker is refused, and left as it was", async () => {
    const name = scratch("kept");
    created.push(name);
    await onServer(`CREATE DATABASE "${name}"`);
    await onServer('CREATE SCHEMA social_services; CREATE TABLE social_services."Person" (id text); INSERT INTO social_services."Person" VALUES (\'per_1\')', name);
    await expect(claimTestDatabase(urlOf(name))).rejects.toThrow(/refusing to reset database .*did not create it/);
    expect((await onServer('SELECT count(*)::int AS n FROM social_services."Person"', name)).rows[0].n).toBe(1);
    expect((await onServer(`SELECT to_regclass('public.${MARKER_TABLE}') AS marker`, name)).rows[0].marker).toBeNull();
  });

  test("a database that does not exist yet is created and marked; claimed again, it is accepted", async () => {
    const name = scratch("new");
    created.push(name);
    await claimTestDatabase(urlOf(name));
    expect((await onServer(`SELECT count(*)::int AS n FROM public.${MARKER_TABLE}`, name)).rows[0].n).toBe(1);
    await expect(claimTestDatabase(urlOf(name))).resolves.toBeUndefined();
  });

  test("an empty database (nothing to lose) is marked and accepted", async () => {
    const name = scratch("empty");
    created.push(name);
    await onServer(`CREATE DATABASE "${name}"`);
    await claimTestDatabase(urlOf(name));
    expect((await onServer(`SELECT to_regclass('public.${MARKER_TABLE}') IS NOT NULL AS marked`, name)).rows[0].marked).toBe(true);
  });
});
