// Plain JavaScript: Jest runs global setup outside its transform, and the hub is already built.
import { randomPorts, startHub } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import { TEST_DATABASE_URL } from "./database-url.mjs";
import { claimTestDatabase } from "./test-database.mjs";

export default async function globalSetup() {
  process.env.LOG_LEVEL ??= "warn";
  // Before anything is reset: only a database the suite created, or an empty one.
  await claimTestDatabase(TEST_DATABASE_URL);
  const hub = await startHub({
    ports: randomPorts(),
    databases: { urlFor: () => TEST_DATABASE_URL },
    logger: createLogger("test-hub"),
    reset: true,
    seed: true,
    // The built web app and GraphiQL, as `npm start` serves them (test/src/browser).
    webApp: {},
  });
  globalThis.__SKYDDSNAT_HUB__ = hub;
  process.env.HUB_URL = hub.url;
  process.env.HUB_SUBGRAPH_URLS = JSON.stringify(hub.subgraphUrls);
}
