import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { RunningHub } from "@skyddsnat/hub";
import { capturedLogger } from "./support/captured-logs.js";
import { startExtraHub } from "./support/extra-hub.js";
import { tokenFor } from "./support/http.js";
import { SCENARIOS } from "./support/scenarios.js";

/*
 * A front end's correlation id survives the hub: kept when well-formed, returned on every answer
 * (a refusal at the door too), and carried to the subgraphs, whose log lines it is on. A malformed
 * one is replaced by a fresh id and written nowhere.
 */

const her = SCENARIOS.PROTECTED_REGISTRATION;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const QUERY = `query WhoLivesThere { person(id: "${her.adult}") { id givenName tenancies { status } incidents { category } } }`;

let hub: RunningHub;
const captured = capturedLogger("request-id-hub");

beforeAll(async () => {
  hub = await startExtraHub({ logger: captured.logger });
}, 120_000);

afterAll(async () => {
  await hub?.stop();
}, 30_000);

async function ask(requestId: string | undefined, token: string | null): Promise<{ status: number; requestId: string | null }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (requestId !== undefined) headers["x-request-id"] = requestId;
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(hub.url, { method: "POST", headers, body: JSON.stringify({ query: QUERY }) });
  await response.arrayBuffer();
  return { status: response.status, requestId: response.headers.get("x-request-id") };
}

const linesOf = (requestId: string) => captured.lines().filter((line) => line.requestId === requestId);

/** The lines reach the logger as the answer is written: a moment after the caller has it. */
async function answeredLines(requestId: string, count: number): Promise<Record<string, unknown>[]> {
  for (let tries = 0; tries < 50 && linesOf(requestId).filter((line) => line.msg === "request answered").length < count; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return linesOf(requestId).filter((line) => line.msg === "request answered");
}

describe("the caller's request id", () => {
  test("a well-formed one comes back and is on the gateway's and every subgraph's log line", async () => {
    const mine = "front-end.7f3a_42";
    const answer = await ask(mine, await tokenFor("POLICE_LIAISON", "pl-4001"));
    expect(answer).toEqual({ status: 200, requestId: mine });
    const lines = await answeredLines(mine, 4);
    const where = lines.map((line) => line.subgraph ?? line.component).sort();
    // The gateway and the three subgraphs the plan calls: social services, housing, police liaison.
    expect(where).toEqual(["gateway", "housing", "police-liaison", "social-services"]);
    for (const line of lines) expect(line).toMatchObject({ requestId: mine, actor: "pl-4001", role: "POLICE_LIAISON" });
  });

  test.each([
    ["with spaces", "front end 42"],
    ["too long", "a".repeat(65)],
    ["with characters a log could misread", 'id";drop'],
    ["empty", ""],
  ])("a malformed one (%s) is replaced by a fresh id, which reaches the subgraphs instead", async (_case, malformed) => {
    const answer = await ask(malformed, await tokenFor("POLICE_LIAISON", "pl-4001"));
    expect(answer.status).toBe(200);
    expect(answer.requestId).toMatch(UUID);
    const lines = await answeredLines(answer.requestId as string, 4);
    expect(lines.length).toBe(4);
    if (malformed) expect(JSON.stringify(captured.lines())).not.toContain(JSON.stringify(malformed).slice(1, -1));
  });

  test("without one, each request gets its own", async () => {
    const token = await tokenFor("POLICE_LIAISON", "pl-4001");
    const [first, second] = [await ask(undefined, token), await ask(undefined, token)];
    expect(first.requestId).toMatch(UUID);
    expect(second.requestId).toMatch(UUID);
    expect(first.requestId).not.toBe(second.requestId);
  });

  test("a refusal at the door returns it too, and its access line carries it", async () => {
    const mine = "front-end-refused-1";
    expect(await ask(mine, null)).toEqual({ status: 401, requestId: mine });
    const [line] = await answeredLines(mine, 1);
    expect(line).toMatchObject({ component: "gateway", requestId: mine, status: 401, operation: "unparsed" });
    expect(line?.actor).toBeUndefined();
  });
});
