import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { ensureDevKeys } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import { startPoliceLiaison } from "@skyddsnat/police-liaison";
import { startSocialServices } from "@skyddsnat/social-services";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { sqlOn } from "./support/deployment.js";

/*
 * An agency whose start fails after its database is open (here: its port is taken) closes what it
 * had opened: the connection pools, social services' notification listener, the row reader and a
 * remote agency's facts feed. A supervisor that retries in the same process must not pile up
 * connections on the agency's database with each attempt.
 */

const logger = createLogger("start-failure");
logger.level = "silent";

/** Connections to the test database, other than the one asking. */
const connections = async () =>
  (await sqlOn<{ n: number }>(TEST_DATABASE_URL, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"))[0]?.n ?? 0;

/** The count once it has stopped falling (a closed pool's sessions end a moment later on the server). */
async function settledConnections(): Promise<number> {
  let last = await connections();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await connections();
    if (now === last && i >= 3) return now;
    last = now;
  }
  return last;
}

let taken: Server;
let port: number;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  port = (taken.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe("an agency that cannot listen closes what it opened", () => {
  const options = async () => ({ database: { url: TEST_DATABASE_URL }, gatewayJwks: (await ensureDevKeys()).gateway.publicJwks, logger, migrate: "never" as const, port });

  test("social services (pools and its notification listener): three failed starts leave no connection behind", async () => {
    const before = await settledConnections();
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(startSocialServices(await options())).rejects.toThrow(/EADDRINUSE/);
    }
    expect(await settledConnections()).toBe(before);
  });

  test("police liaison (pools and a facts feed that would follow social services)", async () => {
    const before = await settledConnections();
    await expect(startPoliceLiaison({ ...(await options()), factsUrl: "http://127.0.0.1:9/graphql" })).rejects.toThrow(/EADDRINUSE/);
    expect(await settledConnections()).toBe(before);
  });

  test("the same start on a free port serves, and its stop closes the same connections", async () => {
    const before = await settledConnections();
    const running = await startSocialServices({ ...(await options()), port: 0 });
    expect(await connections()).toBeGreaterThan(before);
    await running.stop();
    expect(await settledConnections()).toBe(before);
  });
});
