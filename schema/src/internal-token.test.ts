import { beforeAll, describe, expect, jest, test } from "@jest/globals";
import { base64url, type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { KeyObject, sign } from "node:crypto";
import type { Actor } from "./actor.js";
import {
  importInternalSigningKey,
  INTERNAL_ISSUER,
  INTERNAL_TOKEN_TYPE,
  type InternalClaims,
  InternalTokenError,
  signInternalToken,
  subgraphAudience,
  verifyInternalToken,
  verifyInternalTokenWithJose,
} from "./internal-token.js";

const AUDIENCE = subgraphAudience("housing");
const actor: Actor = {
  staffId: "ss-1001",
  agency: "social-services",
  role: "SOCIAL_SECRETARY",
  purpose: "CASE_WORK",
  issuer: "https://idp.social-services.kommun.example",
  unit: "social-services/malmo-vald",
};
const claims: InternalClaims = { actor, requestId: "req-1", emergencyGrants: ["person-1"] };

let privateKey: CryptoKey;
let privateJwk: JWK;
let jwks: { keys: JWK[] };
const kid = "gateway-test-1";

beforeAll(async () => {
  const pair = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  privateKey = pair.privateKey;
  privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg: "EdDSA" };
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid, alg: "EdDSA", use: "sig" }] };
});

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InternalTokenError);
  expect((error as InternalTokenError).code).toBe(code);
}

/** A token shaped like the gateway's, with any payload/header/key, to damage one thing at a time. */
async function craft(
  overrides: { payload?: Record<string, unknown>; header?: Record<string, unknown>; key?: CryptoKey; omit?: string[] } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    act: actor,
    rid: "req-1",
    egr: [],
    iss: INTERNAL_ISSUER,
    aud: AUDIENCE,
    sub: actor.staffId,
    iat: now,
    exp: now + 60,
    ...overrides.payload,
  };
  for (const claim of overrides.omit ?? []) delete payload[claim];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "EdDSA", kid, typ: INTERNAL_TOKEN_TYPE, ...overrides.header } as never)
    .sign(overrides.key ?? privateKey);
}

