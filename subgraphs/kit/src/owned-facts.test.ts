import type { ServerResponse } from "node:http";
import { describe, expect, test } from "@jest/globals";
import { createLogger, type NotificationEvent, type Notifications } from "@skyddsnat/platform";
import type { SubjectFacts } from "@skyddsnat/schema";
import { ownFacts } from "./owned-facts.js";

const logger = createLogger("owned-facts-test");
const facts = (id: string): SubjectFacts => ({ id, protectionLevel: "NONE", householdLevels: [], caseUnits: [], custodians: [], birthDate: null, quarantined: false, assignments: [], consents: [] });
const token = () => Promise.resolve("unused");

/** The database's notifications, driven by the test: `emit` plays what the listener hears. */
function fakeNotifications() {
  const sent: string[] = [];
  let listener: ((event: NotificationEvent) => void) | undefined;
  const notifications: Notifications = {
    notify: async (channel) => {
      sent.push(channel);
    },
    listen: (_channel, onEvent) => {
      listener = onEvent;
      return { close: async () => {} };
    },
  };
  return { notifications, sent, emit: (event: NotificationEvent) => listener?.(event) };
}

/** A subscriber's end of the feed: what was written to it and whether it was ended. */
function subscriber() {
  const seen = { written: "", ended: false };
  const res = {
    writeHead: () => res,
    write: (text: string) => {
      seen.written += text;
      return true;
    },
    end: () => {
      seen.ended = true;
    },
    on: () => res,
  } as unknown as ServerResponse;
  return { res, seen };
}

function owner(notifications: Notifications | undefined) {
  const loads = { count: 0 };
  const load = async (ids: readonly string[]) => {
    loads.count += 1;
    return ids.map(facts);
  };
  // Short reuse while a replica cannot hear its siblings, long while it can: 50 ms vs a minute.
  return { owned: ownFacts(load, notifications, logger, { cacheMs: 50, followedCacheMs: 60_000 }), loads };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ownFacts on a database only this process opens (PGlite)", () => {
  test("keeps copies long, serves its feed at once, and drops copies and tells the feed at each mutation", async () => {
    const { owned, loads } = owner(undefined);
    const { res, seen } = subscriber();
    expect(owned.feed.subscribe(res)).toBe(true);
    await owned.facts(["per_1"], token);
    await pause(80);
    await owned.facts(["per_1"], token);
    expect(loads.count).toBe(1);
    owned.changed();
    expect(seen.written).toContain("event: changed");
    await owned.facts(["per_1"], token);
    expect(loads.count).toBe(2);
    owned.feed.close();
  });
});

describe("ownFacts on a shared PostgreSQL server (replicas)", () => {
  test("until its listener connects, its feed refuses subscribers and its copies live only briefly", async () => {
    const fake = fakeNotifications();
    const { owned, loads } = owner(fake.notifications);
    expect(owned.feed.subscribe(subscriber().res)).toBe(false);
    await owned.facts(["per_1"], token);
    await pause(80);
    await owned.facts(["per_1"], token);
    expect(loads.count).toBe(2);

    fake.emit("listening");
    expect(owned.feed.subscribe(subscriber().res)).toBe(true);
    await owned.facts(["per_1"], token);
    await pause(80);
    await owned.facts(["per_1"], token);
    expect(loads.count).toBe(3);
    owned.feed.close();
  });

  test("its own mutation notifies the siblings; a sibling's notification drops copies and tells the feed", async () => {
    const fake = fakeNotifications();
    const { owned, loads } = owner(fake.notifications);
    fake.emit("listening");
    const { res, seen } = subscriber();
    owned.feed.subscribe(res);

    owned.changed();
    await pause(0);
    expect(fake.sent).toEqual(["skyddsnat_facts_changed"]);

    await owned.facts(["per_1"], token);
    seen.written = "";
    fake.emit("notified");
    expect(seen.written).toContain("event: changed");
    await owned.facts(["per_1"], token);
    expect(loads.count).toBe(2);
    owned.feed.close();
  });

  test("losing the listener ends every subscription, refuses new ones and shortens reuse, until it is back", async () => {
    const fake = fakeNotifications();
    const { owned, loads } = owner(fake.notifications);
    fake.emit("listening");
    const { res, seen } = subscriber();
    owned.feed.subscribe(res);
    await owned.facts(["per_1"], token);

    fake.emit("lost");
    expect(seen.ended).toBe(true);
    expect(owned.feed.size).toBe(0);
    expect(owned.feed.subscribe(subscriber().res)).toBe(false);
    await owned.facts(["per_1"], token);
    await pause(80);
    await owned.facts(["per_1"], token);
    expect(loads.count).toBe(3);

    fake.emit("listening");
    expect(owned.feed.subscribe(subscriber().res)).toBe(true);
    owned.feed.close();
  });
});
