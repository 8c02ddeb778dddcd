import { DEFAULT_FAULTS, DEFAULT_LIMITS, DEFAULT_TRAFFIC } from "@skyddsnat/gateway/settings";
import { DEFAULT_FACTS_CACHE_MS, DEFAULT_FACTS_FOLLOWED_CACHE_MS } from "@skyddsnat/schema";
import type { z } from "zod";
import { MAX_SEED_SCALE } from "../seed/population.js";
import { flag, httpUrl, logLevel, oneOf, origins, path, port, portOrOff, postgresUrl, redisUrl, roleName, wholeNumber, witness } from "./rules.js";

/**
 * Every environment variable of every process of the hub, in one table: what it is for, which
 * processes read it, its default and the rule a value must follow. The README's table of
 * variables is generated from it (`npm run docs`), and each process reads its settings through
 * it (read-environment.ts). A new variable is one entry here.
 */

/** The processes: `npm start` (the whole hub), the container's services, the tools. */
export const PROCESSES = {
  hub: "`npm start`: the whole hub in one process",
  gateway: "the gateway's container (`SKYDDSNAT_SERVICE=gateway`)",
  agency: "an agency's container (`SKYDDSNAT_SERVICE=social-services` …)",
  migrate: "a service's container run as the release's migration Job (`MIGRATE=only`)",
  "audit-verify": "`npm run -s audit:verify`",
} as const;
export type Process = keyof typeof PROCESSES;

export interface Variable {
  /** Which processes read it. */
  for: readonly Process[];
  /** Processes that refuse to start without it. */
  requiredIn?: readonly Process[];
  /** One line for the README. */
  what: string;
  /** What a valid value is; also the whole error message, so a refused value is never echoed. */
  rule: string;
  /** The value used when unset or empty, as text (parsed like a set value); none: unset. */
  default?: string;
  /** Carries a credential (a database URL with its password): never logged, never printed. */
  secret?: boolean;
  /** From the trimmed text to the value the process uses. */
  schema: z.ZodType;
}

/** Keeps each entry's own types (its schema's output, whether it has a default). */
const variable = <const Entry extends Variable>(entry: Entry): Entry => entry;

const ALL: readonly Process[] = ["hub", "gateway", "agency"];
const SERVICES: readonly Process[] = ["gateway", "agency"];
const CONTAINERS: readonly Process[] = [...SERVICES, "migrate"];
const DOOR: readonly Process[] = ["hub", "gateway"];
const WHOLE = (min: number, max: number) => `a whole number from ${min} to ${max}`;
const limit = (what: string, fallback: number) =>
  variable({ for: DOOR, what: `Operation limit: ${what}`, rule: WHOLE(1, 1_000_000), default: String(fallback), schema: wholeNumber(1, 1_000_000) });
const milliseconds = (what: string, fallback: number | undefined, min: number, max: number) =>
  variable({ for: DOOR, what, rule: `${WHOLE(min, max)} (milliseconds)`, ...(fallback !== undefined ? { default: String(fallback) } : {}), schema: wholeNumber(min, max) });
const agencyDatabase = (agencys: string) =>
  variable({ for: ["hub"], what: `${agencys} own database, overriding \`DATABASE_URL\` for it`, rule: "a postgres:// URL", secret: true, schema: postgresUrl });
const subgraphUrl = (agencys: string) =>
  variable({ for: ["gateway"], requiredIn: ["gateway"], what: `${agencys} GraphQL endpoint`, rule: "an http(s) URL", schema: httpUrl });

