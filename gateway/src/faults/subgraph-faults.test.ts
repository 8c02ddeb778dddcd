import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { serviceBreaker } from "@skyddsnat/schema";
import { InternalTokenDataSource } from "../subgraph-transport.js";
import { readiness } from "./readiness.js";

/*
 * The breaker wiring against a fake subgraph on loopback: it answers, hangs (never answers) or
 * is gone, as the test says. A hung call is cut at the timeout; after BREAKER_FAILURES of them the
 * breaker opens and calls fail at once; after the half-open time one trial call passes, and its
 * answer closes the breaker again.
 */

let mode: "answer" | "hang" = "answer";
let calls = 0;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    calls += 1;
    req.resume();
    if (mode === "hang") return; // holds the connection, answers nothing
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: { __typename: "Query" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const TIMEOUT_MS = 150;
const HALF_OPEN_MS = 300;
const signer = { sign: async () => "internal-token" };
const context = { actor: { staffId: "hs-1" }, requestId: "r-1", emergencyGrants: [], logger: { warn() {} } };
const ask = (source: InternalTokenDataSource) =>
  source.process({ kind: "INCOMING_OPERATION", request: { query: "{ __typename }" }, context, incomingRequestContext: {}, document: undefined, pathInIncomingRequest: [] } as never);
const codeOf = (response: Awaited<ReturnType<typeof ask>>) => (response.errors?.[0]?.extensions as Record<string, unknown> | undefined) ?? null;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a subgraph that hangs: timeout, breaker open, half-open, closed", () => {
  const breaker = serviceBreaker("housing", { failures: 2, halfOpenAfterMs: HALF_OPEN_MS });
  const source = new InternalTokenDataSource("housing", "http://placeholder.invalid", signer, { breaker, timeoutMs: TIMEOUT_MS });

  beforeAll(async () => {
    source.url = url;
    // The first call of a process also compiles undici's HTTP parser (WebAssembly, on first use),
    // which on a busy machine alone can take longer than this suite's 150 ms timeout: done once
    // here, through another breaker, so the tests below time the calls and nothing else.
    await ask(new InternalTokenDataSource("housing", url, signer, { breaker: serviceBreaker("warm-up"), timeoutMs: 10_000 }));
  });

  test("answering, the call passes and the breaker stays closed", async () => {
    const response = await ask(source);
    expect(response.data).toEqual({ __typename: "Query" });
    expect(breaker.state()).toBe("closed");
  });

  test("hung, each call is cut at the timeout with SUBGRAPH_UNAVAILABLE naming the service; the second opens the breaker", async () => {
    mode = "hang";
    for (const expected of ["closed", "open"]) {
      const started = performance.now();
      const response = await ask(source);
      const took = performance.now() - started;
      expect(response.data).toBeUndefined();
      expect(codeOf(response)).toEqual({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "housing", reason: "TIMEOUT" });
      expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
      expect(took).toBeLessThan(TIMEOUT_MS + 1000);
      expect(breaker.state()).toBe(expected);
    }
  });

  test("open, a call fails at once without reaching the subgraph", async () => {
    const before = calls;
    const started = performance.now();
    const response = await ask(source);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
    expect(codeOf(response)).toEqual({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "housing", reason: "CIRCUIT_OPEN" });
    expect(calls).toBe(before);
  });

  test("after the half-open time one trial call passes; still hung, the breaker opens again", async () => {
    await sleep(HALF_OPEN_MS + 50);
    const before = calls;
    expect(codeOf(await ask(source))?.reason).toBe("TIMEOUT");
    expect(calls).toBe(before + 1);
    expect(breaker.state()).toBe("open");
  });

  test("while the trial call is out, the other calls are refused at once, not held until it ends", async () => {
    // A breaker of its own with a long timeout, so "at once" and "held for the trial" are far apart.
    const own = serviceBreaker("housing", { failures: 1, halfOpenAfterMs: 100 });
    const slow = new InternalTokenDataSource("housing", url, signer, { breaker: own, timeoutMs: 1000 });
    expect(codeOf(await ask(slow))?.reason).toBe("TIMEOUT");
    expect(own.state()).toBe("open");
    await sleep(150);
    const before = calls;
    const trial = ask(slow);
    // The call signs its token before it reaches the breaker: a moment, well within the timeout.
    await sleep(100);
    expect(own.state()).toBe("half-open");
    const others = await Promise.all(
      [1, 2, 3].map(async () => {
        const started = performance.now();
        const response = await ask(slow);
        return { reason: codeOf(response)?.reason, ms: performance.now() - started };
      }),
    );
    for (const other of others) {
      expect(other.reason).toBe("CIRCUIT_OPEN");
      // Held behind the trial, each would take the rest of its timeout: about 900 ms.
      expect(other.ms).toBeLessThan(300);
    }
    expect(codeOf(await trial)?.reason).toBe("TIMEOUT");
    expect(calls).toBe(before + 1);
    expect(own.state()).toBe("open");
  });

  test("back, the next trial call answers and closes the breaker", async () => {
    mode = "answer";
    await sleep(HALF_OPEN_MS + 50);
    expect((await ask(source)).data).toEqual({ __typename: "Query" });
    expect(breaker.state()).toBe("closed");
  });

  test("a subgraph that is gone (connection refused) is UNREACHABLE, not a 500", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = new InternalTokenDataSource("police-liaison", `http://127.0.0.1:${port}/graphql`, signer, { breaker: serviceBreaker("police-liaison"), timeoutMs: TIMEOUT_MS });
    expect(codeOf(await ask(gone))).toEqual({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "police-liaison", reason: "UNREACHABLE" });
  });

  test("an error the subgraph answers with (HTTP 400) is its answer: passed on, the breaker not counting it", async () => {
    const refusing = createServer((req, res) => {
      req.resume();
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: "bad", extensions: { code: "BAD_USER_INPUT" } }] }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
    const own = serviceBreaker("child-services", { failures: 1, halfOpenAfterMs: HALF_OPEN_MS });
    const source400 = new InternalTokenDataSource("child-services", `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/graphql`, signer, { breaker: own, timeoutMs: TIMEOUT_MS });
    try {
      await expect(ask(source400)).rejects.toThrow("400");
      expect(own.state()).toBe("closed");
    } finally {
      await new Promise((resolve) => refusing.close(resolve));
    }
  });
});

