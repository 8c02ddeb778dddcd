import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FrontDoorSettingError, frontDoorFromEnv } from "@skyddsnat/gateway";
import { createLogger, serveMetrics, stopTelemetry } from "@skyddsnat/platform";
import { databasesFrom, portsFrom, usesEmbedded } from "../config.js";
import { ConfigurationError, readEnvironment, type Settings, variablesOf } from "../environment/read-environment.js";
import { startHub } from "../hub.js";
import { DEMO_STAFF } from "../seed/index.js";

/**
 * `npm start`: the whole hub with seeded demo data (SEED_SCALE times the demo population), on embedded PGlite unless DATABASE_URL
 * points at a PostgreSQL server. Every setting is read through the one table of variables
 * (environment/variables.ts); a bad one exits 2 naming the variable, never its value.
 */
let settings: Settings;
try {
  settings = readEnvironment("hub", process.env);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  createLogger("skyddsnat").fatal({ variable: error.variable, variables: error.problems.map((p) => p.variable) }, `configuration: ${error.message}`);
  process.exit(2);
}
const logger = createLogger("skyddsnat", {}, { level: settings.LOG_LEVEL });
const configured = databasesFrom(settings);
/**
 * Embedded PGlite without PGLITE_DATA_DIR: a fresh directory per start, removed at stop, so each
 * start is the fresh demo an in-memory database would be. Kept in memory instead, the database's
 * files (the audit trail among them, which only grows) would stay in this process's RSS: 486 ->
 * 894 MB over five minutes of client views (README, "Cost with the data"). On disk they are the
 * page cache's.
 */
const scratch = usesEmbedded(configured) && !configured.dataDir ? await mkdtemp(join(tmpdir(), "skyddsnat-pglite-")) : undefined;
const databases = scratch ? { ...configured, dataDir: scratch } : configured;
const removeScratch = () => (scratch ? rm(scratch, { recursive: true, force: true }) : Promise.resolve());
const frontDoor = await frontDoorFromEnv(variablesOf("hub", process.env)).catch((error: unknown) => {
  if (!(error instanceof FrontDoorSettingError)) throw error;
  logger.fatal({ variable: error.variable }, `configuration: ${error.message}`);
  process.exit(2);
});
const hub = await startHub({
  frontDoor,
  ports: portsFrom(settings),
  databases,
  logger,
  seed: settings.SEED,
  seedScale: settings.SEED_SCALE,
  reset: settings.RESET_DATABASES,
  identityProviders: settings.IDENTITY_PROVIDERS,
  // GraphiQL at / and the users' web app at /app/ (web/dist, built by `npm start`'s turbo build).
  webApp: {},
  factsCache: { cacheMs: settings.FACTS_CACHE_MS, followedCacheMs: settings.FACTS_FOLLOWED_CACHE_MS },
  ...(settings.AUDIT_WITNESS ? { witness: settings.AUDIT_WITNESS } : {}),
}).catch(async (error: unknown) => {
  await removeScratch();
  throw error;
});

// One process, one /metrics: every service's series, each labelled with its service.
// HUB_PORTS=random: a free port for the metrics too.
const metricsPort = settings.METRICS_PORT === null ? null : settings.HUB_PORTS === "random" ? 0 : settings.METRICS_PORT;
const metrics = metricsPort === null ? undefined : await serveMetrics(metricsPort, settings.METRICS_HOST ?? "127.0.0.1");
if (metrics) logger.info({ port: metrics.port, url: metrics.url }, "metrics listening");

const staff = Object.entries(DEMO_STAFF)
  .map(([role, ids]) => `    ${role.padEnd(24)} ${(ids as readonly string[]).join(", ")}`)
  .join("\n");
const signIn = hub.identityProviders
  ? `
  Or sign in with OpenID Connect (development providers, no passwords; client id ${hub.identityProviders.clientId}):
${hub.identityProviders.issuers.map((i) => `    ${i.agency.padEnd(24)} ${i.issuer}`).join("\n")}
`
  : "";
process.stdout.write(`
  Skyddsnät is running at ${hub.url}  (GraphiQL: ${hub.url.replace(/\/graphql$/, "/")})
  Databases: ${usesEmbedded(databases) ? `embedded PGlite (${scratch ? `${scratch}, removed at stop` : databases.dataDir})` : "PostgreSQL"}
  Metrics:   ${metrics ? metrics.url : "off"}

  Get a token, then send it as "Authorization: Bearer <token>":
    npm run -s token -- --agency social-services --role SOCIAL_SECRETARY --sub ss-1001
${signIn}
  Demo staff:
${staff}
`);

async function shutdown(signal: string) {
  logger.info({ signal }, "stopping");
  await hub.stop();
  await removeScratch();
  await metrics?.stop();
  await stopTelemetry();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
