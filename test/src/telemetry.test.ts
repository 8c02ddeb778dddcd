import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { buildPopulation } from "@skyddsnat/hub";
import { gql, tokenFor } from "./support/http.js";
import { type ExportedSpan, type ObservedHub, startObservedHub } from "./support/observed-hub.js";
import { protectedValuesIn, seededProtectedValues } from "./support/protected-values.js";
import { SCENARIOS } from "./support/scenarios.js";

/*
 * Traces as an operator gets them: the hub started the way `npm start` starts it, with tracing
 * on and exporting over OTLP to a collector in this test. A caller's trace context reaches every
 * service a request touches and their SQL; and nothing any span, log line or metric of the whole
 * run carries is a protected value — though the run moves plenty of them to a permitted reader.
 */

const CLIENT_VIEW = await readFile(new URL("../../infra/deploy/documents/client-view.graphql", import.meta.url), "utf8");
const her = SCENARIOS.PROTECTED_REGISTRATION;
const PROTECTED = seededProtectedValues();
const HER_ADDRESS = buildPopulation().socialServices.persons.find((p) => p.id === her.adult)?.streetAddress as string;
const SERVER = 2;

let hub: ObservedHub;
let traceId: string;
let callerSpanId: string;
let answer: Awaited<ReturnType<typeof gql>>;
let misplacedStatus: number;

beforeAll(async () => {
  hub = await startObservedHub();
  traceId = randomBytes(16).toString("hex");
  callerSpanId = randomBytes(8).toString("hex");
  // Her own social secretary: every protected value of hers is in the answer.
  answer = await gql(CLIENT_VIEW, {
    url: hub.url,
    token: await tokenFor("SOCIAL_SECRETARY", "ss-1001"),
    variables: { id: her.adult },
    headers: { traceparent: `00-${traceId}-${callerSpanId}-01` },
  });
  // A refused caller and a bad document too, so their lines and spans are scanned as well.
  await gql("{ person(id: \"x\") { id } }", { url: hub.url, token: null });
  // A document GraphQL cannot parse, whose syntax error quotes a protected value back.
  const unparsable = await gql(`{ person(id: "${her.adult}") { "${HER_ADDRESS}" } }`, { url: hub.url, token: await tokenFor("POLICE_LIAISON", "pl-4001") });
  expect(JSON.stringify(unparsable.errors)).toContain(HER_ADDRESS);
  // A value where it does not fit: GraphQL's error quotes it back (to the caller, who sent it), and
  // no span event, log line or label may repeat it.
  const misplaced = await gql("query Misplaced($first: Int) { persons(first: $first) { nodes { id } } }", {
    url: hub.url,
    token: await tokenFor("POLICE_LIAISON", "pl-4001"),
    variables: { first: HER_ADDRESS },
  });
  expect(JSON.stringify(misplaced.errors)).toContain(HER_ADDRESS);
  misplacedStatus = misplaced.status;
}, 120_000);

afterAll(async () => {
  await hub?.stop();
}, 30_000);

const ofTrace = (spans: ExportedSpan[]) => spans.filter((span) => span.traceId === traceId);
const portOf = (span: ExportedSpan) => Number(span.attributes["server.port"] ?? span.attributes["net.host.port"] ?? span.attributes["url.port"]);
/** A statement sent to PostgreSQL, as the pg driver's instrumentation sees it (under Prisma's own spans). */
const isSql = (span: ExportedSpan) => span.scope === "@opentelemetry/instrumentation-pg" && span.name.startsWith("pg.query");

/** The spans under `root` (itself included), following parent ids. */
function subtree(spans: ExportedSpan[], root: ExportedSpan): ExportedSpan[] {
  const children = new Map<string, ExportedSpan[]>();
  for (const span of spans) children.set(span.parentSpanId, [...(children.get(span.parentSpanId) ?? []), span]);
  const found: ExportedSpan[] = [];
  const visit = (span: ExportedSpan) => {
    found.push(span);
    for (const child of children.get(span.spanId) ?? []) visit(child);
  };
  visit(root);
  return found;
}

/** The gateway's access lines. */
const answeredAtGateway = (lines: Record<string, unknown>[]) => lines.filter((line) => line.msg === "request answered" && line.component === "gateway");

/** The services the client view touches: every agency's subgraph. */
const TOUCHED = ["social-services", "housing", "police-liaison", "child-services"];

