import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "@jest/globals";
import { exportJWK, generateKeyPair, type JWK } from "jose";

/*
 * The container entrypoint, run as the container runs it: the built CLI in a process of its own,
 * with nothing but PATH and the variables each case sets (no DATABASE_URL or LOG_LEVEL from this
 * process). Every case gives all other variables valid values, so it fails for its own reason;
 * the database URL points at a closed port, so no case can reach a database.
 */

const CLI = fileURLToPath(new URL("../../dist/cli/start-service.js", import.meta.url));
const MARKER = "s3cr3t-marker";
const DB_PASSWORD = "db-password-marker";

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with exactly `env` (plus PATH); a process still running after 15 s is killed (code null). */
function startService(env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI], { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 15_000, killSignal: "SIGKILL" }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

async function gatewayKeyPair(kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  return { privateJwk: { ...(await exportJWK(privateKey)), kid }, publicJwk: { ...(await exportJWK(publicKey)), kid } };
}

// Key material and files, made once (top-level await: the cases below name the files).
const dir = await mkdtemp(join(tmpdir(), "skyddsnat-start-service-"));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const gateway = await gatewayKeyPair("gateway-1");
const impostor = await gatewayKeyPair("gateway-1"); // the same kid, another key
const es256 = await generateKeyPair("ES256", { extractable: true });
const es256Private = { ...(await exportJWK(es256.privateKey)), kid: "gateway-1" };
const issuerPublic = { ...(await exportJWK((await generateKeyPair("ES256", { extractable: true })).publicKey)), kid: "idp-1" };
const chainKey = randomBytes(32).toString("base64");

const files: Record<string, string | object> = {
  "gateway.jwks.json": { keys: [gateway.publicJwk] },
  "gateway.private.jwk.json": gateway.privateJwk,
  "audit-chain.key": `${chainKey}\n`,
  "issuers.json": [
    { issuer: "https://idp.social-services.example", agency: "social-services", algorithms: ["ES256"], jwks: { keys: [issuerPublic] } },
    // An OpenID provider, its keys found by discovery, its claims namespaced.
    { issuer: "https://idp.police.example", agency: "police-liaison", algorithms: ["ES256"], jwks: { discovery: true }, claims: { role: "https://id.polisen.example/claims/role", purpose: { scopePrefix: "purpose:" } } },
  ],
  "jwks-invalid.json": `{"keys": [{"kid": "${MARKER}", `,
  "jwks-not-a-jwks.json": { kty: "OKP", crv: "Ed25519", x: MARKER },
  "jwks-with-private-key.json": { keys: [{ ...gateway.publicJwk, d: MARKER }] },
  "impostor.private.jwk.json": impostor.privateJwk,
  "es256.private.jwk.json": es256Private,
  "issuers-empty.json": [],
  "issuers-discovery-http.json": [{ issuer: "http://idp.housing.example", agency: "housing", algorithms: ["ES256"], jwks: { discovery: true } }],
  "issuers-bad-mapping.json": [{ issuer: "https://idp.housing.example", agency: "housing", algorithms: ["ES256"], jwks: { discovery: true }, claims: { role: "" } }],
  "jwks-es256-only.json": { keys: [issuerPublic] },
  "issuers-unknown-agency.json": [{ issuer: "https://idp.tax-agency.example", agency: "tax-agency", algorithms: ["ES256"], jwks: { keys: [issuerPublic] } }],
  "issuers-symmetric.json": [{ issuer: "https://idp.housing.example", agency: "housing", algorithms: ["HS256"], jwks: { keys: [issuerPublic] } }],
  "issuers-private-key.json": [{ issuer: "https://idp.housing.example", agency: "housing", algorithms: ["ES256"], jwks: { keys: [{ ...issuerPublic, d: MARKER }] } }],
  // 13 bytes, base64: well-formed but too short.
  "audit-chain-short.key": Buffer.from(MARKER).toString("base64"),
  // Not base64, though Node's lenient decoder would still make more than 32 bytes of it.
  "audit-chain-not-base64.key": `${MARKER}!`.repeat(4),
};
for (const [name, content] of Object.entries(files)) {
  await writeFile(join(dir, name), typeof content === "string" ? content : JSON.stringify(content), { mode: 0o600 });
}
const file = (name: string) => join(dir, name);

