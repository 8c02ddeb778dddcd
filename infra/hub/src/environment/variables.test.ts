import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "@jest/globals";
import { FrontDoorSettingError, frontDoorFromEnv } from "@skyddsnat/gateway";
import { environmentMarkdown } from "./markdown.js";
import { ConfigurationError, readEnvironment } from "./read-environment.js";
import { type Process, VARIABLES, type Variable, type VariableName } from "./variables.js";

const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
const MARKER = "s3cr3t-marker";

/** A value each variable accepts, and what the process then gets. Every variable has a row. */
const GOOD: Record<VariableName, [string, unknown]> = {
  SKYDDSNAT_SERVICE: ["housing", "housing"],
  PORT: ["4102", 4102],
  HOST: ["127.0.0.1", "127.0.0.1"],
  HUB_PORTS: ["random", "random"],
  METRICS_PORT: ["off", null],
  METRICS_HOST: ["0.0.0.0", "0.0.0.0"],
  OTEL_TRACES_EXPORTER: ["otlp", "otlp"],
  OTEL_EXPORTER_OTLP_ENDPOINT: ["http://collector:4318", "http://collector:4318"],
  IDP_PORT: ["4200", 4200],
  IDENTITY_PROVIDERS: ["false", false],
  LOG_LEVEL: ["debug", "debug"],
  CI: ["true", "true"],
  MIGRATE: ["never", "never"],
  RUNTIME_ROLE: ["skyddsnat_housing", "skyddsnat_housing"],
  DATABASE_URL: ["postgres://u:p@db:5432/hub", "postgres://u:p@db:5432/hub"],
  SOCIAL_SERVICES_DATABASE_URL: ["postgresql://db/ss", "postgresql://db/ss"],
  HOUSING_DATABASE_URL: ["postgres://db/h", "postgres://db/h"],
  POLICE_LIAISON_DATABASE_URL: ["postgres://db/p", "postgres://db/p"],
  CHILD_SERVICES_DATABASE_URL: ["postgres://db/c", "postgres://db/c"],
  PGLITE_DATA_DIR: ["/var/lib/hub", "/var/lib/hub"],
  SEED: ["false", false],
  SEED_SCALE: ["10", 10],
  RESET_DATABASES: ["true", true],
  AUDIT_DATABASE_URL: ["postgres://db/audit", "postgres://db/audit"],
  AUDIT_OWNER_DATABASE_URL: ["postgres://owner@db/audit", "postgres://owner@db/audit"],
  AUDIT_WRITER_DATABASE_URL: ["postgres://writer@db/audit", "postgres://writer@db/audit"],
  AUDIT_READER_DATABASE_URL: ["postgres://reader@db/audit", "postgres://reader@db/audit"],
  AUDIT_SCHEMA: ["audit_2", "audit_2"],
  AUDIT_WITNESS: ["nats://nats:4222/heads", { kind: "jetstream", servers: "nats:4222", stream: "heads" }],
  AUDIT_CHAIN_KEY_FILE: ["/keys/audit-chain.key", "/keys/audit-chain.key"],
  GATEWAY_JWKS_FILE: ["/trust/gateway.jwks.json", "/trust/gateway.jwks.json"],
  GATEWAY_PRIVATE_JWK_FILE: ["/keys/gateway.private.jwk.json", "/keys/gateway.private.jwk.json"],
  ISSUERS_FILE: ["/trust/issuers.json", "/trust/issuers.json"],
  FACTS_URL: ["http://social-services:4001/graphql", "http://social-services:4001/graphql"],
  SOCIAL_SERVICES_URL: ["http://ss:4001/graphql", "http://ss:4001/graphql"],
  HOUSING_URL: ["https://h:4002/graphql", "https://h:4002/graphql"],
  POLICE_LIAISON_URL: ["http://p:4003/graphql", "http://p:4003/graphql"],
  CHILD_SERVICES_URL: ["http://c:4004/graphql", "http://c:4004/graphql"],
  FACTS_CACHE_MS: ["0", 0],
  FACTS_FOLLOWED_CACHE_MS: ["120000", 120_000],
  LIMIT_DEPTH: ["8", 8],
  LIMIT_ALIASES: ["20", 20],
  LIMIT_DIRECTIVES: ["60", 60],
  LIMIT_TOKENS: ["2000", 2000],
  LIMIT_COST: ["9000", 9000],
  LIMIT_LIST_SIZE: ["20", 20],
  LIMIT_ROOT_FIELDS: ["12", 12],
  LIMIT_DOCUMENT_CHARS: ["20000", 20_000],
  TRUSTED_DOCUMENTS: ["allow-listed", "allow-listed"],
  TRUSTED_DOCUMENTS_FILE: ["/docs/trusted.json", "/docs/trusted.json"],
  CORS_ORIGINS: ["https://a.example, http://b.example:8080", ["https://a.example", "http://b.example:8080"]],
  REQUEST_TIMEOUT_MS: ["15000", 15_000],
  SHUTDOWN_GRACE_MS: ["20000", 20_000],
  RATE_LIMIT_PER_MINUTE: ["0", 0],
  RATE_LIMIT_REDIS_URL: ["rediss://redis:6380/1", "rediss://redis:6380/1"],
  MAX_IN_FLIGHT: ["32", 32],
  SUBGRAPH_TIMEOUT_MS: ["3000", 3000],
  FACTS_TIMEOUT_MS: ["1000", 1000],
  BREAKER_FAILURES: ["3", 3],
  BREAKER_HALF_OPEN_MS: ["5000", 5000],
};