describe("readiness: the gateway's own dependencies, not the subgraphs", () => {
  const registry = new Map([["https://idp.example", { issuer: "https://idp.example", agency: "HOUSING", algorithms: ["EdDSA"], keys: async () => ({}) }]]) as never;

  test("an open subgraph breaker is reported, and the replica stays ready", async () => {
    const housing = serviceBreaker("housing", { failures: 1, halfOpenAfterMs: 60_000 });
    await housing.call(() => Promise.reject(Object.assign(new Error("t"), { name: "TimeoutError" }))).catch(() => {});
    const report = await readiness({ registry, breakers: { housing }, auditStore: async () => 1 });
    expect(report).toEqual({ ready: true, dependencies: { auditStore: "ready", supergraph: "loaded", issuerKeys: "ready" }, breakers: { housing: "open" } });
  });

  test("an audit store that fails or does not answer within a second makes the replica unready", async () => {
    expect((await readiness({ registry, breakers: {}, auditStore: () => Promise.reject(new Error("down")) })).ready).toBe(false);
    const hung = await readiness({ registry, breakers: {}, auditStore: () => new Promise(() => {}) });
    expect(hung).toMatchObject({ ready: false, dependencies: { auditStore: "unavailable" } });
  });

  test("issuer keys: ready while one issuer's can be used; none usable, unready", async () => {
    const remote = (ok: boolean) => Object.assign(async () => ({}), { fresh: false, reload: () => (ok ? Promise.resolve() : Promise.reject(new Error("jwks down"))) });
    const one = (keys: unknown, issuer = "https://idp.a") => [issuer, { issuer, agency: "HOUSING", algorithms: ["EdDSA"], keys }] as const;
    expect((await readiness({ registry: new Map([one(remote(false))]) as never, breakers: {} })).dependencies.issuerKeys).toBe("unavailable");
    expect((await readiness({ registry: new Map([one(remote(false)), one(remote(true), "https://idp.b")]) as never, breakers: {} })).ready).toBe(true);
    expect((await readiness({ registry: new Map() as never, breakers: {} })).ready).toBe(false);
  });
});
