import { FrontDoorSettingError, frontDoorFromEnv } from "@skyddsnat/gateway";
import { createLogger, serveMetrics, stopTelemetry } from "@skyddsnat/platform";
import { databasesFromEnv, portsFromEnv } from "../config.js";
import { MetricsSettingError, metricsFromEnv } from "../observability-config.js";
import { startHub } from "../hub.js";
import { DEMO_STAFF } from "../seed/index.js";

/**
 * `npm start`: the whole hub with seeded demo data, on embedded PGlite unless DATABASE_URL
 * points at a PostgreSQL server.
 */
const logger = createLogger("skyddsnat");
const databases = databasesFromEnv();
const frontDoor = await frontDoorFromEnv(process.env).catch((error: unknown) => {
  if (!(error instanceof FrontDoorSettingError)) throw error;
  logger.fatal({ variable: error.variable }, `configuration: ${error.message}`);
  process.exit(2);
});
let metricsSettings: ReturnType<typeof metricsFromEnv>;
try {
  // HUB_PORTS=random: a free port for the metrics too.
  metricsSettings = metricsFromEnv(process.env.HUB_PORTS === "random" ? { METRICS_PORT: "0", ...process.env } : process.env, "127.0.0.1");
} catch (error) {
  if (!(error instanceof MetricsSettingError)) throw error;
  logger.fatal({ variable: error.variable }, `configuration: ${error.message}`);
  process.exit(2);
}
const hub = await startHub({
  frontDoor,
  ports: portsFromEnv(),
  databases,
  logger,
  seed: process.env.SEED !== "false",
  reset: process.env.RESET_DATABASES === "true",
});

// One process, one /metrics: every service's series, each labelled with its service.
const metrics = metricsSettings ? await serveMetrics(metricsSettings.port, metricsSettings.host) : undefined;
if (metrics) logger.info({ port: metrics.port, url: metrics.url }, "metrics listening");

const staff = Object.entries(DEMO_STAFF)
  .map(([role, ids]) => `    ${role.padEnd(24)} ${(ids as readonly string[]).join(", ")}`)
  .join("\n");
process.stdout.write(`
  Skyddsnät is running at ${hub.url}  (GraphiQL: ${hub.url.replace(/\/graphql$/, "/")})
  Databases: ${databases.urlFor("social-services") ? "PostgreSQL" : "embedded PGlite (in memory)"}
  Metrics:   ${metrics ? metrics.url : "off"}

  Get a token, then send it as "Authorization: Bearer <token>":
    npm run -s token -- --agency social-services --role SOCIAL_SECRETARY --sub ss-1001

  Demo staff:
${staff}
`);

async function shutdown(signal: string) {
  logger.info({ signal }, "stopping");
  await hub.stop();
  await metrics?.stop();
  await stopTelemetry();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
