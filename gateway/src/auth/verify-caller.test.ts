import { beforeAll, describe, expect, test } from "@jest/globals";
import { base64url, type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { AUTHENTICATION_REASONS, AuthenticationError, IssuerUnavailableError } from "./errors.js";
import { createIssuerRegistry, type IssuerRegistry } from "./issuers.js";
import { verifyCaller } from "./verify-caller.js";
import { HUB_AUDIENCE, SOCIAL_ISSUER, socialSecretaryClaims } from "./keys.fixtures.js";

const AUDIENCE = HUB_AUDIENCE;
const SOCIAL = SOCIAL_ISSUER;
const HOUSING = "https://idp.housing.test";

let socialKey: CryptoKey;
let socialPublicJwk: JWK;
let housingKey: CryptoKey;
let registry: IssuerRegistry;

beforeAll(async () => {
  const social = await generateKeyPair("ES256", { extractable: true });
  const housing = await generateKeyPair("ES256", { extractable: true });
  socialKey = social.privateKey;
  housingKey = housing.privateKey;
  socialPublicJwk = { ...(await exportJWK(social.publicKey)), kid: "ss-1", alg: "ES256", use: "sig" };
  registry = createIssuerRegistry([
    { issuer: SOCIAL, agency: "social-services", algorithms: ["ES256"], jwks: { keys: [socialPublicJwk] } },
    {
      issuer: HOUSING,
      agency: "housing",
      algorithms: ["ES256"],
      jwks: { keys: [{ ...(await exportJWK(housing.publicKey)), kid: "ho-1", alg: "ES256" }] },
    },
  ]);
});

interface Craft {
  claims?: Record<string, unknown>;
  omit?: string[];
  header?: Record<string, unknown>;
  key?: CryptoKey | Uint8Array;
}

/** A social-services caller token, damaged in exactly the way a test asks. */
async function token({ claims = {}, omit = [], header = {}, key }: Craft = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { ...socialSecretaryClaims(now), ...claims };
  for (const claim of omit) delete payload[claim];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "ES256", kid: "ss-1", typ: "JWT", ...header } as never)
    .sign(key ?? socialKey);
}

const verify = (authorization: string | undefined, options: { clockToleranceSeconds?: number } = {}) =>
  verifyCaller(authorization, registry, { audience: AUDIENCE, ...options });

