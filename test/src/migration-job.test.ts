import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { AUDIT_READER_ROLE, AUDIT_WRITER_ROLE } from "@skyddsnat/gateway";
import { ensureDevKeys } from "@skyddsnat/hub";
import { INTERNAL_TOKEN_HEADER, subgraphAudience } from "@skyddsnat/schema";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { AGENCY_SERVICES, databaseUrlOf, type DeploymentFile, sqlOn, writeDeploymentFiles } from "./support/deployment.js";
import { gql, tokenFor } from "./support/http.js";
import { gatewayToken } from "./support/internal-token.js";
import { freePort, type ServiceProcess, startServiceProcess } from "./support/service-process.js";

/*
 * A release as infra/deploy runs it: the migration Job (MIGRATE=only) applies each agency's
 * migrations under the schema owner's login and grants the runtime role DML, and migrates and
 * locks down the audit schema as its owner; the Deployments (MIGRATE=never) then serve under a
 * login that may read and write rows but change no table — the gateway under the audit writer's
 * login alone, which may only append. All run the container entrypoint as built, on a scratch
 * database and roles of their own (the audit roles are the server's, created as the DBA would).
 */

const START_SERVICE = fileURLToPath(new URL("../../infra/hub/dist/cli/start-service.js", import.meta.url));
const databaseName = `skyddsnat_migration_job_${process.pid}`;
const OWNER = `skyddsnat_owner_${process.pid}`;
const RUNTIME = `skyddsnat_runtime_${process.pid}`;
const asUser = (user: string) => {
  const url = new URL(databaseUrlOf(TEST_DATABASE_URL, databaseName));
  url.username = user;
  url.password = "";
  return url.toString();
};
const onServer = (sql: string) => sqlOn(databaseUrlOf(TEST_DATABASE_URL, "postgres"), sql);

let keysDir: string | undefined;
let created = false;
let jwksFile = "";
let file: (name: DeploymentFile) => string = () => "";
const started: ServiceProcess[] = [];
const agencies: Partial<Record<string, ServiceProcess>> = {};

/** The entrypoint run to its end with exactly `env` (plus PATH); its exit code and output. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [START_SERVICE], { env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", ...env }, timeout: 120_000 }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, output: stdout + stderr }),
    );
  });
}

const logLines = (output: string) =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The gateway as its Deployment runs it: MIGRATE=never, the audit writer's own login, no owner's. */
const gatewayEnv = (subgraphUrl: (name: (typeof AGENCY_SERVICES)[number]) => string): Record<string, string> => ({
  MIGRATE: "never",
  AUDIT_WRITER_DATABASE_URL: asUser(AUDIT_WRITER_ROLE),
  AUDIT_WITNESS: `file:${join(keysDir ?? tmpdir(), "tree-heads.jsonl")}`,
  GATEWAY_PRIVATE_JWK_FILE: file("gateway.private.jwk.json"),
  GATEWAY_JWKS_FILE: file("gateway.jwks.json"),
  AUDIT_CHAIN_KEY_FILE: file("audit-chain.key"),
  ISSUERS_FILE: file("issuers.json"),
  SOCIAL_SERVICES_URL: subgraphUrl("social-services"),
  HOUSING_URL: subgraphUrl("housing"),
  POLICE_LIAISON_URL: subgraphUrl("police-liaison"),
  CHILD_SERVICES_URL: subgraphUrl("child-services"),
});
const nowhere = () => "http://127.0.0.1:9/graphql";

beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), "skyddsnat-migration-job-"));
  // The gateway's own key (a deployment's), and the dev gateway key beside it in what the
  // agencies trust: the suite's internal tokens are signed with that.
  file = await writeDeploymentFiles(keysDir, "gateway-migration-job-1");
  const own = JSON.parse(await readFile(file("gateway.jwks.json"), "utf8")) as { keys: object[] };
  jwksFile = join(keysDir, "trusted.jwks.json");
  await writeFile(jwksFile, JSON.stringify({ keys: [...(await ensureDevKeys()).gateway.publicJwks.keys, ...own.keys] }), { mode: 0o600 });
  // The audit roles are the server's (the DBA's to create: the schema's owner may not create roles).
  await onServer(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${AUDIT_WRITER_ROLE}') THEN CREATE ROLE ${AUDIT_WRITER_ROLE} LOGIN NOSUPERUSER NOINHERIT; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${AUDIT_READER_ROLE}') THEN CREATE ROLE ${AUDIT_READER_ROLE} LOGIN NOSUPERUSER NOINHERIT; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  await onServer(`CREATE ROLE ${OWNER} LOGIN`);
  await onServer(`CREATE ROLE ${RUNTIME} LOGIN`);
  created = true;
  await onServer(`CREATE DATABASE "${databaseName}" OWNER ${OWNER}`);
}, 30_000);

afterAll(async () => {
  await Promise.all(started.map((service) => service.kill()));
  if (created) {
    await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await onServer(`DROP ROLE IF EXISTS ${RUNTIME}`);
    await onServer(`DROP ROLE IF EXISTS ${OWNER}`);
  }
  if (keysDir) await rm(keysDir, { recursive: true, force: true });
}, 30_000);