/** Each touched subgraph's server span in the trace, once it has its SQL under it. */
function subgraphsWithSql(spans: ExportedSpan[]): string[] {
  const trace = ofTrace(spans);
  return TOUCHED.filter((name) =>
    trace.some((span) => span.kind === SERVER && portOf(span) === hub.subgraphPorts[name] && subtree(trace, span).some(isSql)),
  );
}

describe("one trace across the hub, and no protected value in any telemetry", () => {
  test("the client view answers her secretary with her protected values (what the rest must not carry)", () => {
    expect(answer.status).toBe(200);
    const text = JSON.stringify(answer.data);
    expect(protectedValuesIn(text, PROTECTED).length).toBeGreaterThan(2);
  });

  test("the caller's trace spans the gateway, each subgraph it touched and their SQL", async () => {
    const gatewayPort = Number(new URL(hub.url).port);
    const atDoor = (span: ExportedSpan) => span.kind === SERVER && portOf(span) === gatewayPort;
    // The gateway's server span ends last (after the answer is written), so it may come in a later export batch.
    const spans = ofTrace(await hub.waitForSpans((received) => subgraphsWithSql(received).length === TOUCHED.length && ofTrace(received).some(atDoor)));
    const door = spans.filter(atDoor);
    // The gateway's one server span continues the caller's trace, as the caller's child.
    expect(door).toHaveLength(1);
    expect(door[0]?.parentSpanId).toBe(callerSpanId);
    // @apollo/gateway's own spans, and every other span of the request, hang from it: one tree.
    expect(spans.map((span) => span.name)).toEqual(expect.arrayContaining(["gateway.request", "gateway.plan", "gateway.execute", "gateway.fetch"]));
    expect(subtree(spans, door[0] as ExportedSpan)).toHaveLength(spans.length);
    expect(subgraphsWithSql(spans)).toEqual(TOUCHED);
    // The SQL is the statement's text with placeholders; never its parameters.
    const sql = spans.filter(isSql).map((span) => String(span.attributes["db.query.text"] ?? span.attributes["db.statement"] ?? ""));
    expect(sql.some((text) => /\$1/.test(text))).toBe(true);
    expect(spans.some((span) => span.name === "prisma:client:db_query")).toBe(true);
    // Social services' facts route is reached inside the same trace (the subgraphs' policy facts).
    expect(spans.some((span) => span.kind === SERVER && String(span.attributes["url.path"] ?? span.attributes["http.target"] ?? "").startsWith("/internal/subject-facts"))).toBe(true);
  });

  test("no span attribute, event or name of the whole run carries a protected value", async () => {
    // Every request's trace, down to its gateway server span (the last to end), has arrived.
    const traces = answeredAtGateway(await hub.waitForLines((lines) => answeredAtGateway(lines).length >= 4)).map((line) => String(line.traceId));
    const gatewayPort = Number(new URL(hub.url).port);
    const spans = await hub.waitForSpans((received) =>
      traces.every((id) => received.some((span) => span.traceId === id && span.kind === SERVER && portOf(span) === gatewayPort)),
    );
    expect(spans.length).toBeGreaterThan(20);
    for (const span of spans) expect({ span: span.name, found: protectedValuesIn(span.text, PROTECTED) }).toEqual({ span: span.name, found: [] });
  });

  test("no log line of the whole run carries one, and every request left its access line", async () => {
    const answered = answeredAtGateway(await hub.waitForLines((lines) => answeredAtGateway(lines).length >= 4));
    expect(protectedValuesIn(hub.output(), PROTECTED)).toEqual([]);
    expect(answered.map((line) => line.status)).toEqual([200, 401, 400, misplacedStatus]);
    const mine = answered.find((line) => line.traceId === traceId);
    expect(mine).toMatchObject({ actor: "ss-1001", role: "SOCIAL_SECRETARY", operation: "ClientView", status: 200 });
    expect(typeof mine?.operationHash).toBe("string");
    expect(typeof mine?.requestId).toBe("string");
  });

  test("no metric label carries one", async () => {
    const metrics = await (await fetch(hub.metricsUrl)).text();
    expect(metrics).toContain('skyddsnat_requests_total{service="gateway",operation="ClientView",status="200"} 1');
    expect(protectedValuesIn(metrics, PROTECTED)).toEqual([]);
  });
});