async function refusal(authorization: string | undefined): Promise<AuthenticationError> {
  const error = await verify(authorization).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

async function expectReason(authorization: string | undefined, reason: string) {
  const error = await refusal(authorization);
  expect(error.reason).toBe(reason);
  expect(error.message).toBe(`caller not authenticated: ${reason}`);
}

const seen = new Set<string>();
const bearer = (jwt: string) => `Bearer ${jwt}`;

describe("verifyCaller: the happy path", () => {
  test("a valid token establishes the actor", async () => {
    await expect(verify(bearer(await token()))).resolves.toEqual({
      staffId: "ss-1001",
      agency: "social-services",
      role: "SOCIAL_SECRETARY",
      purpose: "CASE_WORK",
      issuer: SOCIAL,
      unit: "social-services/malmo-vald",
    });
  });

  test("an auditor may carry a unit or none; without one the actor has no unit", async () => {
    const audit = createIssuerRegistry([{ issuer: SOCIAL, agency: "audit", algorithms: ["ES256"], jwks: { keys: [socialPublicJwk] } }]);
    const auditor = (claims: Record<string, unknown>, omit: string[] = []) =>
      token({ claims: { agency: "audit", role: "AUDITOR", purpose: "AUDIT", sub: "au-6001", ...claims }, omit });
    const without = await verifyCaller(bearer(await auditor({}, ["unit"])), audit, { audience: AUDIENCE });
    expect("unit" in without).toBe(false);
    await expect(verifyCaller(bearer(await auditor({ unit: "audit/skane" })), audit, { audience: AUDIENCE })).resolves.toMatchObject({ unit: "audit/skane" });
    // A unit an auditor does carry is checked like anyone's.
    await expect(verifyCaller(bearer(await auditor({ unit: "housing/malmo" })), audit, { audience: AUDIENCE })).rejects.toMatchObject({ reason: "UNIT_NOT_IN_AGENCY" });
  });

  test("a machine client acting for a role carries its client id; the scheme is case-insensitive", async () => {
    const actor = await verify(`bearer ${await token({ claims: { client_id: "case-system-1", role: "CONTACT_PERSON", purpose: "COORDINATED_SUPPORT" } })}`);
    expect(actor).toEqual(expect.objectContaining({ role: "CONTACT_PERSON", purpose: "COORDINATED_SUPPORT", clientId: "case-system-1" }));
  });

  test("each issuer's own keys: a housing token verifies with housing's key", async () => {
    const jwt = await token({ claims: { iss: HOUSING, agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3001", unit: "housing/malmo" }, header: { kid: "ho-1" }, key: housingKey });
    await expect(verify(bearer(jwt))).resolves.toEqual(expect.objectContaining({ agency: "housing", issuer: HOUSING }));
  });

  test("exp within the clock tolerance is still accepted", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verify(bearer(await token({ claims: { exp: now - 2 } })))).resolves.toBeDefined();
  });
});

describe("verifyCaller: every refusal has its reason", () => {
  const cases: [string, string, () => Promise<string | undefined>][] = [
    ["NO_TOKEN", "no header", async () => undefined],
    ["NO_TOKEN", "an empty header", async () => "  "],
    ["MALFORMED_TOKEN", "another scheme", async () => `Basic ${Buffer.from("a:b").toString("base64")}`],
    ["MALFORMED_TOKEN", "Bearer without a token", async () => "Bearer"],
    ["MALFORMED_TOKEN", "not a JWT", async () => "Bearer abc.def"],
    ["MALFORMED_TOKEN", "a JWE-shaped token", async () => "Bearer a.b.c.d.e"],
    ["MALFORMED_TOKEN", "a payload that is not JSON", async () => `Bearer ${base64url.encode('{"alg":"ES256"}')}.${base64url.encode("nope")}.sig`],
    ["MALFORMED_TOKEN", "an oversized token", async () => `Bearer ${"a".repeat(5000)}.${"b".repeat(5000)}.c`],
    ["UNKNOWN_ISSUER", "an issuer the hub does not trust", async () => bearer(await token({ claims: { iss: "https://idp.elsewhere.example" } }))],
    ["UNKNOWN_ISSUER", "no issuer at all", async () => bearer(await token({ omit: ["iss"] }))],
    ["UNKNOWN_ISSUER", "the gateway's internal issuer", async () => bearer(await token({ claims: { iss: "urn:skyddsnat:gateway" } }))],
    [
      "ALGORITHM_NOT_ALLOWED",
      "alg none",
      async () => {
        const payload = { iss: SOCIAL, aud: AUDIENCE, sub: "ss-1001", agency: "social-services", role: "SOCIAL_SECRETARY", purpose: "CASE_WORK", iat: 1, exp: 9_999_999_999 };
        return `Bearer ${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64url.encode(JSON.stringify(payload))}.`;
      },
    ],
    [
      "ALGORITHM_NOT_ALLOWED",
      "HS256 keyed with the issuer's public key (algorithm confusion)",
      async () => bearer(await token({ header: { alg: "HS256" }, key: new TextEncoder().encode(JSON.stringify(socialPublicJwk)) })),
    ],
    [
      "ALGORITHM_NOT_ALLOWED",
      "an asymmetric algorithm the issuer does not use",
      async () => {
        const rsa = await generateKeyPair("RS256");
        return bearer(await token({ header: { alg: "RS256" }, key: rsa.privateKey }));
      },
    ],
    ["BAD_SIGNATURE", "a key the issuer never published", async () => bearer(await token({ key: (await generateKeyPair("ES256")).privateKey }))],
    ["BAD_SIGNATURE", "another issuer's key", async () => bearer(await token({ key: housingKey }))],
    ["BAD_SIGNATURE", "an unknown kid", async () => bearer(await token({ header: { kid: "ss-9" } }))],
    [
      "BAD_SIGNATURE",
      "a payload changed after signing",
      async () => {
        const [header, payload, signature] = (await token()).split(".") as [string, string, string];
        const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
        return `Bearer ${header}.${base64url.encode(JSON.stringify({ ...claims, purpose: "EMERGENCY" }))}.${signature}`;
      },
    ],
    ["WRONG_AUDIENCE", "another audience", async () => bearer(await token({ claims: { aud: "urn:some:other:api" } }))],
    ["EXPIRED", "expired beyond the tolerance", async () => bearer(await token({ claims: { exp: Math.floor(Date.now() / 1000) - 60 } }))],
    ["NOT_YET_VALID", "nbf in the future", async () => bearer(await token({ claims: { nbf: Math.floor(Date.now() / 1000) + 60 } }))],
    ["NOT_YET_VALID", "iat in the future", async () => bearer(await token({ claims: { iat: Math.floor(Date.now() / 1000) + 60 } }))],
    ["MISSING_CLAIM", "no exp", async () => bearer(await token({ omit: ["exp"] }))],
    ["MISSING_CLAIM", "no iat", async () => bearer(await token({ omit: ["iat"] }))],
    ["MISSING_CLAIM", "no aud", async () => bearer(await token({ omit: ["aud"] }))],
    ["MISSING_CLAIM", "no sub", async () => bearer(await token({ omit: ["sub"] }))],
    ["MISSING_CLAIM", "no agency", async () => bearer(await token({ omit: ["agency"] }))],
    ["MISSING_CLAIM", "no role", async () => bearer(await token({ omit: ["role"] }))],
    ["MISSING_CLAIM", "no purpose", async () => bearer(await token({ omit: ["purpose"] }))],
    ["BAD_CLAIM", "exp not a number", async () => bearer(await token({ claims: { exp: "tomorrow" } }))],
    ["BAD_CLAIM", "an empty sub", async () => bearer(await token({ claims: { sub: "" } }))],
    ["BAD_CLAIM", "a sub with control characters", async () => bearer(await token({ claims: { sub: "ss-1001\nforged log line" } }))],
    ["BAD_CLAIM", "an agency the issuer does not speak for", async () => bearer(await token({ claims: { agency: "police-liaison", role: "POLICE_LIAISON" } }))],
    ["BAD_CLAIM", "an unknown agency", async () => bearer(await token({ claims: { agency: "tax-agency" } }))],
    ["BAD_CLAIM", "an unknown role", async () => bearer(await token({ claims: { role: "ADMIN" } }))],
    ["BAD_CLAIM", "an unknown purpose", async () => bearer(await token({ claims: { purpose: "CURIOSITY" } }))],
    ["BAD_CLAIM", "a client id that is not a string", async () => bearer(await token({ claims: { client_id: 42 } }))],
    ["UNIT_REQUIRED", "a case role without a unit", async () => bearer(await token({ omit: ["unit"] }))],
    ["UNIT_REQUIRED", "a team lead without a unit", async () => bearer(await token({ claims: { role: "TEAM_LEAD", sub: "tl-7001" }, omit: ["unit"] }))],
    ["UNIT_NOT_IN_AGENCY", "a unit of another agency", async () => bearer(await token({ claims: { unit: "housing/malmo" } }))],
    ["UNIT_NOT_IN_AGENCY", "a unit of an agency whose name merely begins the same", async () => bearer(await token({ claims: { unit: "social-services-x/malmo" } }))],
    ["BAD_CLAIM", "a unit that is not a string", async () => bearer(await token({ claims: { unit: ["social-services/malmo-vald"] } }))],
    ["BAD_CLAIM", "a unit that is the agency alone", async () => bearer(await token({ claims: { unit: "social-services" } }))],
    ["BAD_CLAIM", "a unit with characters outside [a-z0-9-/]", async () => bearer(await token({ claims: { unit: "social-services/Malmö" } }))],
    ["BAD_CLAIM", "a unit over 64 characters", async () => bearer(await token({ claims: { unit: `social-services/${"a".repeat(49)}` } }))],
    ["ROLE_NOT_IN_AGENCY", "a role of another agency", async () => bearer(await token({ claims: { role: "POLICE_LIAISON" } }))],
    ["PURPOSE_NOT_ALLOWED", "a purpose the role may not state", async () => bearer(await token({ claims: { purpose: "AUDIT" } }))],
    [
      "PURPOSE_NOT_ALLOWED",
      "an emergency ground for a contact person",
      async () => bearer(await token({ claims: { role: "CONTACT_PERSON", purpose: "EMERGENCY" } })),
    ],
  ];

  test.each(cases)("%s: %s", async (reason, _, header) => {
    seen.add(reason);
    await expectReason(await header(), reason);
  });

  test("every reason code is covered above", () => {
    expect([...seen].sort()).toEqual([...AUTHENTICATION_REASONS].sort());
  });

  test("the error never echoes the token or its claims", async () => {
    const jwt = await token({ claims: { sub: "secret-staff-id", role: "POLICE_LIAISON" } });
    const error = await refusal(bearer(jwt));
    const text = `${error.message} ${error.stack ?? ""} ${JSON.stringify(error)}`;
    for (const part of [jwt, ...jwt.split("."), "secret-staff-id", "POLICE_LIAISON"]) expect(text).not.toContain(part);
  });
});

describe("verifyCaller: options and unavailable keys", () => {
  test("a tolerance beyond 60 s or negative is a configuration error", async () => {
    const jwt = bearer(await token());
    await expect(verify(jwt, { clockToleranceSeconds: 61 })).rejects.toThrow(RangeError);
    await expect(verify(jwt, { clockToleranceSeconds: -1 })).rejects.toThrow(RangeError);
  });

  test("a larger tolerance accepts a slightly expired token; zero does not", async () => {
    const jwt = bearer(await token({ claims: { exp: Math.floor(Date.now() / 1000) - 20 } }));
    await expect(verify(jwt, { clockToleranceSeconds: 30 })).resolves.toBeDefined();
    await expect(verify(jwt, { clockToleranceSeconds: 0 })).rejects.toMatchObject({ reason: "EXPIRED" });
  });

  test("an unreachable remote JWKS fails closed, not as the caller's fault", async () => {
    const remote = createIssuerRegistry(
      [{ issuer: SOCIAL, agency: "social-services", algorithms: ["ES256"], jwks: { uri: "http://127.0.0.1:1/jwks.json" } }],
      { remote: { timeoutDuration: 500 } },
    );
    const error = await verifyCaller(bearer(await token()), remote, { audience: AUDIENCE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IssuerUnavailableError);
    expect((error as Error).message).toBe(`keys of issuer ${SOCIAL} are unavailable`);
  });
});
