import { readFile } from "node:fs/promises";
import { startChildServices } from "@skyddsnat/child-services";
import { createIssuerRegistry, FrontDoorSettingError, type FrontDoorSettings, frontDoorFromEnv, type IssuerConfig } from "@skyddsnat/gateway";
import { startHousing } from "@skyddsnat/housing";
import { createLogger, serveMetrics, stopTelemetry } from "@skyddsnat/platform";
import { startPoliceLiaison } from "@skyddsnat/police-liaison";
import { assertGatewayKeySet, SUBGRAPHS } from "@skyddsnat/schema";
import { startSocialServices } from "@skyddsnat/social-services";
import type { JWK } from "jose";
import { parseWitness, type WitnessConfig } from "../audit-config.js";
import { startAuditedGateway } from "../audited-gateway.js";
import { MetricsSettingError, metricsFromEnv } from "../observability-config.js";

/**
 * One service of the hub per process, configured from the environment alone (one container per
 * service, infra/deploy/). Key material comes from files mounted from Secrets; it is never
 * generated, derived or printed here. A bad or missing setting stops the process with exit 2 and
 * names the variable, never its value.
 */

const AGENCY_SERVICES = {
  "social-services": startSocialServices,
  housing: startHousing,
  "police-liaison": startPoliceLiaison,
  "child-services": startChildServices,
} as const;
type AgencyService = keyof typeof AGENCY_SERVICES;
const SERVICES = ["gateway", ...Object.keys(AGENCY_SERVICES)] as const;

class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

const env = (name: string): string | undefined => process.env[name]?.trim() || undefined;

function required(name: string): string {
  const value = env(name);
  if (!value) throw new ConfigError(name, "is required");
  return value;
}

function port(name: string, fallback: number): number {
  const value = env(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) throw new ConfigError(name, "must be a port number (1-65535)");
  return parsed;
}

function httpUrl(name: string): string {
  const value = required(name);
  try {
    if (["http:", "https:"].includes(new URL(value).protocol)) return value;
  } catch {}
  throw new ConfigError(name, "must be an http(s) URL");
}

