import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { RunningHub } from "@skyddsnat/hub";
import { connectDatabase, type NotificationEvent } from "@skyddsnat/platform";
import { FACTS_AUDIENCE, FACTS_CHANGES_ROUTE, INTERNAL_TOKEN_HEADER } from "@skyddsnat/schema";
import { recordConsent, revokeConsent } from "./support/consents.js";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { startExtraHub } from "./support/extra-hub.js";
import { gql, tokenFor } from "./support/http.js";
import { gatewayToken } from "./support/internal-token.js";
import { hasHousingApplication, QUIET_CLIENTS } from "./support/scenarios.js";

/*
 * Several replicas of social services share one PostgreSQL server. A change written through one
 * must reach the consumers following another, or they would keep a revoked consent's copy for up
 * to a minute: replicas tell each other through PostgreSQL notifications.
 */

async function until(condition: () => boolean | Promise<boolean>, withinMs = 3000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("PostgreSQL notifications between processes", () => {
  test("a notification reaches a listener on another connection; a killed listener says so, comes back, and hears again", async () => {
    const db = await connectDatabase({ url: TEST_DATABASE_URL, schema: "public" });
    const notifications = db.notifications!;
    const events: NotificationEvent[] = [];
    const listener = notifications.listen("replica_probe", (event) => events.push(event));
    try {
      await until(() => events.includes("listening"));
      await notifications.notify("replica_probe");
      await until(() => events.includes("notified"));

      // What a failover or an idle-session timeout does to the listening session.
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "replica_probe"'`);
      await until(() => events.filter((e) => e === "listening").length === 2);
      await notifications.notify("replica_probe");
      await until(() => events.length === 5);
      expect(events).toEqual(["listening", "notified", "lost", "listening", "notified"]);
    } finally {
      await listener.close();
      await db.close();
    }
  });

  test("a channel name that would need quoting is refused before any SQL runs", async () => {
    const db = await connectDatabase({ url: TEST_DATABASE_URL, schema: "public" });
    try {
      await expect(db.notifications!.notify('x"; DROP TABLE y; --')).rejects.toThrow(/invalid Postgres channel name/);
      expect(() => db.notifications!.listen("Has Spaces", () => {})).toThrow(/invalid Postgres channel name/);
    } finally {
      await db.close();
    }
  });
});

/** Social services' change feed on one replica, read as the gateway reads it. */
async function followFeed(socialServicesUrl: string) {
  const abort = new AbortController();
  let response: Response | undefined;
  // Until its listener has connected, a replica's feed is suspended (503): try again shortly.
  await until(async () => {
    response = await fetch(new URL(FACTS_CHANGES_ROUTE, socialServicesUrl), {
      headers: { [INTERNAL_TOKEN_HEADER]: await gatewayToken(FACTS_AUDIENCE) },
      signal: abort.signal,
    });
    if (response.status !== 200) await response.body?.cancel();
    return response.status === 200;
  });
  const reader = (response!.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  const pending = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })();
  const changes = () => text.split("event: changed").length - 1;
  return {
    changes,
    ready: () => text.startsWith("event: ready"),
    close: async () => {
      abort.abort();
      await pending;
    },
  };
}

describe("two hubs on one PostgreSQL server (a second replica of every service)", () => {
  let replica: RunningHub;
  // Not one of the clients the facts-freshness suite changes.
  const client = QUIET_CLIENTS.find((id) => !hasHousingApplication(id)) as string;

  beforeAll(async () => {
    replica = await startExtraHub({});
  });
  afterAll(async () => {
    await replica?.stop();
  });

  test("a consent recorded and revoked through the first hub reaches the second one's change feed and its answers", async () => {
    const feed = await followFeed(replica.subgraphUrls["social-services"]);
    const token = await tokenFor("HOUSING_OFFICER", "ho-3002", "COORDINATED_SUPPORT");
    const caseStatusOnReplica = async () => {
      const response = await gql<{ person: { cases: { status: string | null }[] } }>(
        `{ person(id: "${client}") { cases { status } } }`,
        { url: replica.url, token },
      );
      return response.data?.person.cases?.[0]?.status ?? null;
    };
    try {
      await until(feed.ready);
      expect(await caseStatusOnReplica()).toBeNull();

      const recorded = await recordConsent(client, "housing", "STATUS");
      expect(recorded.errors).toBeUndefined();
      // The replica never saw the mutation: only its sibling's notification can tell it.
      await until(() => feed.changes() >= 1);
      await until(async () => (await caseStatusOnReplica()) !== null, 1000);

      const before = feed.changes();
      const revoked = await revokeConsent(recorded.data?.recordConsent.id, client);
      expect(revoked.errors).toBeUndefined();
      await until(() => feed.changes() > before);
      await until(async () => (await caseStatusOnReplica()) === null, 1000);
    } finally {
      await feed.close();
    }
  });
});