/** What must never reach the output, whatever the case: the markers and every real secret. */
const SECRETS = [MARKER, Buffer.from(MARKER).toString("base64"), DB_PASSWORD, chainKey, gateway.privateJwk.d, impostor.privateJwk.d, es256Private.d] as string[];

const VALID = {
  common: {
    DATABASE_URL: `postgres://skyddsnat:${DB_PASSWORD}@127.0.0.1:9/skyddsnat`,
    GATEWAY_JWKS_FILE: file("gateway.jwks.json"),
    HOST: "127.0.0.1",
  },
  "social-services": {},
  housing: { FACTS_URL: "http://127.0.0.1:4001" },
  "police-liaison": { FACTS_URL: "http://127.0.0.1:4001" },
  gateway: {
    GATEWAY_PRIVATE_JWK_FILE: file("gateway.private.jwk.json"),
    ISSUERS_FILE: file("issuers.json"),
    AUDIT_CHAIN_KEY_FILE: file("audit-chain.key"),
    SOCIAL_SERVICES_URL: "http://127.0.0.1:4001/graphql",
    HOUSING_URL: "http://127.0.0.1:4002/graphql",
    POLICE_LIAISON_URL: "http://127.0.0.1:4003/graphql",
    CHILD_SERVICES_URL: "http://127.0.0.1:4004/graphql",
  },
};
type Service = Exclude<keyof typeof VALID, "common">;