/** Values each variable must refuse (the marker stands in for a secret that must not be echoed). */
const BAD: Partial<Record<VariableName, string[]>> = {
  SKYDDSNAT_SERVICE: [MARKER, "Gateway"],
  PORT: ["0", "65536", "80a", "-1", "4.5"],
  HUB_PORTS: [MARKER],
  METRICS_PORT: ["on", "65536", "-1"],
  OTEL_TRACES_EXPORTER: ["jaeger"],
  OTEL_EXPORTER_OTLP_ENDPOINT: [`ftp://${MARKER}@collector`],
  IDP_PORT: ["0", "70000"],
  IDENTITY_PROVIDERS: ["no"],
  LOG_LEVEL: ["verbose"],
  MIGRATE: ["always", "true"],
  RUNTIME_ROLE: ["Skyddsnat", "a;DROP ROLE x", "1role"],
  DATABASE_URL: [`mysql://u:${MARKER}@db/hub`, `http://u:${MARKER}@db`],
  SOCIAL_SERVICES_DATABASE_URL: [`mysql://u:${MARKER}@db/hub`],
  HOUSING_DATABASE_URL: [MARKER],
  POLICE_LIAISON_DATABASE_URL: [MARKER],
  CHILD_SERVICES_DATABASE_URL: [MARKER],
  SEED: ["yes", "0"],
  SEED_SCALE: ["0", "101", "2.5", "ten"],
  RESET_DATABASES: ["TRUE", "1"],
  AUDIT_DATABASE_URL: [MARKER],
  AUDIT_OWNER_DATABASE_URL: [`redis://u:${MARKER}@db`],
  AUDIT_WRITER_DATABASE_URL: [MARKER],
  AUDIT_READER_DATABASE_URL: [MARKER],
  AUDIT_WITNESS: [MARKER, "nats://nats:4222/"],
  FACTS_URL: [`ftp://${MARKER}@h/`],
  SOCIAL_SERVICES_URL: [MARKER],
  HOUSING_URL: ["social-services:4001"],
  POLICE_LIAISON_URL: [MARKER],
  CHILD_SERVICES_URL: [MARKER],
  FACTS_CACHE_MS: ["-1", "3600001", "1s"],
  FACTS_FOLLOWED_CACHE_MS: ["soon"],
  TRUSTED_DOCUMENTS: [MARKER, "on"],
  CORS_ORIGINS: ["*", "https://a.example/path"],
  RATE_LIMIT_REDIS_URL: [`http://u:${MARKER}@redis`],
  LIMIT_DEPTH: ["0", "deep"],
  LIMIT_ALIASES: ["1000001"],
  LIMIT_DIRECTIVES: ["-5"],
  LIMIT_TOKENS: ["1e3"],
  LIMIT_COST: ["0"],
  LIMIT_LIST_SIZE: ["ten"],
  LIMIT_ROOT_FIELDS: ["1.5"],
  LIMIT_DOCUMENT_CHARS: ["10 000"],
  REQUEST_TIMEOUT_MS: ["99", "600001"],
  SHUTDOWN_GRACE_MS: ["10s"],
  RATE_LIMIT_PER_MINUTE: ["-1"],
  MAX_IN_FLIGHT: ["0", "100001"],
  SUBGRAPH_TIMEOUT_MS: ["120001"],
  FACTS_TIMEOUT_MS: ["50"],
  BREAKER_FAILURES: ["0", "1001"],
  BREAKER_HALF_OPEN_MS: ["forever"],
};
/** Any non-empty text is theirs to interpret (a path or a host name, read later by its user). */
const ANY_TEXT = new Set<VariableName>([
  "CI",
  "HOST",
  "METRICS_HOST",
  "PGLITE_DATA_DIR",
  "AUDIT_SCHEMA",
  "AUDIT_CHAIN_KEY_FILE",
  "GATEWAY_JWKS_FILE",
  "GATEWAY_PRIVATE_JWK_FILE",
  "ISSUERS_FILE",
  "TRUSTED_DOCUMENTS_FILE",
]);

