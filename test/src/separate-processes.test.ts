import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { INTERNAL_TOKEN_HEADER, subgraphAudience } from "@skyddsnat/schema";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { gql, tokenFor } from "./support/http.js";
import { gatewayToken } from "./support/internal-token.js";
import { AGENCY_SERVICES, databaseUrlOf, gatewayEnvironment, readyServiceStarter, sqlOn, startAgencies, writeDeploymentFiles } from "./support/deployment.js";
import type { ServiceProcess } from "./support/service-process.js";

/*
 * The hub as infra/deploy runs it: every service in a process of its own, started by the
 * container entrypoint (start-service) from environment variables and key files only, on a
 * scratch PostgreSQL database of its own. The gateway holds a freshly generated key, not the dev
 * key, and trusts the dev agency issuers (so the suite's usual tokens work).
 */

const AGENCIES = AGENCY_SERVICES;
const databaseName = `skyddsnat_separate_${process.pid}`;
const DATABASE_URL = databaseUrlOf(TEST_DATABASE_URL, databaseName);
const onServer = (sql: string) => sqlOn(databaseUrlOf(TEST_DATABASE_URL, "postgres"), sql);
const querySql = <T>(sql: string) => sqlOn<T>(DATABASE_URL, sql);

let keysDir: string | undefined;
let databaseCreated = false;
const services: Partial<Record<(typeof AGENCIES)[number] | "gateway", ServiceProcess>> = {};
const started: ServiceProcess[] = [];
let gateway: ServiceProcess;

beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), "skyddsnat-separate-"));
  const file = await writeDeploymentFiles(keysDir, "gateway-separate-1");
  await onServer(`CREATE DATABASE "${databaseName}"`);
  databaseCreated = true;
  const common = { DATABASE_URL, GATEWAY_JWKS_FILE: file("gateway.jwks.json") };
  const start = readyServiceStarter((service) => started.push(service));
  const agencies = await startAgencies(start, common);
  Object.assign(services, agencies);
  gateway = await start("gateway", { ...common, ...gatewayEnvironment(file, agencies) });
  services.gateway = gateway;
}, 90_000);

afterAll(async () => {
  // Whatever failed above: no process outlives the suite, no scratch database or key is left.
  await Promise.all(started.map((service) => service.kill()));
  if (databaseCreated) await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  if (keysDir) await rm(keysDir, { recursive: true, force: true });
}, 30_000);

describe("the hub as separate processes, configured from the environment", () => {
  test("the gateway is ready on its own dependencies, a breaker for every subgraph (the auditors' one included) closed", async () => {
    const response = await fetch(`${gateway.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      dependencies: { auditStore: "ready", supergraph: "loaded", issuerKeys: "ready" },
      breakers: { facts: "closed", "social-services": "closed", housing: "closed", "police-liaison": "closed", "child-services": "closed", audit: "closed" },
    });
  });

  test.each(AGENCIES)("%s listens on its own port and refuses a request without the gateway's internal token", async (name) => {
    const url = services[name]!.url;
    expect((await gql("{ __typename }", { url, token: null })).status).toBe(401);
    // Nor does it take the dev gateway key's token: it trusts the deployment's JWKS alone.
    const devToken = await gatewayToken(subgraphAudience(name));
    expect((await gql("{ __typename }", { url, token: null, headers: { [INTERNAL_TOKEN_HEADER]: devToken } })).status).toBe(401);
  });

  test("a caller's query through the gateway reaches the subgraphs (an empty database: no persons, no errors); without a token, 401", async () => {
    const query = "{ persons(first: 2) { nodes { id givenName tenancies { status } incidents { category } } } }";
    const answered = await gql(query, { url: gateway.url, token: await tokenFor("SOCIAL_SECRETARY", "ss-1001") });
    expect(answered).toEqual({ status: 200, data: { persons: { nodes: [] } } });
    expect((await gql(query, { url: gateway.url, token: null })).status).toBe(401);
  });

  test("an auditor's auditChainStatus through the gateway answers ok", async () => {
    const response = await gql<{ auditChainStatus: { ok: boolean; records: number; problem: string | null } }>(
      "{ auditChainStatus { ok records problem } }",
      { url: gateway.url, token: await tokenFor("AUDITOR", "au-6001") },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.auditChainStatus).toMatchObject({ ok: true, problem: null });
  });

  test("SIGTERM stops the gateway with exit 0, and it signs a checkpoint of the chain head first", async () => {
    expect(await gateway.stop("SIGTERM", 15_000)).toEqual({ code: 0, signal: null });
    const [state] = await querySql<{ head: string; checkpoint: string | null }>(
      `SELECT (SELECT seq::text FROM audit."ChainHead") AS head, (SELECT max(seq)::text FROM audit."Checkpoint") AS checkpoint`,
    );
    // The auditor's query and the refused caller were recorded: the head is past the start.
    expect(BigInt(state?.head ?? "0")).toBeGreaterThan(0n);
    expect(state?.checkpoint).toBe(state?.head);
  });

  test("SIGTERM stops each agency subgraph with exit 0", async () => {
    const exits = await Promise.all(AGENCIES.map(async (name) => [name, await services[name]!.stop("SIGTERM", 15_000)] as const));
    expect(Object.fromEntries(exits)).toEqual(Object.fromEntries(AGENCIES.map((name) => [name, { code: 0, signal: null }])));
  });
});
