import { beforeAll, describe, expect, test } from "@jest/globals";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { createIssuerRegistry, type IssuerConfig } from "./issuers.js";

let publicJwk: JWK;
let privateJwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true });
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256" };
  privateJwk = { ...(await exportJWK(pair.privateKey)), kid: "k1", alg: "ES256" };
});

const config = (overrides: Partial<IssuerConfig> = {}): IssuerConfig => ({
  issuer: "https://idp.housing.test",
  agency: "housing",
  algorithms: ["ES256"],
  jwks: { keys: [publicJwk] },
  ...overrides,
});

describe("createIssuerRegistry", () => {
  test("one resolver per issuer, inline or remote", () => {
    const registry = createIssuerRegistry([
      config(),
      config({ issuer: "https://idp.police.test", agency: "police-liaison", algorithms: ["RS256", "PS256"], jwks: { uri: "https://idp.police.test/jwks.json" } }),
    ]);
    expect([...registry.keys()]).toEqual(["https://idp.housing.test", "https://idp.police.test"]);
    const housing = registry.get("https://idp.housing.test");
    expect(housing).toMatchObject({ agency: "housing", algorithms: ["ES256"] });
    expect(typeof housing?.keys).toBe("function");
    expect(Object.isFrozen(housing)).toBe(true);
  });

  test.each([
    ["alg none", { algorithms: ["none"] }],
    ["HMAC", { algorithms: ["HS256"] }],
    ["HMAC beside an asymmetric algorithm", { algorithms: ["ES256", "HS512"] }],
    ["no algorithm", { algorithms: [] }],
    ["an unknown algorithm", { algorithms: ["ES256K"] }],
  ])("refuses %s", (_, overrides) => {
    expect(() => createIssuerRegistry([config(overrides)])).toThrow(/algorithms/);
  });

  test("refuses private or symmetric keys in an inline JWKS, and an empty one", () => {
    expect(() => createIssuerRegistry([config({ jwks: { keys: [privateJwk] } })])).toThrow(/public keys only/);
    expect(() => createIssuerRegistry([config({ jwks: { keys: [{ kty: "oct", k: "c2VjcmV0" }] } })])).toThrow(/public keys only/);
    expect(() => createIssuerRegistry([config({ jwks: { keys: [] } })])).toThrow(/no keys/);
  });

  test("refuses a JWKS uri over plain http except on loopback, and a non-URL", () => {
    expect(() => createIssuerRegistry([config({ jwks: { uri: "http://idp.housing.test/jwks.json" } })])).toThrow(/https/);
    expect(() => createIssuerRegistry([config({ jwks: { uri: "not a url" } })])).toThrow(/not a URL/);
    expect(() => createIssuerRegistry([config({ jwks: { uri: "http://127.0.0.1:8080/jwks.json" } })])).not.toThrow();
  });

  test("refuses duplicates, unknown agencies and the gateway's own issuer", () => {
    expect(() => createIssuerRegistry([config(), config()])).toThrow(/twice/);
    expect(() => createIssuerRegistry([config({ agency: "tax-agency" as never })])).toThrow(/agency/);
    expect(() => createIssuerRegistry([config({ issuer: "urn:skyddsnat:gateway" })])).toThrow(/gateway/);
    expect(() => createIssuerRegistry([config({ issuer: "" })])).toThrow(/issuer/);
  });

  test("a discovery issuer must itself be https (or loopback), and says discovery: true", () => {
    expect(() => createIssuerRegistry([config({ issuer: "http://idp.housing.test", jwks: { discovery: true } })])).toThrow(/issuer must use https/);
    expect(() => createIssuerRegistry([config({ jwks: { discovery: "yes" } as never })])).toThrow(/discovery must be true/);
    expect(() => createIssuerRegistry([config({ issuer: "http://127.0.0.1:4100/housing", jwks: { discovery: true } })])).not.toThrow();
  });

  test("the claim mapping: today's names by default; no machine caller from a discovery issuer unless named", () => {
    const registry = createIssuerRegistry([
      config(),
      config({ issuer: "https://idp.police.test", agency: "police-liaison", jwks: { discovery: true }, claims: { role: "https://id.polisen.example/claims/role" } }),
    ]);
    expect(registry.get("https://idp.housing.test")?.claims).toEqual({ staffId: "sub", agency: "agency", role: "role", unit: "unit", purpose: "purpose", machineClient: "client_id" });
    expect(registry.get("https://idp.housing.test")?.tokenType).toBeUndefined();
    expect(registry.get("https://idp.police.test")?.claims).toMatchObject({ role: "https://id.polisen.example/claims/role", machineClient: null });
    expect(registry.get("https://idp.police.test")?.tokenType).toBe("at+jwt");
  });

  test.each([
    ["an empty claim name", { role: "" }],
    ["a claim name with spaces", { agency: "the agency" }],
    ["an empty scope prefix", { purpose: { scopePrefix: "" } }],
    ["a non-string name", { staffId: 42 as never }],
  ])("refuses a mapping with %s", (_, claims) => {
    expect(() => createIssuerRegistry([config({ claims: claims as never })])).toThrow(/claim mapping/);
  });
});