const entries = Object.entries(VARIABLES) as [VariableName, Variable][];
/** The whole environment of a process that needs the variables `process` requires. */
const requiredFor = (process: Process) => Object.fromEntries(entries.filter(([, e]) => e.requiredIn?.includes(process)).map(([name]) => [name, GOOD[name][0]]));
const refusal = (process: Process, env: Record<string, string>): ConfigurationError => {
  try {
    readEnvironment(process, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error("accepted");
};

describe("the one table of environment variables", () => {
  test("every variable has a value it takes and (unless any text is its own to read) values it refuses, a reader and a rule", () => {
    expect(Object.keys(GOOD).sort()).toEqual(Object.keys(VARIABLES).sort());
    for (const [name, entry] of entries) {
      expect([name, entry.for.length > 0, entry.rule.length > 0, entry.what.length > 0]).toEqual([name, true, true, true]);
      expect([name, ANY_TEXT.has(name) || (BAD[name] ?? []).length > 0]).toEqual([name, true]);
    }
  });

  test.each(entries.flatMap(([name, entry]) => entry.for.map((process) => [name, process] as const)))("%s is parsed for %s", (name, process) => {
    const settings = readEnvironment(process, { ...requiredFor(process), [name]: `  ${GOOD[name][0]} ` });
    expect(settings[name]).toEqual(GOOD[name][1]);
  });

  test.each(entries.filter(([name]) => BAD[name]).flatMap(([name, entry]) => (BAD[name] ?? []).map((value) => [name, value, entry.for[0] as Process] as const)))(
    "%s=%s is refused, naming the variable and not the value",
    (name, value, process) => {
      const error = refusal(process, { ...requiredFor(process), [name]: value });
      expect(error.problems).toEqual([{ variable: name, problem: `must be ${VARIABLES[name].rule}` }]);
      expect(error.message).toBe(`${name}: must be ${VARIABLES[name].rule}`);
      if (value.includes(MARKER)) expect(error.message).not.toContain(MARKER);
    },
  );

  test("unset or empty, a variable takes its default; without one it stays unset", () => {
    const settings = readEnvironment("hub", { SEED: "", LOG_LEVEL: "   " });
    for (const [name, entry] of entries.filter(([, e]) => e.for.includes("hub"))) {
      const expected = entry.default === undefined ? undefined : entry.schema.parse(entry.default);
      expect([name, settings[name]]).toEqual([name, expected]);
    }
    expect([settings.SEED, settings.RESET_DATABASES, settings.HUB_PORTS, settings.LOG_LEVEL, settings.LIMIT_DEPTH]).toEqual([true, false, "fixed", "info", 6]);
  });

  test("a process refuses to start without what it requires, naming every missing variable at once", () => {
    expect(refusal("gateway", {}).problems.map((p) => p.variable).sort()).toEqual(
      [
        "SKYDDSNAT_SERVICE",
        "AUDIT_CHAIN_KEY_FILE",
        "GATEWAY_JWKS_FILE",
        "GATEWAY_PRIVATE_JWK_FILE",
        "ISSUERS_FILE",
        "SOCIAL_SERVICES_URL",
        "HOUSING_URL",
        "POLICE_LIAISON_URL",
        "CHILD_SERVICES_URL",
      ].sort(),
    );
    expect(refusal("agency", {}).problems.map((p) => p.variable).sort()).toEqual(["DATABASE_URL", "GATEWAY_JWKS_FILE", "SKYDDSNAT_SERVICE"]);
    expect(refusal("migrate", {}).problems.map((p) => p.variable)).toEqual(["SKYDDSNAT_SERVICE"]);
    expect(() => readEnvironment("hub", {})).not.toThrow();
  });

  test("a variable another process reads is ignored, not parsed", () => {
    // PORT is not the verifier's; SEED is only npm start's.
    const settings = readEnvironment("audit-verify", { PORT: "not a port", SEED: "maybe" });
    expect([settings.PORT, settings.SEED]).toEqual([undefined, true]);
  });
});

describe("the front door's variables agree with the gateway's own reader", () => {
  const DOOR = entries.filter(([name]) => /^(LIMIT_|RATE_LIMIT_PER|MAX_IN_FLIGHT|SUBGRAPH_TIMEOUT|FACTS_TIMEOUT|BREAKER_|REQUEST_TIMEOUT|SHUTDOWN_GRACE|CORS_ORIGINS|TRUSTED_DOCUMENTS$|RATE_LIMIT_REDIS_URL)/.test(name));
  const PROBES = ["-1", "0", "1", "99", "100", "1000", "1001", "100000", "100001", "120000", "120001", "600000", "600001", "1000000", "1000001", "1.5", "abc", "off", "allow-listed", "redis://r:6379", "http://r", "https://a.example", "*"];

  test("the table holds every front-door variable", () => {
    expect(DOOR.map(([name]) => name)).toHaveLength(19);
  });

  test.each(DOOR.map(([name]) => name))("%s: the schema refuses exactly what frontDoorFromEnv refuses", async (name) => {
    for (const probe of PROBES) {
      // allow-listed needs a manifest file: its refusal is about the other variable.
      if (name === "TRUSTED_DOCUMENTS" && probe === "allow-listed") continue;
      const gateway = await frontDoorFromEnv({ [name]: probe }).then(
        () => "accepted",
        (error: unknown) => (error instanceof FrontDoorSettingError ? error.variable : "threw"),
      );
      const table = VARIABLES[name].schema.safeParse(probe).success ? "accepted" : name;
      expect([name, probe, table]).toEqual([name, probe, gateway]);
    }
  });
});

describe("the contracts read no environment of their own", () => {
  test("no file in schema/src outside the tests reads process.env", () => {
    const dir = join(REPO, "schema", "src");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((file) => readFileSync(join(dir, file), "utf8").includes("process.env"))).toEqual([]);
  });
});

describe("the README", () => {
  test("its table of environment variables is the table's own output (npm run docs)", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const section = /<!-- environment -->\n([\s\S]*?)\n<!-- \/environment -->/.exec(readme)?.[1];
    expect(section).toBe(environmentMarkdown());
    for (const name of ["HUB_PORTS", "PORT", "SEED", "RESET_DATABASES", "PGLITE_DATA_DIR", "LOG_LEVEL"]) expect(section).toContain(`| \`${name}\` |`);
  });
});