export const VARIABLES = {
  SKYDDSNAT_SERVICE: variable({
    for: CONTAINERS,
    requiredIn: CONTAINERS,
    what: "Which service the container runs",
    rule: "one of gateway, social-services, housing, police-liaison, child-services",
    schema: oneOf(["gateway", "social-services", "housing", "police-liaison", "child-services"]),
  }),
  PORT: variable({
    for: ALL,
    what: "Where the gateway (or the container's service) listens; default the service's port (gateway 4000, social-services 4001 … child-services 4004)",
    rule: "a port number (1-65535)",
    schema: port(),
  }),
  HOST: variable({ for: SERVICES, what: "The address the container's service listens on", rule: "a host name or address", default: "0.0.0.0", schema: path }),
  HUB_PORTS: variable({
    for: ["hub"],
    what: "`fixed`: the gateway on `PORT`, the subgraphs on 4001-4005; `random`: free ports everywhere (a second hub beside the first)",
    rule: "fixed or random",
    default: "fixed",
    schema: oneOf(["fixed", "random"]),
  }),
  IDP_PORT: variable({
    for: ["hub"],
    what: "Where `npm start`'s development identity providers (one OpenID issuer per agency, infra/idp) listen",
    rule: "a port number (1-65535)",
    default: "4100",
    schema: port(),
  }),
  IDENTITY_PROVIDERS: variable({
    for: ["hub"],
    what: "Start the development identity providers and the web app's sign-in with `npm start`",
    rule: "true or false",
    default: "true",
    schema: flag,
  }),
  METRICS_PORT: variable({
    for: ALL,
    what: "Where GET /metrics (Prometheus) is served, apart from the GraphQL port; `0` a free port (`npm start` with `HUB_PORTS=random` too), `off` none",
    rule: "a port number (0-65535) or off",
    default: "9464",
    schema: portOrOff,
  }),
  METRICS_HOST: variable({
    for: ALL,
    what: "The interface /metrics listens on; default 127.0.0.1 for `npm start`, `HOST` (else 0.0.0.0) in a container",
    rule: "a host name or address",
    schema: path,
  }),
  OTEL_TRACES_EXPORTER: variable({
    for: ALL,
    what: "OpenTelemetry traces: `otlp` (over OTLP; also on when only `OTEL_EXPORTER_OTLP_ENDPOINT` is set), `console` or `none`; off by default. The SDK's other standard `OTEL_*` variables apply (README, Operations): telemetry is loaded with `--import` before this table is read, so the SDK reads them itself",
    rule: "otlp, console or none",
    schema: oneOf(["otlp", "console", "none"]),
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable({
    for: ALL,
    what: "The OTLP collector's base URL (traces go to `<url>/v1/traces`); read by the OpenTelemetry SDK",
    rule: "an http(s) URL",
    schema: httpUrl,
  }),
  LOG_LEVEL: variable({ for: [...ALL, "migrate", "audit-verify"], what: "pino's level", rule: "fatal, error, warn, info, debug, trace or silent", default: "info", schema: logLevel }),
  CI: variable({
    for: [...ALL, "migrate", "audit-verify"],
    what: "Set (to anything) by CI systems: logs stay JSON lines even at a terminal (read by the logger itself)",
    rule: "any text",
    schema: path,
  }),
  MIGRATE: variable({
    for: CONTAINERS,
    what: "`at-start`: apply the service's migrations, then serve; `only`: apply them and exit 0 (the release's migration Job, under the schema owner's login); `never`: serve without migrating, refusing to start while one is pending (runtime logins with DML rights only)",
    rule: "at-start, only or never",
    default: "at-start",
    schema: oneOf(["at-start", "only", "never"]),
  }),
  RUNTIME_ROLE: variable({
    for: ["migrate"],
    what: "The role the service's runtime login is a member of; granted USAGE on the schema and SELECT, INSERT, UPDATE, DELETE on its tables, nothing else",
    rule: "a PostgreSQL role name (lower case letters, digits, _)",
    schema: roleName,
  }),

  // Databases
  DATABASE_URL: variable({
    for: ["hub", "agency", "gateway", "migrate", "audit-verify"],
    requiredIn: ["agency"],
    what: "PostgreSQL for every subgraph, each in its own schema (unset in `npm start`: embedded PGlite); the gateway's audit owner when `AUDIT_OWNER_DATABASE_URL` is unset",
    rule: "a postgres:// URL",
    secret: true,
    schema: postgresUrl,
  }),
  SOCIAL_SERVICES_DATABASE_URL: agencyDatabase("Social services'"),
  HOUSING_DATABASE_URL: agencyDatabase("Housing's"),
  POLICE_LIAISON_DATABASE_URL: agencyDatabase("Police liaison's"),
  CHILD_SERVICES_DATABASE_URL: agencyDatabase("Child services'"),
  PGLITE_DATA_DIR: variable({
    for: ["hub", "audit-verify"],
    what: "Where embedded PGlite keeps its files (one directory per subgraph and `audit`); unset: npm start makes a fresh temporary directory and removes it at stop (in memory, the growing audit trail would stay in the RSS); audit:verify needs it for the embedded store",
    rule: "a directory path",
    schema: path,
  }),
  SEED: variable({ for: ["hub"], what: "Seed the synthetic demo population when social services' database is empty", rule: "true or false", default: "true", schema: flag }),
  SEED_SCALE: variable({
    for: ["hub"],
    what: "The seeded population as a multiple of the demo's (synthetic people only; benchmarks of cost against the data)",
    rule: `${WHOLE(1, MAX_SEED_SCALE)}`,
    default: "1",
    schema: wholeNumber(1, MAX_SEED_SCALE),
  }),
  RESET_DATABASES: variable({
    for: ["hub"],
    what: "Drop every subgraph's schema and the audit store first (demo resets)",
    rule: "true or false",
    default: "false",
    schema: flag,
  }),

  // The audit trail
  AUDIT_DATABASE_URL: variable({
    for: ["hub", "audit-verify"],
    what: "The audit store (as its owner in `npm start`; the verifier logs in as the reader role on it)",
    rule: "a postgres:// URL",
    secret: true,
    schema: postgresUrl,
  }),
  AUDIT_OWNER_DATABASE_URL: variable({
    for: ["hub", "gateway", "migrate", "audit-verify"],
    what: "The audit schema's owner, which migrates it and locks it down (append-only grants and triggers): the migration Job (`MIGRATE=only`), or the gateway with `MIGRATE=at-start`; refused with `MIGRATE=never`, where the gateway holds the writer's login alone",
    rule: "a postgres:// URL",
    secret: true,
    schema: postgresUrl,
  }),
  AUDIT_WRITER_DATABASE_URL: variable({
    for: ["hub", "gateway", "migrate"],
    what: "The audit writer's own login (may append, nothing else); default the owner's URL (with `MIGRATE=never`: `DATABASE_URL`) with `skyddsnat_audit_writer` as user (development servers)",
    rule: "a postgres:// URL",
    secret: true,
    schema: postgresUrl,
  }),
  AUDIT_READER_DATABASE_URL: variable({ for: ["audit-verify"], what: "The verifier's read-only login", rule: "a postgres:// URL", secret: true, schema: postgresUrl }),
  AUDIT_SCHEMA: variable({ for: ["audit-verify"], what: "The audit store's schema", rule: "a schema name", default: "audit", schema: path }),
  AUDIT_WITNESS: variable({
    for: ["hub", "gateway", "audit-verify"],
    what: "Where the audit chain's signed tree heads are witnessed: `file:<path>`, `nats://host:port/<stream>` (JetStream) or `none`; default a file of the store's own",
    rule: "file:<path>, nats://host:port/<stream> or none",
    schema: witness,
  }),
  AUDIT_CHAIN_KEY_FILE: variable({ for: ["gateway"], requiredIn: ["gateway"], what: "The audit chain's HMAC key: ≥ 32 bytes, base64, in a file", rule: "a file path", schema: path }),

  // Keys and trust
  GATEWAY_JWKS_FILE: variable({
    for: SERVICES,
    requiredIn: SERVICES,
    what: "The gateway's public JWKS, the only key the subgraphs trust",
    rule: "a file path",
    schema: path,
  }),
  GATEWAY_PRIVATE_JWK_FILE: variable({
    for: ["gateway"],
    requiredIn: ["gateway"],
    what: "The gateway's Ed25519 private JWK (with `kid`; its public half in `GATEWAY_JWKS_FILE`)",
    rule: "a file path",
    schema: path,
  }),
  ISSUERS_FILE: variable({ for: ["gateway"], requiredIn: ["gateway"], what: "The agencies' identity providers: `[{issuer, agency, algorithms, jwks}]`", rule: "a file path", schema: path }),

  // Where the services are
  FACTS_URL: variable({ for: ["agency"], what: "Social services' URL, for the policy's facts (every agency but social services)", rule: "an http(s) URL", schema: httpUrl }),
  SOCIAL_SERVICES_URL: subgraphUrl("Social services'"),
  HOUSING_URL: subgraphUrl("Housing's"),
  POLICE_LIAISON_URL: subgraphUrl("Police liaison's"),
  CHILD_SERVICES_URL: subgraphUrl("Child services'"),
  FACTS_CACHE_MS: variable({
    for: ALL,
    what: "How long policy facts may be reused while social services' change feed is not followed; 0 turns caching off",
    rule: `${WHOLE(0, 3_600_000)} (milliseconds)`,
    default: String(DEFAULT_FACTS_CACHE_MS),
    schema: wholeNumber(0, 3_600_000),
  }),
  FACTS_FOLLOWED_CACHE_MS: variable({
    for: ALL,
    what: "How long policy facts may be reused while the change feed is followed",
    rule: `${WHOLE(0, 3_600_000)} (milliseconds)`,
    default: String(DEFAULT_FACTS_FOLLOWED_CACHE_MS),
    schema: wholeNumber(0, 3_600_000),
  }),

  // The gateway's front door (gateway/README.md)
  LIMIT_DEPTH: limit("nesting of fields", DEFAULT_LIMITS.maxDepth),
  LIMIT_ALIASES: limit("aliased fields", DEFAULT_LIMITS.maxAliases),
  LIMIT_DIRECTIVES: limit("directives", DEFAULT_LIMITS.maxDirectives),
  LIMIT_TOKENS: limit("lexical tokens of the document", DEFAULT_LIMITS.maxTokens),
  LIMIT_COST: limit("estimated cost", DEFAULT_LIMITS.maxCost),
  LIMIT_LIST_SIZE: limit("assumed length of a list without `first`", DEFAULT_LIMITS.listSize),
  LIMIT_ROOT_FIELDS: limit("selections at the root", DEFAULT_LIMITS.maxRootFields),
  LIMIT_DOCUMENT_CHARS: limit("characters of the document", DEFAULT_LIMITS.maxDocumentChars),
  TRUSTED_DOCUMENTS: variable({
    for: DOOR,
    what: "`allow-listed`: only the registered operations run (deployments); `off`: any operation (development)",
    rule: "one of off, allow-listed",
    default: "off",
    schema: oneOf(["off", "allow-listed"]),
  }),
  TRUSTED_DOCUMENTS_FILE: variable({ for: DOOR, what: "The registered operations (required when allow-listed)", rule: "a file path", schema: path }),
  CORS_ORIGINS: variable({ for: DOOR, what: "Browser origins allowed by CORS, comma-separated; none by default", rule: "comma-separated origins (scheme://host[:port], no path, no wildcard)", schema: origins }),
  REQUEST_TIMEOUT_MS: milliseconds("The whole request, headers and body, within this (Node's requestTimeout)", undefined, 100, 600_000),
  SHUTDOWN_GRACE_MS: milliseconds("On stop, how long requests in flight may take before their connections are cut", undefined, 100, 600_000),
  RATE_LIMIT_PER_MINUTE: variable({
    for: DOOR,
    what: "Requests per caller (issuer, staff id, client system) per minute; 0 turns it off",
    rule: WHOLE(0, 1_000_000),
    default: String(DEFAULT_TRAFFIC.ratePerMinute),
    schema: wholeNumber(0, 1_000_000),
  }),
  RATE_LIMIT_REDIS_URL: variable({
    for: DOOR,
    what: "Redis shared by the gateway's replicas for the rate limits; unset: each counts in memory",
    rule: "a redis:// or rediss:// URL",
    secret: true,
    schema: redisUrl,
  }),
  MAX_IN_FLIGHT: variable({
    for: DOOR,
    what: "GraphQL requests one replica works on at once; the next is refused 503",
    rule: WHOLE(1, 100_000),
    default: String(DEFAULT_TRAFFIC.maxInFlight),
    schema: wholeNumber(1, 100_000),
  }),
  SUBGRAPH_TIMEOUT_MS: milliseconds("One call to a subgraph within this", DEFAULT_FAULTS.subgraphTimeoutMs, 100, 120_000),
  FACTS_TIMEOUT_MS: milliseconds("One call to social services' facts route within this", DEFAULT_FAULTS.factsTimeoutMs, 100, 120_000),
  BREAKER_FAILURES: variable({
    for: DOOR,
    what: "Consecutive failures of one service that open its breaker",
    rule: WHOLE(1, 1000),
    default: String(DEFAULT_FAULTS.breakerFailures),
    schema: wholeNumber(1, 1000),
  }),
  BREAKER_HALF_OPEN_MS: milliseconds("How long an open breaker refuses before one trial call", DEFAULT_FAULTS.breakerHalfOpenMs, 100, 600_000),
} satisfies Record<string, Variable>;

export type VariableName = keyof typeof VARIABLES;