/** A valid configuration of `service` with `changes` applied (undefined removes a variable). */
function configuration(service: Service, changes: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string | undefined> = { SKYDDSNAT_SERVICE: service, ...VALID.common, ...VALID[service], ...changes };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

interface BadConfiguration {
  service: Service;
  changes: Record<string, string | undefined>;
  variable: string;
  message: RegExp;
}

const CASES: Record<string, BadConfiguration> = {
  "SKYDDSNAT_SERVICE missing": { service: "housing", changes: { SKYDDSNAT_SERVICE: undefined }, variable: "SKYDDSNAT_SERVICE", message: /must be one of gateway, social-services, housing, police-liaison, child-services/ },
  "SKYDDSNAT_SERVICE unknown": { service: "housing", changes: { SKYDDSNAT_SERVICE: "tax-agency" }, variable: "SKYDDSNAT_SERVICE", message: /must be one of gateway, social-services/ },
  "PORT above 65535": { service: "housing", changes: { PORT: "70000" }, variable: "PORT", message: /must be a port number \(1-65535\)/ },
  "PORT not a number": { service: "gateway", changes: { PORT: "abc" }, variable: "PORT", message: /must be a port number/ },
  "DATABASE_URL missing": { service: "social-services", changes: { DATABASE_URL: undefined }, variable: "DATABASE_URL", message: /is required/ },
  "DATABASE_URL not postgres://": { service: "gateway", changes: { DATABASE_URL: `mysql://skyddsnat:${MARKER}@127.0.0.1:9/skyddsnat` }, variable: "DATABASE_URL", message: /must be a postgres:\/\/ URL/ },
  "GATEWAY_JWKS_FILE missing": { service: "police-liaison", changes: { GATEWAY_JWKS_FILE: undefined }, variable: "GATEWAY_JWKS_FILE", message: /is required/ },
  "GATEWAY_JWKS_FILE unreadable": { service: "social-services", changes: { GATEWAY_JWKS_FILE: file("no-such.jwks.json") }, variable: "GATEWAY_JWKS_FILE", message: /cannot read the file it names/ },
  "GATEWAY_JWKS_FILE not JSON": { service: "housing", changes: { GATEWAY_JWKS_FILE: file("jwks-invalid.json") }, variable: "GATEWAY_JWKS_FILE", message: /is not valid JSON/ },
  "GATEWAY_JWKS_FILE not a JWKS": { service: "social-services", changes: { GATEWAY_JWKS_FILE: file("jwks-not-a-jwks.json") }, variable: "GATEWAY_JWKS_FILE", message: /must hold a JWKS/ },
  "GATEWAY_JWKS_FILE with a private key (agency)": { service: "housing", changes: { GATEWAY_JWKS_FILE: file("jwks-with-private-key.json") }, variable: "GATEWAY_JWKS_FILE", message: /must hold public keys only/ },
  "GATEWAY_JWKS_FILE with no Ed25519 key (housing)": { service: "housing", changes: { GATEWAY_JWKS_FILE: file("jwks-es256-only.json") }, variable: "GATEWAY_JWKS_FILE", message: /Ed25519 signing keys among them/ },
  "GATEWAY_JWKS_FILE with a private key (gateway)": { service: "gateway", changes: { GATEWAY_JWKS_FILE: file("jwks-with-private-key.json") }, variable: "GATEWAY_JWKS_FILE", message: /must hold public keys only/ },
  "GATEWAY_PRIVATE_JWK_FILE whose key is not in the JWKS": { service: "gateway", changes: { GATEWAY_PRIVATE_JWK_FILE: file("impostor.private.jwk.json") }, variable: "GATEWAY_PRIVATE_JWK_FILE", message: /is not in GATEWAY_JWKS_FILE/ },
  "GATEWAY_PRIVATE_JWK_FILE of another key type": { service: "gateway", changes: { GATEWAY_PRIVATE_JWK_FILE: file("es256.private.jwk.json") }, variable: "GATEWAY_PRIVATE_JWK_FILE", message: /must hold one Ed25519 private JWK/ },
  "ISSUERS_FILE an empty array": { service: "gateway", changes: { ISSUERS_FILE: file("issuers-empty.json") }, variable: "ISSUERS_FILE", message: /must hold a non-empty array of issuers/ },
  "ISSUERS_FILE an issuer of an unknown agency": { service: "gateway", changes: { ISSUERS_FILE: file("issuers-unknown-agency.json") }, variable: "ISSUERS_FILE", message: /issuer https:\/\/idp\.tax-agency\.example: unknown agency/ },
  "ISSUERS_FILE a discovery issuer over plain HTTP": { service: "gateway", changes: { ISSUERS_FILE: file("issuers-discovery-http.json") }, variable: "ISSUERS_FILE", message: /issuer http:\/\/idp\.housing\.example: issuer must use https/ },
  "ISSUERS_FILE an empty claim name": { service: "gateway", changes: { ISSUERS_FILE: file("issuers-bad-mapping.json") }, variable: "ISSUERS_FILE", message: /claim mapping entry must name a claim/ },
  "ISSUERS_FILE a symmetric algorithm": { service: "gateway", changes: { ISSUERS_FILE: file("issuers-symmetric.json") }, variable: "ISSUERS_FILE", message: /algorithms must be a non-empty subset of/ },
  "ISSUERS_FILE an issuer's private key": { service: "gateway", changes: { ISSUERS_FILE: file("issuers-private-key.json") }, variable: "ISSUERS_FILE", message: /must hold public keys only/ },
  "AUDIT_CHAIN_KEY_FILE shorter than 32 bytes": { service: "gateway", changes: { AUDIT_CHAIN_KEY_FILE: file("audit-chain-short.key") }, variable: "AUDIT_CHAIN_KEY_FILE", message: /must hold at least 32 bytes, base64-encoded/ },
  "AUDIT_CHAIN_KEY_FILE not base64": { service: "gateway", changes: { AUDIT_CHAIN_KEY_FILE: file("audit-chain-not-base64.key") }, variable: "AUDIT_CHAIN_KEY_FILE", message: /must hold at least 32 bytes, base64-encoded/ },
  "AUDIT_CHAIN_KEY_FILE unreadable": { service: "gateway", changes: { AUDIT_CHAIN_KEY_FILE: file("no-such.key") }, variable: "AUDIT_CHAIN_KEY_FILE", message: /cannot read the file it names/ },
  "SOCIAL_SERVICES_URL not http(s)": { service: "gateway", changes: { SOCIAL_SERVICES_URL: `ftp://${MARKER}@127.0.0.1/` }, variable: "SOCIAL_SERVICES_URL", message: /must be an http\(s\) URL/ },
  "LIMIT_DEPTH not a whole number": { service: "gateway", changes: { LIMIT_DEPTH: MARKER }, variable: "LIMIT_DEPTH", message: /must be a whole number from 1 to 1000000/ },
  "TRUSTED_DOCUMENTS unknown": { service: "gateway", changes: { TRUSTED_DOCUMENTS: MARKER }, variable: "TRUSTED_DOCUMENTS", message: /must be one of off, allow-listed/ },
  "TRUSTED_DOCUMENTS allow-listed without a manifest": { service: "gateway", changes: { TRUSTED_DOCUMENTS: "allow-listed" }, variable: "TRUSTED_DOCUMENTS_FILE", message: /is required when TRUSTED_DOCUMENTS is allow-listed/ },
  "CORS_ORIGINS a wildcard": { service: "gateway", changes: { CORS_ORIGINS: "*" }, variable: "CORS_ORIGINS", message: /no wildcard/ },
  "FACTS_URL missing (housing)": { service: "housing", changes: { FACTS_URL: undefined }, variable: "FACTS_URL", message: /is required/ },
  "LOG_LEVEL unknown": { service: "housing", changes: { LOG_LEVEL: "verbose" }, variable: "LOG_LEVEL", message: /must be fatal, error, warn, info, debug, trace or silent/ },
  "MIGRATE unknown": { service: "housing", changes: { MIGRATE: "always" }, variable: "MIGRATE", message: /must be at-start, only or never/ },
  "the audit owner's login for a gateway that serves with MIGRATE=never": {
    service: "gateway",
    changes: { MIGRATE: "never", AUDIT_OWNER_DATABASE_URL: `postgres://owner:${MARKER}@127.0.0.1:9/skyddsnat` },
    variable: "AUDIT_OWNER_DATABASE_URL",
    message: /must be unset with MIGRATE=never/,
  },
  "no audit writer's login for a gateway with MIGRATE=never": { service: "gateway", changes: { MIGRATE: "never", DATABASE_URL: undefined }, variable: "AUDIT_WRITER_DATABASE_URL", message: /is required with MIGRATE=never/ },
  "RUNTIME_ROLE not a role name (migration step)": { service: "housing", changes: { MIGRATE: "only", RUNTIME_ROLE: `x; DROP ROLE ${MARKER}` }, variable: "RUNTIME_ROLE", message: /must be a PostgreSQL role name/ },
  "DATABASE_URL missing (migration step)": { service: "child-services", changes: { MIGRATE: "only", DATABASE_URL: undefined }, variable: "DATABASE_URL", message: /is required/ },
  "FACTS_URL not http(s) (housing)": { service: "housing", changes: { FACTS_URL: `ftp://${MARKER}@127.0.0.1/` }, variable: "FACTS_URL", message: /must be an http\(s\) URL/ },
};

// Each run is a second or two of a process importing every service: three at a time, started
// together and awaited by each test in turn.
const outcomes = new Map<string, Promise<Outcome>>();
{
  const queue = Object.entries(CASES);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [name, { service, changes }] = next;
      const outcome = startService(configuration(service, changes));
      outcomes.set(name, outcome);
      await outcome;
    }
  };
  for (let i = 0; i < 3; i++) void worker();
}
/** The outcome of a case, once its run has been started (the workers take the cases in order). */
async function outcomeOf(name: string): Promise<Outcome> {
  while (!outcomes.has(name)) await new Promise((resolve) => setTimeout(resolve, 20));
  return outcomes.get(name) as Promise<Outcome>;
}

/** The JSON log lines on stdout (pino: not a terminal, so JSON). */
const logLines = (stdout: string) =>
  stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("start-service: a bad configuration stops the process with exit 2, names the variable, never a value", () => {
  test.each(Object.entries(CASES))("%s", async (name, { variable, message }) => {
    const { code, stdout, stderr } = await outcomeOf(name);
    for (const secret of SECRETS) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
    }
    expect(code).toBe(2);
    const lines = logLines(stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 60, variable });
    expect(lines[0]?.msg).toMatch(new RegExp(`^configuration: ${variable}: `));
    expect(lines[0]?.msg).toMatch(message);
  });

  test("an unknown SKYDDSNAT_SERVICE is not printed either, not even as the log line's service", async () => {
    const { code, stdout } = await startService(configuration("housing", { SKYDDSNAT_SERVICE: MARKER }));
    expect(code).toBe(2);
    expect(stdout).not.toContain(MARKER);
  });
});
