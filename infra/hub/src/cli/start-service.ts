import { readFile } from "node:fs/promises";
import type { AuditDatabase, FrontDoorSettings, IssuerConfig } from "@skyddsnat/gateway";
import { createLogger, type Logger, PendingMigrationsError, serveMetrics, stopTelemetry } from "@skyddsnat/platform";
import { assertGatewayKeySet, SUBGRAPHS } from "@skyddsnat/schema";
import type { JWK } from "jose";
import { ConfigurationError, readEnvironment, type Settings, settingProblem, variablesOf } from "../environment/read-environment.js";
import type { Process } from "../environment/variables.js";

/**
 * One service of the hub per process, configured from the environment alone (one container per
 * service, infra/deploy/), read through the one table of variables (environment/variables.ts).
 * Key material comes from files mounted from Secrets; it is never generated, derived or printed
 * here. A bad or missing setting stops the process with exit 2 and names the variable, never its
 * value. MIGRATE=only applies the service's migrations and exits (the release's migration Job);
 * MIGRATE=never serves without migrating (the gateway: with the audit writer's login alone) and
 * exits 1 while a migration is pending.
 */

/**
 * Each service's code, loaded only in its own process: an agency's process does not load the
 * gateway or the other agencies (about 0.6 s of start-up and 45 MB of RSS less each; README,
 * "Cost with the data, the subgraphs' CPU and memory").
 */
const AGENCY_SERVICES = {
  "social-services": async () => {
    const { socialServices, startSocialServices } = await import("@skyddsnat/social-services");
    return { definition: socialServices, start: startSocialServices };
  },
  housing: async () => {
    const { housing, startHousing } = await import("@skyddsnat/housing");
    return { definition: housing, start: startHousing };
  },
  "police-liaison": async () => {
    const { policeLiaison, startPoliceLiaison } = await import("@skyddsnat/police-liaison");
    return { definition: policeLiaison, start: startPoliceLiaison };
  },
  "child-services": async () => {
    const { childServices, startChildServices } = await import("@skyddsnat/child-services");
    return { definition: childServices, start: startChildServices };
  },
} as const;
type AgencyService = keyof typeof AGENCY_SERVICES;
const gatewayCode = () => import("@skyddsnat/gateway");

type Service = NonNullable<Settings["SKYDDSNAT_SERVICE"]>;

/** A required setting: readEnvironment has refused to go on without it in this process. */
function given<Value>(value: Value | undefined, variable: string): Value {
  if (value === undefined) throw settingProblem(variable, "is required");
  return value;
}

