import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { RunningHub } from "@skyddsnat/hub";
import { type MetricsServer, serveMetrics } from "@skyddsnat/platform";
import { capturedLogger } from "./support/captured-logs.js";
import { startExtraHub } from "./support/extra-hub.js";
import { type GraphQLResponse, gql, tokenFor } from "./support/http.js";
import { moved, type Scrape, scrape } from "./support/prometheus.js";
import { SCENARIOS } from "./support/scenarios.js";

/*
 * The counters an operator alerts on, scraped from /metrics after traffic whose outcome is known:
 * a hub of this suite's own (nothing else talks to it), social services' own enforcement off so
 * the gateway's guard withholds its fields while housing and the others withhold their own.
 */

const CLIENT_VIEW = await readFile(new URL("../../infra/deploy/documents/client-view.graphql", import.meta.url), "utf8");
const her = SCENARIOS.PROTECTED_REGISTRATION;
const ROUNDS = 3;

let hub: RunningHub;
let metrics: MetricsServer;
const captured = capturedLogger("metrics-hub");
let before: Scrape;
let after: Scrape;
const answers: GraphQLResponse[] = [];
const requestIds: string[] = [];
let refusedId: string;

beforeAll(async () => {
  hub = await startExtraHub({ logger: captured.logger, unsafeSkipSubgraphPolicy: ["social-services"] });
  // One process, one registry: the gateway's series and every subgraph's, each by service.
  metrics = await serveMetrics(0);
  const token = await tokenFor("POLICE_LIAISON", "pl-4001");
  before = await scrape(metrics.url);
  for (let round = 0; round < ROUNDS; round++) {
    const requestId = `metrics-${randomUUID()}`;
    requestIds.push(requestId);
    answers.push(await gql(CLIENT_VIEW, { url: hub.url, token, variables: { id: her.adult }, headers: { "x-request-id": requestId } }));
  }
  // A refusal at the door counts as a request too, with its status (and is audited).
  refusedId = `metrics-refused-${randomUUID()}`;
  await gql(CLIENT_VIEW, { url: hub.url, token: null, variables: { id: her.adult }, headers: { "x-request-id": refusedId } });
  after = await scrape(metrics.url);
}, 120_000);

afterAll(async () => {
  await metrics?.stop();
  await hub?.stop();
}, 30_000);

/** FORBIDDEN_FIELD errors of the answers by reason; the guard's own carry no serviceName. */
function withheldIn(service: string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    for (const error of answer.errors ?? []) {
      if (error.extensions?.code !== "FORBIDDEN_FIELD" || error.extensions.serviceName !== service) continue;
      const reason = String(error.extensions.reason);
      counts[reason] = (counts[reason] ?? 0) + 1;
    }
  }
  return counts;
}

const movedByReason = (service: string, reasons: string[]) =>
  Object.fromEntries(reasons.map((reason) => [reason, moved(before, after, "skyddsnat_withheld_fields_total", { service, reason })]));

describe("the hub's metrics after known traffic", () => {
  test("the gateway counts each request once, by operation and status", () => {
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(moved(before, after, "skyddsnat_requests_total", { service: "gateway", operation: "ClientView", status: "200" })).toBe(ROUNDS);
    expect(moved(before, after, "skyddsnat_requests_total", { service: "gateway", status: "401" })).toBe(1);
    expect(moved(before, after, "skyddsnat_request_duration_seconds_count", { service: "gateway", operation: "ClientView" })).toBe(ROUNDS);
  });

  test("each subgraph counts the calls it answered under the gateway's request ids", () => {
    for (const subgraph of ["social-services", "housing", "police-liaison", "child-services"]) {
      const lines = captured.lines().filter((line) => line.msg === "request answered" && line.subgraph === subgraph && requestIds.includes(String(line.requestId)));
      expect(lines.length).toBeGreaterThanOrEqual(ROUNDS);
      expect({ subgraph, calls: moved(before, after, "skyddsnat_requests_total", { service: subgraph }) }).toEqual({ subgraph, calls: lines.length });
      expect(moved(before, after, "skyddsnat_subgraph_call_duration_seconds_count", { subgraph, outcome: "answered" })).toBe(lines.length);
    }
  });

  test("withheld fields are counted by reason where they were withheld: the guard's at the gateway, housing's at housing", () => {
    const byGuard = withheldIn(undefined);
    const byHousing = withheldIn("housing");
    // Social services' enforcement is off: its fields are the guard's to withhold.
    expect(Object.keys(byGuard).length).toBeGreaterThan(0);
    expect(withheldIn("social-services")).toEqual({});
    expect(Object.keys(byHousing).length).toBeGreaterThan(0);
    expect(movedByReason("gateway", Object.keys(byGuard))).toEqual(byGuard);
    expect(movedByReason("housing", Object.keys(byHousing))).toEqual(byHousing);
    expect(moved(before, after, "skyddsnat_withheld_fields_total", { service: "social-services" })).toBe(0);
  });

  test("the audit trail's appends are counted: every record of these requests, in batches", async () => {
    const records = await hub.audit.store.prisma.auditRecord.count({ where: { requestId: { in: [...requestIds, refusedId] } } });
    const refusals = await hub.audit.store.prisma.auditRecord.count({ where: { requestId: refusedId } });
    expect(refusals).toBe(1);
    expect(records).toBeGreaterThan(ROUNDS);
    expect(moved(before, after, "skyddsnat_audit_entries_total")).toBe(records);
    expect(moved(before, after, "skyddsnat_audit_batch_entries_sum")).toBe(records);
    expect(moved(before, after, "skyddsnat_audit_append_duration_seconds_count")).toBe(moved(before, after, "skyddsnat_audit_batch_entries_count"));
    expect(moved(before, after, "skyddsnat_audit_append_failures_total")).toBe(0);
  });

  test("the facts caches and breakers are reported, and the process's own metrics are there", () => {
    expect(moved(before, after, "skyddsnat_facts_cache_lookups_total", { service: "gateway" })).toBeGreaterThan(0);
    expect(after.get('skyddsnat_breaker_state{service="gateway",target="housing"}')).toBe(0);
    expect(after.has('skyddsnat_facts_feed_following{service="housing"}')).toBe(true);
    expect(after.has("process_cpu_seconds_total{}")).toBe(true);
  });
});