describe("signInternalToken / verifyInternalToken", () => {
  test("round trip: the verified claims equal the signed ones", async () => {
    const token = await signInternalToken(claims, { privateKey, kid }, AUDIENCE);
    await expect(verifyInternalToken(token, jwks, AUDIENCE)).resolves.toEqual(claims);
  });

  test("round trip with a client id, a JWK as key and several audiences", async () => {
    const withClient = { ...claims, actor: { ...actor, clientId: "case-system" } };
    const token = await signInternalToken(withClient, { privateKey: privateJwk, kid }, [AUDIENCE, "urn:skyddsnat:facts"]);
    await expect(verifyInternalToken(token, jwks, AUDIENCE)).resolves.toEqual(withClient);
    await expect(verifyInternalToken(token, jwks, "urn:skyddsnat:facts")).resolves.toEqual(withClient);
  });

  test("the key imported once signs tokens that verify; the JWKS is reused across calls", async () => {
    const imported = await importInternalSigningKey(privateJwk);
    for (let i = 0; i < 3; i++) {
      const token = await signInternalToken({ ...claims, requestId: `r${i}` }, { privateKey: imported, kid }, AUDIENCE);
      expect((await verifyInternalToken(token, jwks, AUDIENCE)).requestId).toBe(`r${i}`);
    }
  });

  test("round trip: the unit is carried; an auditor may carry none", async () => {
    expect((await verifyInternalToken(await signInternalToken(claims, { privateKey, kid }, AUDIENCE), jwks, AUDIENCE)).actor.unit).toBe(
      "social-services/malmo-vald",
    );
    const auditor: Actor = { staffId: "au-6001", agency: "audit", role: "AUDITOR", purpose: "AUDIT", issuer: "https://idp.audit.example" };
    const verified = await verifyInternalToken(await signInternalToken({ ...claims, actor: auditor }, { privateKey, kid }, AUDIENCE), jwks, AUDIENCE);
    expect(verified.actor).toEqual(auditor);
    expect("unit" in verified.actor).toBe(false);
  });

  test("signing refuses a case role without a unit, or with another agency's", async () => {
    const { unit: _, ...unitless } = actor;
    await expectCode(signInternalToken({ ...claims, actor: unitless }, { privateKey, kid }, AUDIENCE), "BAD_CLAIMS");
    await expectCode(signInternalToken({ ...claims, actor: { ...actor, unit: "police-liaison/malmo" } }, { privateKey, kid }, AUDIENCE), "BAD_CLAIMS");
  });

  test("extra actor properties are not carried", async () => {
    const token = await signInternalToken({ ...claims, actor: { ...actor, admin: true } as Actor }, { privateKey, kid }, AUDIENCE);
    expect((await verifyInternalToken(token, jwks, AUDIENCE)).actor).toEqual(actor);
  });

  test("another subgraph's audience", async () => {
    const token = await signInternalToken(claims, { privateKey, kid }, subgraphAudience("police-liaison"));
    await expectCode(verifyInternalToken(token, jwks, AUDIENCE), "WRONG_AUDIENCE");
  });

  test("another issuer", async () => {
    await expectCode(verifyInternalToken(await craft({ payload: { iss: "urn:someone:else" } }), jwks, AUDIENCE), "WRONG_ISSUER");
  });

  test("expired, beyond the 5 s tolerance; within it still accepted", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectCode(verifyInternalToken(await craft({ payload: { iat: now - 70, exp: now - 10 } }), jwks, AUDIENCE), "EXPIRED");
    await expect(verifyInternalToken(await craft({ payload: { iat: now - 62, exp: now - 2 } }), jwks, AUDIENCE)).resolves.toEqual(
      expect.objectContaining({ requestId: "req-1" }),
    );
  });

  test("issued in the future, or too old however long its exp", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectCode(verifyInternalToken(await craft({ payload: { iat: now + 60, exp: now + 120 } }), jwks, AUDIENCE), "NOT_YET_VALID");
    await expectCode(verifyInternalToken(await craft({ payload: { iat: now - 400, exp: now + 3600 } }), jwks, AUDIENCE), "EXPIRED");
    await expectCode(verifyInternalToken(await craft({ payload: { nbf: now + 60 } }), jwks, AUDIENCE), "NOT_YET_VALID");
  });

  test("signed by a key the gateway never published", async () => {
    const other = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const token = await signInternalToken(claims, { privateKey: other.privateKey, kid }, AUDIENCE);
    await expectCode(verifyInternalToken(token, jwks, AUDIENCE), "BAD_SIGNATURE");
  });

  test("a tampered payload", async () => {
    const token = await signInternalToken(claims, { privateKey, kid }, AUDIENCE);
    const [header, , signature] = token.split(".");
    const payload = base64url.encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(base64url.decode(token.split(".")[1] as string))), egr: ["person-2"] }));
    await expectCode(verifyInternalToken(`${header}.${payload}.${signature}`, jwks, AUDIENCE), "BAD_SIGNATURE");
  });

  test("only EdDSA: HS256, ES256 and alg none are refused", async () => {
    const hs = await new SignJWT({}).setProtectedHeader({ alg: "HS256", typ: INTERNAL_TOKEN_TYPE }).sign(new Uint8Array(32));
    await expectCode(verifyInternalToken(hs, jwks, AUDIENCE), "ALGORITHM_NOT_ALLOWED");
    const ec = await generateKeyPair("ES256");
    const es = await new SignJWT({ iss: INTERNAL_ISSUER, aud: AUDIENCE })
      .setProtectedHeader({ alg: "ES256", kid, typ: INTERNAL_TOKEN_TYPE })
      .sign(ec.privateKey);
    await expectCode(verifyInternalToken(es, jwks, AUDIENCE), "ALGORITHM_NOT_ALLOWED");
    const none = `${base64url.encode(JSON.stringify({ alg: "none", typ: INTERNAL_TOKEN_TYPE }))}.${base64url.encode("{}")}.`;
    await expectCode(verifyInternalToken(none, jwks, AUDIENCE), "ALGORITHM_NOT_ALLOWED");
  });

  test("a JWT of another type, even signed by the gateway key", async () => {
    await expectCode(verifyInternalToken(await craft({ header: { typ: "JWT" } }), jwks, AUDIENCE), "WRONG_TYPE");
  });

  test("missing registered claims", async () => {
    await expectCode(verifyInternalToken(await craft({ omit: ["exp"] }), jwks, AUDIENCE), "MISSING_CLAIM");
    await expectCode(verifyInternalToken(await craft({ omit: ["iat"] }), jwks, AUDIENCE), "MISSING_CLAIM");
    await expectCode(verifyInternalToken(await craft({ omit: ["sub"] }), jwks, AUDIENCE), "MISSING_CLAIM");
  });

  test.each([
    ["no actor", { act: undefined }],
    ["actor is an array", { act: [] }],
    ["unknown agency", { act: { ...actor, agency: "tax-agency" } }],
    ["unknown role", { act: { ...actor, role: "ADMIN" } }],
    ["unknown purpose", { act: { ...actor, purpose: "CURIOSITY" } }],
    ["role of another agency", { act: { ...actor, role: "HOUSING_OFFICER" } }],
    ["purpose the role may not state", { act: { ...actor, purpose: "AUDIT" } }],
    ["empty staff id", { act: { ...actor, staffId: "" }, sub: "" }],
    ["sub differs from the actor", { sub: "someone-else" }],
    ["issuer missing from the actor", { act: { ...actor, issuer: undefined } }],
    ["client id not a string", { act: { ...actor, clientId: 7 } }],
    ["a case role without a unit", { act: { ...actor, unit: undefined } }],
    ["a unit of another agency", { act: { ...actor, unit: "housing/malmo" } }],
    ["a unit that is no slug path", { act: { ...actor, unit: "social-services/Malmö vuxen" } }],
    ["a unit that is not a string", { act: { ...actor, unit: ["social-services/malmo-vald"] } }],
    ["request id missing", { rid: undefined }],
    ["grants not a list", { egr: "person-1" }],
    ["grants with a non-string", { egr: ["person-1", 2] }],
  ])("bad claims: %s", async (_, payload) => {
    await expectCode(verifyInternalToken(await craft({ payload }), jwks, AUDIENCE), "BAD_CLAIMS");
  });

  test("malformed tokens", async () => {
    await expectCode(verifyInternalToken("", jwks, AUDIENCE), "MALFORMED");
    await expectCode(verifyInternalToken("not.a.token", jwks, AUDIENCE), "MALFORMED");
    await expectCode(verifyInternalToken("a".repeat(20_000), jwks, AUDIENCE), "MALFORMED");
  });

  test("a key set holding private or no Ed25519 keys is refused", async () => {
    const token = await signInternalToken(claims, { privateKey, kid }, AUDIENCE);
    await expectCode(verifyInternalToken(token, { keys: [privateJwk] }, AUDIENCE), "INVALID_KEY_SET");
    const ec = await generateKeyPair("ES256", { extractable: true });
    await expectCode(verifyInternalToken(token, { keys: [await exportJWK(ec.publicKey)] }, AUDIENCE), "INVALID_KEY_SET");
  });

  test("errors carry the code only, never token contents", async () => {
    const token = await craft({ payload: { act: { ...actor, role: "ADMIN" } } });
    const error = (await verifyInternalToken(token, jwks, AUDIENCE).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe("internal token rejected: BAD_CLAIMS");
    expect(error.message).not.toContain("ss-1001");
  });

  test("signing refuses bad input: claims, ttl, audience, key type", async () => {
    await expectCode(signInternalToken({ ...claims, actor: { ...actor, role: "AUDITOR" } }, { privateKey, kid }, AUDIENCE), "BAD_CLAIMS");
    await expectCode(signInternalToken(claims, { privateKey, kid }, AUDIENCE, 301), "INVALID_SIGNING_INPUT");
    await expectCode(signInternalToken(claims, { privateKey, kid }, AUDIENCE, 0), "INVALID_SIGNING_INPUT");
    await expectCode(signInternalToken(claims, { privateKey, kid }, []), "INVALID_SIGNING_INPUT");
    const ec = await generateKeyPair("ES256");
    await expectCode(signInternalToken(claims, { privateKey: ec.privateKey, kid }, AUDIENCE), "INVALID_SIGNING_INPUT");
    // The gateway's public key signs nothing; neither does an EC key given as a JWK.
    await expectCode(signInternalToken(claims, { privateKey: jwks.keys[0] as JWK, kid }, AUDIENCE), "INVALID_SIGNING_INPUT");
    await expectCode(signInternalToken(claims, { privateKey: await exportJWK(ec.publicKey), kid }, AUDIENCE), "INVALID_SIGNING_INPUT");
    const ecJwk = await exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey);
    await expectCode(importInternalSigningKey(ecJwk), "INVALID_SIGNING_INPUT");
  });
});

