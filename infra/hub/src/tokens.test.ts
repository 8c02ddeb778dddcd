import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { GATEWAY_AUDIENCE } from "@skyddsnat/schema";
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from "jose";
// The gateway's own verification, from source: the round trip must pass the real check.
import { createIssuerRegistry, type IssuerRegistry } from "../../../gateway/src/auth/issuers.js";
import { verifyCaller } from "../../../gateway/src/auth/verify-caller.js";
import { ensureDevKeys } from "./keys/dev-keys.js";
import { type MintOptions, mintToken } from "./tokens.js";

let keysDir: string;
let registry: IssuerRegistry;

beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), "skyddsnat-tokens-"));
  registry = createIssuerRegistry((await ensureDevKeys(keysDir)).issuers);
});
afterAll(async () => {
  await rm(keysDir, { recursive: true, force: true });
});

const mint = (options: Omit<MintOptions, "keysDir">) => mintToken({ ...options, keysDir });
const verify = async (options: Omit<MintOptions, "keysDir">) =>
  verifyCaller(`Bearer ${await mint(options)}`, registry, { audience: GATEWAY_AUDIENCE });

describe("mintToken + verifyCaller", () => {
  test("round trip: defaults give a token the gateway accepts", async () => {
    await expect(verify({ agency: "social-services", role: "SOCIAL_SECRETARY", sub: "ss-1001" })).resolves.toEqual({
      staffId: "ss-1001",
      agency: "social-services",
      role: "SOCIAL_SECRETARY",
      purpose: "CASE_WORK",
      issuer: "https://idp.social-services.kommun.example",
      unit: "social-services/malmo-vald",
    });
  });

  test("every agency's roles, with their default purpose; a machine client's id", async () => {
    await expect(verify({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3001", clientId: "housing-system" })).resolves.toMatchObject({
      purpose: "CASE_WORK",
      clientId: "housing-system",
    });
    await expect(verify({ agency: "audit", role: "AUDITOR", sub: "au-1" })).resolves.toMatchObject({ purpose: "AUDIT" });
    await expect(verify({ agency: "police-liaison", role: "POLICE_LIAISON", sub: "po-1", purpose: "EMERGENCY", unit: "police-liaison/malmo" })).resolves.toMatchObject({
      purpose: "EMERGENCY",
      unit: "police-liaison/malmo",
    });
  });

  test("a demo staff member's unit by default, from the staff directory; another on request", async () => {
    await expect(verify({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3003" })).resolves.toMatchObject({ unit: "housing/lund" });
    await expect(verify({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3003", unit: "housing/malmo" })).resolves.toMatchObject({ unit: "housing/malmo" });
    expect(decodeJwt(await mint({ agency: "audit", role: "AUDITOR", sub: "au-1" }))).not.toHaveProperty("unit");
  });

  test("the token's shape: ES256, the dev kid, the hub audience, one hour", async () => {
    const jwt = await mint({ agency: "child-services", role: "CHILD_SERVICES_OFFICER", sub: "cs-1" });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "ES256", kid: "child-services-dev-1", typ: "JWT" });
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({ iss: "https://idp.child-services.kommun.example", aud: GATEWAY_AUDIENCE, sub: "cs-1" });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
  });

  test.each<[string, Omit<MintOptions, "keysDir">]>([
    ["BAD_SIGNATURE", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", kid: "housing-dev-1", issuer: "https://idp.housing.kommun.example" }],
    ["UNKNOWN_ISSUER", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", issuer: "https://idp.elsewhere.example" }],
    ["WRONG_AUDIENCE", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", audience: "urn:other" }],
    ["EXPIRED", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", expiresAt: Math.floor(Date.now() / 1000) - 3600 }],
    ["NOT_YET_VALID", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", notBefore: Math.floor(Date.now() / 1000) + 3600 }],
    ["MISSING_CLAIM", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", omitClaims: ["purpose"] }],
    ["MISSING_CLAIM", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", omitClaims: ["exp"] }],
    ["BAD_CLAIM", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", extraClaims: { agency: "social-services" } }],
    ["ROLE_NOT_IN_AGENCY", { agency: "housing", role: "SOCIAL_SECRETARY", sub: "x" }],
    ["PURPOSE_NOT_ALLOWED", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", purpose: "EMERGENCY" }],
    ["ALGORITHM_NOT_ALLOWED", { agency: "housing", role: "HOUSING_OFFICER", sub: "x", alg: "none" }],
    ["UNIT_REQUIRED", { agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3001", unit: null }],
    ["UNIT_NOT_IN_AGENCY", { agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3001", unit: "police-liaison/malmo" }],
  ])("overrides forge tokens the gateway refuses: %s", async (reason, options) => {
    const forged =
      reason === "BAD_SIGNATURE"
        ? { ...options, privateJwk: await exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey) }
        : options;
    await expect(verify(forged)).rejects.toMatchObject({ reason });
  });

  test("an unknown agency without overrides is a clear error", async () => {
    await expect(mint({ agency: "tax-agency" as never, role: "HOUSING_OFFICER", sub: "x" })).rejects.toThrow(/unknown agency/);
  });
});