/** Reads JSON from the file named by `name`; parse errors are not passed on (they quote the text). */
async function jsonFile(name: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw settingProblem(name, `cannot read the file it names (${path})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw settingProblem(name, `the file it names (${path}) is not valid JSON`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The gateway's public keys (subgraphs trust no one else); a private part here would leak to every subgraph. */
async function gatewayJwks(path: string): Promise<{ keys: JWK[] }> {
  const jwks = await jsonFile("GATEWAY_JWKS_FILE", path);
  const keys = isObject(jwks) ? jwks.keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => isObject(key) && typeof key.kid === "string")) {
    throw settingProblem("GATEWAY_JWKS_FILE", 'must hold a JWKS ({"keys": [...]}) whose keys each have a kid');
  }
  try {
    // The subgraphs' own check of the key set they verify internal tokens with, run before they start.
    assertGatewayKeySet(jwks);
  } catch {
    throw settingProblem("GATEWAY_JWKS_FILE", "must hold public keys only, Ed25519 signing keys among them");
  }
  return { keys: keys as JWK[] };
}

async function gatewayPrivateKey(path: string, publicJwks: { keys: JWK[] }): Promise<{ privateJwk: JWK; kid: string }> {
  const jwk = await jsonFile("GATEWAY_PRIVATE_JWK_FILE", path);
  if (!isObject(jwk) || jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.d !== "string" || typeof jwk.kid !== "string") {
    throw settingProblem("GATEWAY_PRIVATE_JWK_FILE", "must hold one Ed25519 private JWK (kty OKP, crv Ed25519, d, kid)");
  }
  if (!publicJwks.keys.some((key) => key.kid === jwk.kid && key.x === jwk.x)) {
    throw settingProblem("GATEWAY_PRIVATE_JWK_FILE", "its key is not in GATEWAY_JWKS_FILE: the subgraphs would refuse every request");
  }
  return { privateJwk: jwk as JWK, kid: jwk.kid };
}

async function issuers(path: string): Promise<IssuerConfig[]> {
  const list = await jsonFile("ISSUERS_FILE", path);
  if (!Array.isArray(list) || list.length === 0 || !list.every((issuer) => isObject(issuer) && typeof issuer.issuer === "string")) {
    throw settingProblem("ISSUERS_FILE", "must hold a non-empty array of issuers ({issuer, agency, algorithms, jwks, claims?}; jwks {keys}, {uri} or {discovery: true})");
  }
  try {
    // The gateway builds the same registry at start-up; building it here first turns a bad entry
    // (unknown agency, symmetric algorithm, private key, plain-HTTP JWKS or discovery, unreadable claim mapping) into a configuration
    // error before anything connects. Its messages name the issuer, never a key.
    (await gatewayCode()).createIssuerRegistry(list as IssuerConfig[]);
  } catch (error) {
    throw settingProblem("ISSUERS_FILE", (error as Error).message);
  }
  return list as IssuerConfig[];
}

/** The audit chain's HMAC key: at least 32 random bytes, base64 in a file of its own. */
async function auditChainKey(path: string): Promise<Uint8Array> {
  const text = await readFile(path, "utf8").catch(() => {
    throw settingProblem("AUDIT_CHAIN_KEY_FILE", `cannot read the file it names (${path})`);
  });
  const key = Buffer.from(text.trim(), "base64");
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(text.trim()) || key.length < 32) {
    throw settingProblem("AUDIT_CHAIN_KEY_FILE", "must hold at least 32 bytes, base64-encoded");
  }
  return new Uint8Array(key);
}

/** An agency's service; with MIGRATE=only, its migrations (and the runtime role's grants) alone. */
async function startAgencyService(name: AgencyService, settings: Settings, logger: Logger): Promise<Running | null> {
  const database = { url: given(settings.DATABASE_URL, "DATABASE_URL") };
  const agency = await AGENCY_SERVICES[name]();
  if (settings.MIGRATE === "only") {
    const { migrateAgency } = await import("@skyddsnat/subgraph-kit");
    await migrateAgency(agency.definition, database, settings.RUNTIME_ROLE);
    logger.info({ runtimeRole: settings.RUNTIME_ROLE ?? null }, "migrations applied");
    return null;
  }
  if (name !== "social-services" && !settings.FACTS_URL) throw settingProblem("FACTS_URL", "is required (an http(s) URL)");
  return agency.start({
    database,
    gatewayJwks: await gatewayJwks(given(settings.GATEWAY_JWKS_FILE, "GATEWAY_JWKS_FILE")),
    logger,
    port: settings.PORT ?? SUBGRAPHS.find((subgraph) => subgraph.name === name)?.port ?? 4001,
    host: settings.HOST,
    migrate: settings.MIGRATE,
    factsCache: { cacheMs: settings.FACTS_CACHE_MS, followedCacheMs: settings.FACTS_FOLLOWED_CACHE_MS },
    ...(name === "social-services" ? {} : { factsUrl: given(settings.FACTS_URL, "FACTS_URL") }),
  });
}

/** Operation limits, trusted documents, CORS and timeouts; an unusable one names its variable. */
async function frontDoor(): Promise<FrontDoorSettings> {
  const { FrontDoorSettingError, frontDoorFromEnv } = await gatewayCode();
  try {
    return await frontDoorFromEnv(variablesOf("gateway", process.env));
  } catch (error) {
    if (error instanceof FrontDoorSettingError) throw settingProblem(error.variable, error.problem);
    throw error;
  }
}

/**
 * The audit store's logins. With MIGRATE=never only the writer's own (AUDIT_WRITER_DATABASE_URL,
 * else DATABASE_URL's server with the writer as user): the owner's is refused, so a serving
 * gateway cannot hold it. Otherwise the owner (AUDIT_OWNER_DATABASE_URL, else DATABASE_URL) too.
 */
async function auditDatabase(settings: Settings): Promise<AuditDatabase> {
  const { AUDIT_WRITER_ROLE, loginAs } = await gatewayCode();
  const writer = settings.AUDIT_WRITER_DATABASE_URL ? { writerUrl: settings.AUDIT_WRITER_DATABASE_URL } : {};
  if (settings.MIGRATE === "never") {
    if (settings.AUDIT_OWNER_DATABASE_URL) throw settingProblem("AUDIT_OWNER_DATABASE_URL", "must be unset with MIGRATE=never: the gateway serves with the audit writer's login only");
    const writerUrl = settings.AUDIT_WRITER_DATABASE_URL ?? (settings.DATABASE_URL ? loginAs(settings.DATABASE_URL, AUDIT_WRITER_ROLE) : undefined);
    if (!writerUrl) throw settingProblem("AUDIT_WRITER_DATABASE_URL", "is required with MIGRATE=never (a postgres:// URL; or DATABASE_URL)");
    return { writerUrl };
  }
  const url = settings.AUDIT_OWNER_DATABASE_URL ?? settings.DATABASE_URL;
  if (!url) throw settingProblem("AUDIT_OWNER_DATABASE_URL", "is required (a postgres:// URL; or DATABASE_URL)");
  return { url, ...writer };
}

/** The gateway with the audit trail it owns; the auditors' subgraph runs beside it on loopback. */
async function startGatewayService(settings: Settings, logger: Logger): Promise<Running | null> {
  if (settings.MIGRATE === "only") {
    // Migrates as the owner, locks the schema down, and checks the writer's login is append-only.
    const store = await (await gatewayCode()).openAuditStore(await auditDatabase(settings));
    await store.close();
    logger.info("audit store migrated");
    return null;
  }
  // Read first: a MIGRATE=never gateway given the owner's login stops here, before any key is read.
  const database = await auditDatabase(settings);
  const publicJwks = await gatewayJwks(given(settings.GATEWAY_JWKS_FILE, "GATEWAY_JWKS_FILE"));
  const internalKey = await gatewayPrivateKey(given(settings.GATEWAY_PRIVATE_JWK_FILE, "GATEWAY_PRIVATE_JWK_FILE"), publicJwks);
  const chainKey = await auditChainKey(given(settings.AUDIT_CHAIN_KEY_FILE, "AUDIT_CHAIN_KEY_FILE"));
  const trusted = await issuers(given(settings.ISSUERS_FILE, "ISSUERS_FILE"));
  const door = await frontDoor();
  const subgraphUrls = {
    "social-services": given(settings.SOCIAL_SERVICES_URL, "SOCIAL_SERVICES_URL"),
    housing: given(settings.HOUSING_URL, "HOUSING_URL"),
    "police-liaison": given(settings.POLICE_LIAISON_URL, "POLICE_LIAISON_URL"),
    "child-services": given(settings.CHILD_SERVICES_URL, "CHILD_SERVICES_URL"),
  };
  const { startAuditedGateway } = await import("../audited-gateway.js");
  return startAuditedGateway({
    auditDatabase: database,
    auditMigrate: settings.MIGRATE === "never" ? "never" : "at-start",
    ...(settings.AUDIT_WITNESS ? { witness: settings.AUDIT_WITNESS } : {}),
    keys: { internalKey, publicJwks, chainKey },
    issuers: trusted,
    subgraphUrls,
    logger,
    port: settings.PORT ?? 4000,
    host: settings.HOST,
    frontDoor: door,
    factsCache: { cacheMs: settings.FACTS_CACHE_MS, followedCacheMs: settings.FACTS_FOLLOWED_CACHE_MS },
  });
}

interface Running {
  stop(): Promise<void>;
}

/** The process to read settings for; an unknown SKYDDSNAT_SERVICE is refused by the schema. */
function reading(env: NodeJS.ProcessEnv): Process {
  if (env.MIGRATE?.trim() === "only") return "migrate";
  return env.SKYDDSNAT_SERVICE?.trim() === "gateway" ? "gateway" : "agency";
}
let settings: Settings | undefined;
let problem: ConfigurationError | undefined;
try {
  settings = readEnvironment(reading(process.env), process.env);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  problem = error;
}
const service: Service | undefined = settings?.SKYDDSNAT_SERVICE;
// Only a known name is bound to every log line: an unknown one is whatever the environment says.
const logger = createLogger("skyddsnat", { service: service ?? "unknown" }, { level: settings?.LOG_LEVEL ?? "info" });
try {
  if (problem) throw problem;
  const chosen = given(settings, "SKYDDSNAT_SERVICE");
  const running = chosen.SKYDDSNAT_SERVICE === "gateway" ? await startGatewayService(chosen, logger) : await startAgencyService(chosen.SKYDDSNAT_SERVICE as AgencyService, chosen, logger);
  if (!running) process.exit(0);
  const metrics = chosen.METRICS_PORT === null ? undefined : await serveMetrics(chosen.METRICS_PORT, chosen.METRICS_HOST ?? chosen.HOST);
  if (metrics) logger.info({ port: metrics.port }, "metrics listening");
  const shutdown = (signal: string) => {
    logger.info({ signal }, "stopping");
    running.stop().then(
      async () => {
        await metrics?.stop();
        await stopTelemetry();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "stopped with an error");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  if (error instanceof ConfigurationError) {
    logger.fatal({ variable: error.variable, variables: error.problems.map((p) => p.variable) }, `configuration: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof PendingMigrationsError) {
    logger.fatal({ pending: error.pending }, "migrations pending: run the release's migration Job first (MIGRATE=only)");
    process.exit(1);
  }
  // safeError (the logger's serializer) keeps the type and stack, never the message.
  logger.fatal({ err: error }, "could not start");
  process.exit(1);
}
