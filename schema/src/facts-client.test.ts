import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "@jest/globals";
import { EventStreamParser, FACTS_CHANGES_ROUTE, followFactsChanges } from "./facts-changes.js";
import { cachedFacts, remoteFacts, SUBJECT_FACTS_ROUTE } from "./facts-client.js";
import { type SubjectFacts, unknownSubject } from "./policy/facts.js";
import { INTERNAL_TOKEN_HEADER } from "./transport.js";

const facts = (id: string): SubjectFacts => ({ ...unknownSubject(id), protectionLevel: "NONE" });
const token = () => Promise.resolve("token");
const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await tick(5);
  }
}

describe("cachedFacts", () => {
  test("reuses a subject's facts within the reuse time and asks only for the missing ones", async () => {
    const asked: string[][] = [];
    const cache = cachedFacts(async (ids) => {
      asked.push([...ids]);
      return ids.map(facts);
    }, 60_000);
    await cache(["a", "b"], token);
    expect((await cache(["a", "b", "c"], token)).map((f) => f.id).sort()).toEqual(["a", "b", "c"]);
    expect(asked).toEqual([["a", "b"], ["c"]]);
  });

  test("never keeps an unknown id: a person created a moment later must not stay unknown", async () => {
    let calls = 0;
    const cache = cachedFacts(async () => {
      calls += 1;
      return [];
    }, 60_000);
    await cache(["ghost"], token);
    await cache(["ghost"], token);
    expect(calls).toBe(2);
  });

  test("an answer in flight when the cache is cleared is returned but not kept (it may predate the change)", async () => {
    let release: () => void = () => {};
    let calls = 0;
    const cache = cachedFacts(async (ids) => {
      calls += 1;
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      return ids.map(facts);
    }, 60_000);
    const inFlight = cache(["a"], token);
    await tick();
    cache.clear();
    release();
    expect((await inFlight).map((f) => f.id)).toEqual(["a"]);
    await cache(["a"], token);
    expect(calls).toBe(2);
  });

  test("reads the reuse time at each fetch, and 0 turns reuse off", async () => {
    let reuseMs = 0;
    let calls = 0;
    const cache = cachedFacts(
      async (ids) => {
        calls += 1;
        return ids.map(facts);
      },
      () => reuseMs,
    );
    await cache(["a"], token);
    await cache(["a"], token);
    expect(calls).toBe(2);
    reuseMs = 60_000;
    await cache(["a"], token);
    await cache(["a"], token);
    expect(calls).toBe(3);
  });
});

describe("EventStreamParser", () => {
  test("yields event names across arbitrary chunk boundaries and skips heartbeat comments", () => {
    const parser = new EventStreamParser();
    const bytes = new TextEncoder().encode("event: ready\ndata: {}\n\n: heartbeat\n\nevent: changed\ndata: {}\n\nevent: chan");
    const events = [...bytes].flatMap((byte) => parser.push(Uint8Array.of(byte)));
    expect(events).toEqual(["ready", "changed"]);
    expect(parser.push(new TextEncoder().encode("ged\n\n"))).toEqual(["changed"]);
  });
});

