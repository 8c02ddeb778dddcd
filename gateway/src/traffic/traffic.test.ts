import { describe, expect, test } from "@jest/globals";
import { createLogger, HttpError } from "@skyddsnat/platform";
import type { Actor } from "@skyddsnat/schema";
import { faultsFromEnv } from "../faults/settings.js";
import { callerKey } from "./caller-key.js";
import { createRateLimit, retryAfterSeconds } from "./rate-limit.js";
import { DEFAULT_TRAFFIC, TrafficSettingError, trafficFromEnv } from "./settings.js";

const actor = (staffId: string, extra: Partial<Actor> = {}): Actor =>
  ({ staffId, agency: "SOCIAL_SERVICES", role: "SOCIAL_SECRETARY", purpose: "CASE_WORK", issuer: "https://idp.soc.example", ...extra }) as Actor;
const logger = createLogger({ level: "silent" } as never);
const refusal = (env: Record<string, string>) => {
  try {
    trafficFromEnv(env);
    faultsFromEnv(env);
    return "accepted";
  } catch (error) {
    return error instanceof TrafficSettingError ? error.variable : `unexpected ${String(error)}`;
  }
};
const statusOf = (promise: Promise<void>) =>
  promise.then(
    () => ({ status: 200, retryAfter: undefined as string | undefined }),
    (error: unknown) => (error instanceof HttpError ? { status: error.status, code: error.code, retryAfter: error.headers["retry-after"] } : { status: 0 }),
  );

describe("whose budget a request spends", () => {
  test("issuer, staff id and client system each make a budget of their own", () => {
    const base = callerKey(actor("ss-1"));
    expect(callerKey(actor("ss-1"))).toBe(base);
    expect(callerKey(actor("ss-2"))).not.toBe(base);
    expect(callerKey(actor("ss-1", { issuer: "https://idp.other.example" }))).not.toBe(base);
    expect(callerKey(actor("ss-1", { clientId: "case-system" }))).not.toBe(base);
  });

  test("no choice of ids makes two callers share a key, and no id is in it", () => {
    // Joined naively, ("a|b", "c") and ("a", "b|c") would be one caller.
    expect(callerKey(actor("b|c", { issuer: "a" }))).not.toBe(callerKey(actor("c", { issuer: "a|b" })));
    expect(callerKey(actor("ss-1001"))).not.toContain("ss-1001");
    expect(callerKey(actor("a".repeat(128)))).toHaveLength(43);
  });
});

describe("traffic and fault settings from the environment", () => {
  test("unset, the defaults: 600 a minute per caller, 64 in flight, counted in memory", () => {
    expect(trafficFromEnv({})).toEqual(DEFAULT_TRAFFIC);
    expect(trafficFromEnv({})).toEqual({ ratePerMinute: 600, maxInFlight: 64 });
    expect(faultsFromEnv({})).toEqual({ subgraphTimeoutMs: 5000, factsTimeoutMs: 2000, breakerFailures: 5, breakerHalfOpenMs: 10_000 });
  });

  test("set, they are read; RATE_LIMIT_PER_MINUTE=0 turns the limit off", () => {
    expect(trafficFromEnv({ RATE_LIMIT_PER_MINUTE: "0", MAX_IN_FLIGHT: "8", RATE_LIMIT_REDIS_URL: "redis://127.0.0.1:6379/2" })).toEqual({
      ratePerMinute: 0,
      maxInFlight: 8,
      redisUrl: "redis://127.0.0.1:6379/2",
    });
    expect(faultsFromEnv({ SUBGRAPH_TIMEOUT_MS: "1500", BREAKER_FAILURES: "2", BREAKER_HALF_OPEN_MS: "500", FACTS_TIMEOUT_MS: "800" })).toEqual({
      subgraphTimeoutMs: 1500,
      factsTimeoutMs: 800,
      breakerFailures: 2,
      breakerHalfOpenMs: 500,
    });
  });

  test.each([
    [{ RATE_LIMIT_PER_MINUTE: "ten" }, "RATE_LIMIT_PER_MINUTE"],
    [{ RATE_LIMIT_PER_MINUTE: "-1" }, "RATE_LIMIT_PER_MINUTE"],
    [{ MAX_IN_FLIGHT: "0" }, "MAX_IN_FLIGHT"],
    [{ MAX_IN_FLIGHT: "1.5" }, "MAX_IN_FLIGHT"],
    [{ RATE_LIMIT_REDIS_URL: "http://127.0.0.1:6379" }, "RATE_LIMIT_REDIS_URL"],
    [{ RATE_LIMIT_REDIS_URL: "not a url" }, "RATE_LIMIT_REDIS_URL"],
    [{ SUBGRAPH_TIMEOUT_MS: "50" }, "SUBGRAPH_TIMEOUT_MS"],
    [{ BREAKER_FAILURES: "0" }, "BREAKER_FAILURES"],
    [{ BREAKER_HALF_OPEN_MS: "1e4" }, "BREAKER_HALF_OPEN_MS"],
    [{ FACTS_TIMEOUT_MS: "x" }, "FACTS_TIMEOUT_MS"],
  ])("%j is refused, naming %s", (env, variable) => {
    expect(refusal(env)).toBe(variable);
  });
});

describe("the per-caller rate limit", () => {
  test("past its budget a caller gets 429 RATE_LIMITED with Retry-After; another caller does not", async () => {
    const limit = createRateLimit({ ratePerMinute: 3, maxInFlight: 10 }, logger);
    for (let i = 0; i < 3; i++) expect((await statusOf(limit.consume(actor("ss-1"), "r"))).status).toBe(200);
    const refused = await statusOf(limit.consume(actor("ss-1"), "r"));
    expect(refused).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect((await statusOf(limit.consume(actor("ss-2"), "r"))).status).toBe(200);
    expect(limit.store()).toBe("memory");
  });

  test("Retry-After is whole seconds, at least one", () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(59_000)).toBe(59);
  });

  test("two replicas on one Redis share the budget", async () => {
    const settings = { ratePerMinute: 4, maxInFlight: 10, redisUrl: "redis://127.0.0.1:6379/0" };
    const [a, b] = [createRateLimit(settings, logger), createRateLimit(settings, logger)];
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([a.store(), b.store()]).toEqual(["redis", "redis"]);
      const caller = actor(`shared-${process.pid}-${Date.now()}`);
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await statusOf((i % 2 === 0 ? a : b).consume(caller, "r"))).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("with Redis unreachable each replica counts in its own memory (fail open to a per-replica limit)", async () => {
    const limit = createRateLimit({ ratePerMinute: 2, maxInFlight: 10, redisUrl: "redis://127.0.0.1:1/0" }, logger);
    try {
      expect(limit.store()).toBe("memory");
      const caller = actor("ss-unreachable");
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await statusOf(limit.consume(caller, "r"))).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limit.close();
    }
  });
});