describe("migrations once per release, runtime logins without DDL", () => {
  test("before the Job, a service that must not migrate refuses to start (exit 1, pending migrations named)", async () => {
    const { code, output } = await runToExit({ SKYDDSNAT_SERVICE: "social-services", MIGRATE: "never", DATABASE_URL: asUser(RUNTIME), GATEWAY_JWKS_FILE: jwksFile, PORT: String(await freePort()) });
    expect(code).toBe(1);
    const fatal = logLines(output).find((line) => line.level === 60);
    expect(fatal?.msg).toMatch(/migrations pending/);
    expect(fatal?.pending).toEqual(expect.arrayContaining([expect.stringMatching(/_/)]));
  }, 60_000);

  test("before the Job, the gateway with the audit writer's login alone refuses to start (exit 1, pending audit migrations named)", async () => {
    const { code, output } = await runToExit({ SKYDDSNAT_SERVICE: "gateway", ...gatewayEnv(nowhere), PORT: String(await freePort()) });
    expect(code).toBe(1);
    const fatal = logLines(output).find((line) => line.level === 60);
    expect(fatal?.msg).toMatch(/migrations pending/);
    expect(fatal?.pending).toEqual(expect.arrayContaining([expect.stringMatching(/_/)]));
  }, 60_000);

  test("a gateway with MIGRATE=never given the audit owner's login refuses it (exit 2, the variable named, not its value)", async () => {
    const { code, output } = await runToExit({ SKYDDSNAT_SERVICE: "gateway", ...gatewayEnv(nowhere), AUDIT_OWNER_DATABASE_URL: asUser(OWNER), PORT: String(await freePort()) });
    expect(code).toBe(2);
    const fatal = logLines(output).find((line) => line.level === 60);
    expect(fatal?.variable).toBe("AUDIT_OWNER_DATABASE_URL");
    expect(output).not.toContain(OWNER);
  }, 60_000);

  test("the Job applies every agency's migrations as the owner, grants the runtime role, migrates the audit store as its owner, and exits 0", async () => {
    for (const service of AGENCY_SERVICES) {
      const { code, output } = await runToExit({ SKYDDSNAT_SERVICE: service, MIGRATE: "only", DATABASE_URL: asUser(OWNER), RUNTIME_ROLE: RUNTIME });
      expect([service, code, output.includes("migrations applied")]).toEqual([service, 0, true]);
    }
    const audit = await runToExit({ SKYDDSNAT_SERVICE: "gateway", MIGRATE: "only", AUDIT_OWNER_DATABASE_URL: asUser(OWNER), AUDIT_WRITER_DATABASE_URL: asUser(AUDIT_WRITER_ROLE) });
    expect([audit.code, audit.output.includes("audit store migrated")]).toEqual([0, true]);
    // Run again (the next release with nothing new): nothing to do, still 0.
    expect((await runToExit({ SKYDDSNAT_SERVICE: "housing", MIGRATE: "only", DATABASE_URL: asUser(OWNER), RUNTIME_ROLE: RUNTIME })).code).toBe(0);
    const owners = await sqlOn<{ owner: string }>(asUser(OWNER), `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname IN ('social_services', 'housing')`);
    expect(owners).toEqual([{ owner: OWNER }]);
  }, 180_000);

  test("the runtime login may read and write rows, and change no table, role or migration record", async () => {
    const runtime = (sql: string) => sqlOn(asUser(RUNTIME), sql);
    await expect(runtime(`SELECT count(*) FROM social_services."Person"`)).resolves.toEqual([{ count: "0" }]);
    await expect(runtime(`DELETE FROM housing."Tenancy"`)).resolves.toEqual([]);
    for (const ddl of [
      `CREATE TABLE social_services."Backdoor" (id int)`,
      `ALTER TABLE social_services."Person" ADD COLUMN extra int`,
      `DROP TABLE housing."Tenancy"`,
      `TRUNCATE social_services."Person"`,
      `CREATE SCHEMA elsewhere`,
      `DELETE FROM social_services._prisma_migrations`,
    ]) {
      await expect(runtime(ddl)).rejects.toThrow(/permission denied|must be owner/);
    }
  }, 30_000);

  test("after the Job, the services start under the runtime login without migrating, and serve", async () => {
    const social = await startServiceProcess("social-services", { MIGRATE: "never", DATABASE_URL: asUser(RUNTIME), GATEWAY_JWKS_FILE: jwksFile });
    started.push(social);
    await social.ready(60_000);
    agencies["social-services"] = social;
    const housing = await startServiceProcess("housing", { MIGRATE: "never", DATABASE_URL: asUser(RUNTIME), GATEWAY_JWKS_FILE: jwksFile, FACTS_URL: social.url });
    started.push(housing);
    await housing.ready(60_000);
    agencies.housing = housing;
    const reads = [
      ["social-services", social, "{ persons(first: 1) { nodes { id } } }"],
      ["housing", housing, '{ tenancy(id: "ten_none") { id } }'],
    ] as const;
    for (const [name, service, query] of reads) {
      const token = await gatewayToken(subgraphAudience(name));
      const answer = await gql(query, { url: service.url, token: null, headers: { [INTERNAL_TOKEN_HEADER]: token } });
      expect([name, answer.status, answer.errors]).toEqual([name, 200, undefined]);
    }
  }, 120_000);

  test("after the Job, the gateway starts under the audit writer's login alone and a request through it writes an audit record", async () => {
    for (const name of ["police-liaison", "child-services"] as const) {
      const service = await startServiceProcess(name, { MIGRATE: "never", DATABASE_URL: asUser(RUNTIME), GATEWAY_JWKS_FILE: jwksFile, FACTS_URL: agencies["social-services"]!.url });
      started.push(service);
      agencies[name] = service;
    }
    await Promise.all([agencies["police-liaison"]!.ready(60_000), agencies["child-services"]!.ready(60_000)]);
    const gateway = await startServiceProcess("gateway", gatewayEnv((name) => agencies[name]!.url));
    started.push(gateway);
    await gateway.ready(60_000);
    const records = async () => Number((await sqlOn<{ count: string }>(asUser(OWNER), `SELECT count(*) FROM audit."AuditRecord"`))[0]?.count);
    const before = await records();
    const answer = await gql<{ auditChainStatus: { ok: boolean } }>("{ auditChainStatus { ok } }", { url: gateway.url, token: await tokenFor("AUDITOR", "au-6001") });
    expect([answer.status, answer.errors, answer.data?.auditChainStatus.ok]).toEqual([200, undefined, true]);
    // The auditor's read is itself recorded, through the writer's login.
    expect(await records()).toBeGreaterThan(before);
    expect(await gateway.stop("SIGTERM", 15_000)).toEqual({ code: 0, signal: null });
  }, 180_000);
});