/** A stand-in for social services: the facts route (counting calls) and the change feed. */
async function fakeSocialServices(options: { refuseFeed?: boolean; heartbeatMs?: number } = {}) {
  const streams = new Set<ServerResponse>();
  const seen = { factCalls: 0, feedTokens: [] as (string | undefined)[] };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === FACTS_CHANGES_ROUTE) {
      seen.feedTokens.push(req.headers[INTERNAL_TOKEN_HEADER] as string | undefined);
      if (options.refuseFeed) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("event: ready\ndata: {}\n\n");
      streams.add(res);
      const heartbeat = options.heartbeatMs ? setInterval(() => res.write(": heartbeat\n\n"), options.heartbeatMs) : undefined;
      res.on("close", () => {
        clearInterval(heartbeat);
        streams.delete(res);
      });
      return;
    }
    if (req.url === SUBJECT_FACTS_ROUTE) {
      seen.factCalls += 1;
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify((JSON.parse(body) as { ids: string[] }).ids.map(facts)));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    seen,
    streams,
    publish: () => {
      for (const res of streams) res.write("event: changed\ndata: {}\n\n");
    },
    cutFeed: () => {
      for (const res of streams) res.destroy();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("followFactsChanges", () => {
  test("follows from `ready` with the caller's token, reports every event, and stops following when the feed is cut", async () => {
    const social = await fakeSocialServices();
    cleanups.push(social.stop);
    let events = 0;
    const follower = followFactsChanges(social.url, () => (events += 1));
    cleanups.push(() => follower.close());
    expect(follower.following).toBe(false);
    follower.ensureFollowing(() => Promise.resolve("the-request-token"));
    await until(() => follower.following);
    expect(social.seen.feedTokens).toEqual(["the-request-token"]);
    expect(events).toBe(1);
    social.publish();
    await until(() => events === 2);
    social.cutFeed();
    await until(() => !follower.following);
    expect(events).toBe(3);
  });

  test("a refused subscription leaves it not following, and the next attempt waits", async () => {
    const social = await fakeSocialServices({ refuseFeed: true });
    cleanups.push(social.stop);
    const follower = followFactsChanges(social.url, () => {});
    cleanups.push(() => follower.close());
    follower.ensureFollowing(token);
    await until(() => social.seen.feedTokens.length === 1);
    await tick(50);
    follower.ensureFollowing(token);
    await tick(50);
    expect(follower.following).toBe(false);
    expect(social.seen.feedTokens).toHaveLength(1);
  });

  test("a feed that falls silent counts as lost, and heartbeats keep a quiet feed alive", async () => {
    const timing = { silenceMs: 150, retryMs: 10_000 };
    const silent = await fakeSocialServices();
    const beating = await fakeSocialServices({ heartbeatMs: 30 });
    cleanups.push(silent.stop, beating.stop);
    let silentEvents = 0;
    const fromSilent = followFactsChanges(silent.url, () => (silentEvents += 1), timing);
    const fromBeating = followFactsChanges(beating.url, () => {}, timing);
    cleanups.push(() => fromSilent.close(), () => fromBeating.close());
    fromSilent.ensureFollowing(token);
    fromBeating.ensureFollowing(token);
    await until(() => fromSilent.following && fromBeating.following);
    await tick(450);
    // The silent one was dropped (ready, then lost) and, within the retry wait, is not retried.
    expect({ silent: fromSilent.following, beating: fromBeating.following }).toEqual({ silent: false, beating: true });
    expect(silentEvents).toBe(2);
    fromSilent.ensureFollowing(token);
    await tick(50);
    expect(silent.seen.feedTokens).toHaveLength(1);
  });
});

describe("remoteFacts", () => {
  test("keeps copies while the feed is up and drops them all at a change", async () => {
    const social = await fakeSocialServices();
    cleanups.push(social.stop);
    const source = remoteFacts(social.url, { cacheMs: 60_000, followedCacheMs: 60_000 });
    cleanups.push(() => source.close());
    await source(["a"], token); // connects the feed; `ready` drops what this call kept
    await until(() => social.streams.size === 1);
    await tick();
    await source(["a"], token);
    await source(["a"], token);
    expect(social.seen.factCalls).toBe(2);
    social.publish();
    await tick();
    await source(["a"], token);
    expect(social.seen.factCalls).toBe(3);
  });

  test("without the feed, copies live only for the short reuse time", async () => {
    const social = await fakeSocialServices({ refuseFeed: true });
    cleanups.push(social.stop);
    const source = remoteFacts(social.url, { cacheMs: 50, followedCacheMs: 60_000 });
    cleanups.push(() => source.close());
    await source(["a"], token); // tries the feed, which refuses (dropping what this call kept)
    await until(() => social.seen.feedTokens.length === 1);
    await tick();
    await source(["a"], token);
    await source(["a"], token);
    expect(social.seen.factCalls).toBe(2);
    await tick(80);
    await source(["a"], token);
    expect(social.seen.factCalls).toBe(3);
  });

  test("when the feed is cut, every copy is dropped", async () => {
    const social = await fakeSocialServices();
    cleanups.push(social.stop);
    const source = remoteFacts(social.url, { cacheMs: 60_000, followedCacheMs: 60_000 });
    cleanups.push(() => source.close());
    await source(["a"], token);
    await until(() => social.streams.size === 1);
    await tick();
    await source(["a"], token);
    expect(social.seen.factCalls).toBe(2);
    social.cutFeed();
    await tick();
    await source(["a"], token);
    expect(social.seen.factCalls).toBe(3);
  });
});
