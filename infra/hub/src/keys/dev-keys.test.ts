import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { AGENCIES, signInternalToken, subgraphAudience, verifyInternalToken } from "@skyddsnat/schema";
import { transformFile } from "@swc/core";
import { importJWK, jwtVerify, SignJWT } from "jose";
import { DEFAULT_KEYS_DIR, type DevKeys, ensureDevKeys } from "./dev-keys.js";

const run = promisify(execFile);
const here = fileURLToPath(new URL(".", import.meta.url));
let root: string;
let counter = 0;
const freshDir = () => join(root, `keys-${++counter}`);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "skyddsnat-dev-keys-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("ensureDevKeys", () => {
  test("the default directory is <repo>/infra/dev-keys, from the module's location", () => {
    expect(DEFAULT_KEYS_DIR).toBe(join(here, "..", "..", "..", "dev-keys"));
    expect(DEFAULT_KEYS_DIR.endsWith(join("infra", "dev-keys"))).toBe(true);
  });

  test("creates an ES256 issuer per agency and the gateway's Ed25519 key; private files are 0600", async () => {
    const dir = freshDir();
    const keys = await ensureDevKeys(dir);

    expect(keys.issuers.map((i) => i.agency)).toEqual([...AGENCIES]);
    for (const agency of AGENCIES) {
      const issuer = keys.issuers.find((i) => i.agency === agency);
      const own = keys.issuerPrivateKeys[agency];
      expect(issuer).toMatchObject({ issuer: `https://idp.${agency}.kommun.example`, algorithms: ["ES256"] });
      expect(own).toMatchObject({ kid: `${agency}-dev-1`, issuer: `https://idp.${agency}.kommun.example` });
      expect(own.privateJwk).toMatchObject({ kty: "EC", crv: "P-256", kid: `${agency}-dev-1`, alg: "ES256" });
      expect(issuer?.jwks.keys).toHaveLength(1);
      expect(issuer?.jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", kid: `${agency}-dev-1`, alg: "ES256", use: "sig" });
      expect(issuer?.jwks.keys[0]).not.toHaveProperty("d");
    }
    expect(keys.gateway.kid).toBe("gateway-dev-1");
    expect(keys.gateway.privateJwk).toMatchObject({ kty: "OKP", crv: "Ed25519", kid: "gateway-dev-1" });
    expect(keys.gateway.publicJwks.keys).toEqual([expect.objectContaining({ kty: "OKP", crv: "Ed25519", kid: "gateway-dev-1" })]);
    expect(keys.gateway.publicJwks.keys[0]).not.toHaveProperty("d");

    const files = await readdir(dir);
    expect(files.sort()).toEqual([...AGENCIES, "gateway"].map((name) => `${name}.private.jwk.json`).sort());
    for (const file of files) expect((await stat(join(dir, file))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  test("the key pairs work: an issuer's token verifies with its JWKS; the gateway's internal token too", async () => {
    const keys = await ensureDevKeys(freshDir());
    const own = keys.issuerPrivateKeys.housing;
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: own.kid }).setIssuer(own.issuer).sign(await importJWK(own.privateJwk, "ES256"));
    const publicKey = await importJWK(keys.issuers.find((i) => i.agency === "housing")?.jwks.keys[0] ?? {}, "ES256");
    await expect(jwtVerify(jwt, publicKey)).resolves.toBeDefined();

    const claims = {
      actor: { staffId: "ho-3001", agency: "housing" as const, role: "HOUSING_OFFICER" as const, purpose: "CASE_WORK" as const, issuer: own.issuer, unit: "housing/malmo" },
      requestId: "r1",
      emergencyGrants: [],
    };
    const internal = await signInternalToken(claims, { privateKey: keys.gateway.privateJwk, kid: keys.gateway.kid }, subgraphAudience("housing"));
    await expect(verifyInternalToken(internal, keys.gateway.publicJwks, subgraphAudience("housing"))).resolves.toEqual(claims);
  });

  test("a second call reuses the keys on disk", async () => {
    const dir = freshDir();
    const first = await ensureDevKeys(dir);
    const before = await readFile(join(dir, "gateway.private.jwk.json"), "utf8");
    const second = await ensureDevKeys(dir);
    expect(second).toEqual(first);
    expect(await readFile(join(dir, "gateway.private.jwk.json"), "utf8")).toBe(before);
  });

  test("the audit chain key is 32 bytes, the same on every start from one directory, and another directory's differs", async () => {
    const dir = freshDir();
    const first = (await ensureDevKeys(dir)).auditChainKey;
    expect(first).toHaveLength(32);
    expect((await ensureDevKeys(dir)).auditChainKey).toEqual(first);
    expect(Buffer.from((await ensureDevKeys(freshDir())).auditChainKey).equals(Buffer.from(first))).toBe(false);
  });

  test("concurrent calls in one process agree and leave no temporary files", async () => {
    const dir = freshDir();
    const results = await Promise.all(Array.from({ length: 8 }, () => ensureDevKeys(dir)));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await ensureDevKeys(dir)).toEqual(results[0]);
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("concurrent calls from separate processes agree", async () => {
    // The module as plain JavaScript, importing its dependencies by absolute URL, so that plain
    // `node` processes can race each other on one directory.
    const require = createRequire(import.meta.url);
    const schemaEntry = pathToFileURL(require.resolve("@skyddsnat/schema")).href;
    const joseEntry = pathToFileURL(require.resolve("jose")).href;
    const { code } = await transformFile(join(here, "dev-keys.ts"), {
      jsc: { parser: { syntax: "typescript" }, target: "es2022" },
      module: { type: "es6" },
    });
    const modulePath = join(root, `dev-keys-${process.pid}.mjs`);
    await writeFile(modulePath, code.replace(/from "@skyddsnat\/schema"/g, `from "${schemaEntry}"`).replace(/from "jose"/g, `from "${joseEntry}"`));
    const script = `const { ensureDevKeys } = await import(${JSON.stringify(pathToFileURL(modulePath).href)});
process.stdout.write(JSON.stringify(await ensureDevKeys(process.argv[1])));`;

    const dir = freshDir();
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => run(process.execPath, ["--input-type=module", "-e", script, dir]).then(({ stdout }) => stdout)),
    );
    const parsed = outputs.map((output) => JSON.parse(output) as DevKeys);
    for (const result of parsed) expect(result).toEqual(parsed[0]);
    // Through JSON like the racers' output, so the chain key (bytes) compares as they printed it.
    expect(JSON.parse(JSON.stringify(await ensureDevKeys(dir)))).toEqual(parsed[0]);
  }, 30_000);

  test("a corrupt or foreign key file is an error, never silently replaced", async () => {
    const dir = freshDir();
    await ensureDevKeys(dir);
    const path = join(dir, "housing.private.jwk.json");
    await writeFile(path, "{ not json");
    await expect(ensureDevKeys(dir)).rejects.toThrow(/corrupt/);
    await writeFile(path, JSON.stringify({ kid: "housing-dev-2", alg: "ES256", privateJwk: {}, publicJwk: {} }));
    await expect(ensureDevKeys(dir)).rejects.toThrow(/delete the dev-keys directory/);
  });
});