/** A deployment keeps its data on PostgreSQL; embedded PGlite would lose it and cannot be shared by replicas. */
function databaseUrl(): string {
  const value = required("DATABASE_URL");
  if (!/^postgres(ql)?:\/\//.test(value)) throw new ConfigError("DATABASE_URL", "must be a postgres:// URL");
  return value;
}

/** A second postgres:// URL for the audit store (the owner's or the writer's login), if set. */
function optionalDatabaseUrl(name: string): string | undefined {
  const value = env(name);
  if (value && !/^postgres(ql)?:\/\//.test(value)) throw new ConfigError(name, "must be a postgres:// URL");
  return value;
}

function auditWitness(): WitnessConfig | undefined {
  const value = env("AUDIT_WITNESS");
  if (!value) return undefined;
  try {
    return parseWitness(value);
  } catch {
    throw new ConfigError("AUDIT_WITNESS", "must be file:<path> or nats://host:port/<stream>");
  }
}

/** Reads JSON from the file named by `name`; parse errors are not passed on (they quote the text). */
async function jsonFile(name: string): Promise<unknown> {
  const path = required(name);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ConfigError(name, `cannot read the file it names (${path})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(name, `the file it names (${path}) is not valid JSON`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The gateway's public keys (subgraphs trust no one else); a private part here would leak to every subgraph. */
async function gatewayJwks(): Promise<{ keys: JWK[] }> {
  const jwks = await jsonFile("GATEWAY_JWKS_FILE");
  const keys = isObject(jwks) ? jwks.keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => isObject(key) && typeof key.kid === "string")) {
    throw new ConfigError("GATEWAY_JWKS_FILE", 'must hold a JWKS ({"keys": [...]}) whose keys each have a kid');
  }
  try {
    // The subgraphs' own check of the key set they verify internal tokens with, run before they start.
    assertGatewayKeySet(jwks);
  } catch {
    throw new ConfigError("GATEWAY_JWKS_FILE", "must hold public keys only, Ed25519 signing keys among them");
  }
  return { keys: keys as JWK[] };
}

async function gatewayPrivateKey(publicJwks: { keys: JWK[] }): Promise<{ privateJwk: JWK; kid: string }> {
  const jwk = await jsonFile("GATEWAY_PRIVATE_JWK_FILE");
  if (!isObject(jwk) || jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.d !== "string" || typeof jwk.kid !== "string") {
    throw new ConfigError("GATEWAY_PRIVATE_JWK_FILE", "must hold one Ed25519 private JWK (kty OKP, crv Ed25519, d, kid)");
  }
  if (!publicJwks.keys.some((key) => key.kid === jwk.kid && key.x === jwk.x)) {
    throw new ConfigError("GATEWAY_PRIVATE_JWK_FILE", "its key is not in GATEWAY_JWKS_FILE: the subgraphs would refuse every request");
  }
  return { privateJwk: jwk as JWK, kid: jwk.kid };
}

async function issuers(): Promise<IssuerConfig[]> {
  const list = await jsonFile("ISSUERS_FILE");
  if (!Array.isArray(list) || list.length === 0 || !list.every((issuer) => isObject(issuer) && typeof issuer.issuer === "string")) {
    throw new ConfigError("ISSUERS_FILE", "must hold a non-empty array of issuers ({issuer, agency, algorithms, jwks})");
  }
  try {
    // The gateway builds the same registry at start-up; building it here first turns a bad entry
    // (unknown agency, symmetric algorithm, private key, plain-HTTP JWKS) into a configuration
    // error before anything connects. Its messages name the issuer, never a key.
    createIssuerRegistry(list as IssuerConfig[]);
  } catch (error) {
    throw new ConfigError("ISSUERS_FILE", (error as Error).message);
  }
  return list as IssuerConfig[];
}

/** The audit chain's HMAC key: at least 32 random bytes, base64 in a file of its own. */
async function auditChainKey(): Promise<Uint8Array> {
  const path = required("AUDIT_CHAIN_KEY_FILE");
  const text = await readFile(path, "utf8").catch(() => {
    throw new ConfigError("AUDIT_CHAIN_KEY_FILE", `cannot read the file it names (${path})`);
  });
  const key = Buffer.from(text.trim(), "base64");
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(text.trim()) || key.length < 32) {
    throw new ConfigError("AUDIT_CHAIN_KEY_FILE", "must hold at least 32 bytes, base64-encoded");
  }
  return new Uint8Array(key);
}

async function startAgencyService(name: AgencyService, logger: ReturnType<typeof createLogger>) {
  const listenPort = port("PORT", SUBGRAPHS.find((subgraph) => subgraph.name === name)?.port ?? 4001);
  return AGENCY_SERVICES[name]({
    database: { url: databaseUrl() },
    gatewayJwks: await gatewayJwks(),
    logger,
    port: listenPort,
    host: env("HOST") ?? "0.0.0.0",
    ...(name === "social-services" ? {} : { factsUrl: httpUrl("FACTS_URL") }),
  });
}

/** Operation limits, trusted documents, CORS and timeouts; an unusable one names its variable. */
async function frontDoor(): Promise<FrontDoorSettings> {
  try {
    return await frontDoorFromEnv(process.env);
  } catch (error) {
    if (error instanceof FrontDoorSettingError) throw new ConfigError(error.variable, error.problem);
    throw error;
  }
}

/** The gateway with the audit trail it owns; the auditors' subgraph runs beside it on loopback. */
async function startGatewayService(logger: ReturnType<typeof createLogger>) {
  const publicJwks = await gatewayJwks();
  const internalKey = await gatewayPrivateKey(publicJwks);
  const chainKey = await auditChainKey();
  const trusted = await issuers();
  const door = await frontDoor();
  const subgraphUrls = {
    "social-services": httpUrl("SOCIAL_SERVICES_URL"),
    housing: httpUrl("HOUSING_URL"),
    "police-liaison": httpUrl("POLICE_LIAISON_URL"),
    "child-services": httpUrl("CHILD_SERVICES_URL"),
  };
  return startAuditedGateway({
    // Migrations as the owner (AUDIT_OWNER_DATABASE_URL, else DATABASE_URL); records through the
    // writer's own login (AUDIT_WRITER_DATABASE_URL, else the same server as the writer role).
    auditDatabase: {
      url: optionalDatabaseUrl("AUDIT_OWNER_DATABASE_URL") ?? databaseUrl(),
      ...(optionalDatabaseUrl("AUDIT_WRITER_DATABASE_URL") ? { writerUrl: optionalDatabaseUrl("AUDIT_WRITER_DATABASE_URL") as string } : {}),
    },
    ...(auditWitness() ? { witness: auditWitness() as WitnessConfig } : {}),
    keys: { internalKey, publicJwks, chainKey },
    issuers: trusted,
    subgraphUrls,
    logger,
    port: port("PORT", 4000),
    host: env("HOST") ?? "0.0.0.0",
    frontDoor: door,
  });
}

/** Where /metrics is served (observability-config.ts); an unusable setting names its variable. */
function observedMetrics() {
  try {
    return metricsFromEnv(process.env, env("HOST") ?? "0.0.0.0");
  } catch (error) {
    if (error instanceof MetricsSettingError) throw new ConfigError(error.variable, "must be a port number (0-65535) or \"off\"");
    throw error;
  }
}

const service = env("SKYDDSNAT_SERVICE");
// Only a known name is bound to every log line: an unknown one is whatever the environment says.
const logger = createLogger("skyddsnat", { service: service && (SERVICES as readonly string[]).includes(service) ? service : "unknown" });
try {
  if (!service || !(SERVICES as readonly string[]).includes(service)) {
    throw new ConfigError("SKYDDSNAT_SERVICE", `must be one of ${SERVICES.join(", ")}`);
  }
  const metricsSettings = observedMetrics();
  const running = service === "gateway" ? await startGatewayService(logger) : await startAgencyService(service as AgencyService, logger);
  const metrics = metricsSettings ? await serveMetrics(metricsSettings.port, metricsSettings.host) : undefined;
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
  if (error instanceof ConfigError) {
    logger.fatal({ variable: error.variable }, `configuration: ${error.message}`);
    process.exit(2);
  }
  // safeError (the logger's serializer) keeps the type and stack, never the message.
  logger.fatal({ err: error }, "could not start");
  process.exit(1);
}
