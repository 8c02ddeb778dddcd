import { FrontDoorSettingError, frontDoorFromEnv } from "@skyddsnat/gateway";
import { createLogger } from "@skyddsnat/platform";
import { databasesFromEnv, portsFromEnv, seedScaleFromEnv } from "../config.js";
import { startHub } from "../hub.js";
import { DEMO_STAFF } from "../seed/index.js";

/**
 * `npm start`: the whole hub with seeded demo data (SEED_SCALE times the demo population), on
 * embedded PGlite unless DATABASE_URL points at a PostgreSQL server.
 */
const logger = createLogger("skyddsnat");
const databases = databasesFromEnv();
const frontDoor = await frontDoorFromEnv(process.env).catch((error: unknown) => {
  if (!(error instanceof FrontDoorSettingError)) throw error;
  logger.fatal({ variable: error.variable }, `configuration: ${error.message}`);
  process.exit(2);
});
let seedScale: number;
try {
  seedScale = seedScaleFromEnv();
} catch (error) {
  logger.fatal({ variable: "SEED_SCALE" }, `configuration: ${(error as Error).message}`);
  process.exit(2);
}
const hub = await startHub({
  frontDoor,
  ports: portsFromEnv(),
  databases,
  logger,
  seed: process.env.SEED !== "false",
  seedScale,
  reset: process.env.RESET_DATABASES === "true",
});

const staff = Object.entries(DEMO_STAFF)
  .map(([role, ids]) => `    ${role.padEnd(24)} ${(ids as readonly string[]).join(", ")}`)
  .join("\n");
process.stdout.write(`
  Skyddsnät is running at ${hub.url}  (GraphiQL: ${hub.url.replace(/\/graphql$/, "/")})
  Databases: ${databases.urlFor("social-services") ? "PostgreSQL" : "embedded PGlite (in memory)"}

  Get a token, then send it as "Authorization: Bearer <token>":
    npm run -s token -- --agency social-services --role SOCIAL_SECRETARY --sub ss-1001

  Demo staff:
${staff}
`);

async function shutdown(signal: string) {
  logger.info({ signal }, "stopping");
  await hub.stop();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