describe("verifyInternalToken's node:crypto path answers as jose alone does", () => {
  const outcome = (promise: Promise<InternalClaims>) =>
    promise.then(
      (verified) => ({ verified }),
      (error: unknown) => ({ refused: error instanceof InternalTokenError ? error.code : String(error) }),
    );
  const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  /** The same 64 signature bytes spelled another way (the last character's unused low bits set). */
  const respelled = (token: string) => {
    const last = token.at(-1) as string;
    const other = ALPHABET[ALPHABET.indexOf(last) ^ 1] as string;
    return token.slice(0, -1) + other;
  };

  /** Signed as written, past jose's own refusals (it will not sign an unknown crit). */
  const rawSigned = (header: object, payload: object) => {
    const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`;
    return `${input}.${sign(null, Buffer.from(input), KeyObject.from(privateKey)).toString("base64url")}`;
  };

  async function variants(): Promise<[string, string][]> {
    const now = Math.floor(Date.now() / 1000);
    const signed = await signInternalToken(claims, { privateKey, kid }, AUDIENCE);
    const [h, p, s] = signed.split(".") as [string, string, string];
    return [
      ["the gateway's own token", signed],
      ["the gateway's token for several audiences", await signInternalToken(claims, { privateKey, kid }, ["urn:skyddsnat:facts", AUDIENCE])],
      ["a jose-written token of the same shape", await craft()],
      ["typ spelled with its media type prefix", await craft({ header: { typ: `application/${INTERNAL_TOKEN_TYPE}` } })],
      ["typ in capitals", await craft({ header: { typ: INTERNAL_TOKEN_TYPE.toUpperCase() } })],
      ["typ JWT", await craft({ header: { typ: "JWT" } })],
      ["an extra header (jku)", await craft({ header: { jku: "https://attacker.example/jwks" } })],
      ["a crit header", rawSigned({ alg: "EdDSA", kid, typ: INTERNAL_TOKEN_TYPE, crit: ["exp"] }, JSON.parse(Buffer.from(p, "base64url").toString()))],
      ["an unknown kid", await craft({ header: { kid: "someone-else" } })],
      ["no kid", await craft({ header: { kid: undefined } })],
      ["another audience", await craft({ payload: { aud: subgraphAudience("police-liaison") } })],
      ["an empty audience list", await craft({ payload: { aud: [] } })],
      ["an audience list with a number", await craft({ payload: { aud: [AUDIENCE, 5] } })],
      ["another issuer", await craft({ payload: { iss: "urn:someone" } })],
      ["expired within the tolerance", await craft({ payload: { exp: now - 2 } })],
      ["expired beyond the tolerance", await craft({ payload: { exp: now - 30 } })],
      ["exp a string", await craft({ payload: { exp: String(now + 60) } })],
      ["iat a little in the future", await craft({ payload: { iat: now + 2 } })],
      ["iat far in the future", await craft({ payload: { iat: now + 60, exp: now + 120 } })],
      ["older than the longest life", await craft({ payload: { iat: now - 301, exp: now + 60 } })],
      ["nearly as old as the longest life", await craft({ payload: { iat: now - 290, exp: now + 60 } })],
      ["nbf in the past", await craft({ payload: { nbf: now - 1 } })],
      ["nbf in the future", await craft({ payload: { nbf: now + 100 } })],
      ["no sub", await craft({ omit: ["sub"] })],
      ["sub another staff member", await craft({ payload: { sub: "cp-2001" } })],
      ["sub a number", await craft({ payload: { sub: 7 } })],
      ["no request id", await craft({ omit: ["rid"] })],
      ["grants not a list", await craft({ payload: { egr: "person-1" } })],
      ["an actor of another agency's role", await craft({ payload: { act: { ...actor, role: "POLICE_LIAISON" } } })],
      ["a payload swapped under the signature", `${h}.${base64url.encode(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), egr: ["person-2"] }))}.${s}`],
      ["a flipped signature byte", `${h}.${p}.${s.startsWith("A") ? "B" : "A"}${s.slice(1)}`],
      ["the signature respelled", respelled(signed)],
      ["the signature padded", `${signed}==`],
      ["the signature cut short", signed.slice(0, -4)],
      ["a fourth segment", `${signed}.AAAA`],
      ["a space inside", `${h}.${p}. ${s}`],
      ["a header that is not JSON", `${base64url.encode("{alg")}.${p}.${s}`],
      ["a header that is an array", `${base64url.encode("[1]")}.${p}.${s}`],
    ];
  }

  test("the same claims or the same refusal, token by token", async () => {
    for (const [name, token] of await variants()) {
      const fast = await outcome(verifyInternalToken(token, jwks, AUDIENCE));
      const jose = await outcome(verifyInternalTokenWithJose(token, jwks, AUDIENCE));
      expect({ name, ...fast }).toEqual({ name, ...jose });
    }
  });

  test("the same with two keys under one kid, or a key not for verifying", async () => {
    const token = await signInternalToken(claims, { privateKey, kid }, AUDIENCE);
    const key = jwks.keys[0] as JWK;
    for (const keys of [{ keys: [key, { ...key }] }, { keys: [{ ...key, key_ops: ["sign"] }] }, { keys: [{ ...key, use: "enc" }] }, { keys: [{ ...key, alg: "ES256" }] }]) {
      const fast = await outcome(verifyInternalToken(token, keys, AUDIENCE));
      const jose = await outcome(verifyInternalTokenWithJose(token, keys, AUDIENCE));
      expect(fast).toEqual(jose);
      expect(fast).toHaveProperty("refused");
    }
  });

  test("the gateway's own tokens skip WebCrypto; any other shape goes to jose", async () => {
    const verify = jest.spyOn(globalThis.crypto.subtle, "verify");
    try {
      await verifyInternalToken(await signInternalToken(claims, { privateKey, kid }, AUDIENCE), jwks, AUDIENCE);
      expect(verify).not.toHaveBeenCalled();
      await verifyInternalToken(await craft({ header: { typ: `application/${INTERNAL_TOKEN_TYPE}` } }), jwks, AUDIENCE);
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });
});
