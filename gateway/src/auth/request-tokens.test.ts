import { beforeAll, describe, expect, test } from "@jest/globals";
import { type InternalClaims, subgraphAudience, verifyInternalToken } from "@skyddsnat/schema";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { createInternalSigner, type InternalSigner } from "./internal-signer.js";
import { requestTokens } from "./request-tokens.js";

/*
 * A request's internal token is signed once per subgraph and reused by that request's other calls
 * to it, never by another request or another actor, and never past half its life: checked against
 * the real signer and the subgraphs' own verification.
 */

const actor = { staffId: "po-4001", agency: "police-liaison", role: "POLICE_LIAISON", purpose: "CASE_WORK", issuer: "https://idp.police.test", unit: "police-liaison/malmo" } as InternalClaims["actor"];
const housing = subgraphAudience("housing");
const police = subgraphAudience("police-liaison");
let signer: InternalSigner;
let publicJwks: { keys: JWK[] };
let signatures = 0;

beforeAll(async () => {
  const pair = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const real = await createInternalSigner({ ...(await exportJWK(pair.privateKey)), kid: "gw-1" }, "gw-1");
  signer = {
    sign: (claims, audience) => {
      signatures += 1;
      return real.sign(claims, audience);
    },
  };
  publicJwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "gw-1", alg: "EdDSA", use: "sig" }] };
});

const request = (overrides: Partial<InternalClaims> = {}): InternalClaims => ({ actor, requestId: `req-${Math.random()}`, emergencyGrants: [], ...overrides });

describe("requestTokens", () => {
  test("the calls of one request to one subgraph share one signature, carrying that request's claims", async () => {
    const tokens = requestTokens(signer.sign);
    const context = request({ emergencyGrants: ["person-9"] });
    const before = signatures;
    const [first, second, third] = await Promise.all([tokens.tokenFor(context, housing), tokens.tokenFor(context, housing), tokens.tokenFor(context, housing)]);
    expect(signatures - before).toBe(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
    await expect(verifyInternalToken(first as string, publicJwks, housing)).resolves.toEqual({ actor, requestId: context.requestId, emergencyGrants: ["person-9"] });
  });

  test("another subgraph gets a token of its own audience: one subgraph's token opens no other", async () => {
    const tokens = requestTokens(signer.sign);
    const context = request();
    const forHousing = await tokens.tokenFor(context, housing);
    const forPolice = await tokens.tokenFor(context, police);
    expect(forPolice).not.toBe(forHousing);
    await expect(verifyInternalToken(forHousing, publicJwks, police)).rejects.toMatchObject({ code: "WRONG_AUDIENCE" });
    await expect(verifyInternalToken(forPolice, publicJwks, police)).resolves.toMatchObject({ requestId: context.requestId });
  });

  test("another request, even of the same actor with the same grants, never gets the first one's token", async () => {
    const tokens = requestTokens(signer.sign);
    const one = request();
    const first = await tokens.tokenFor(one, housing);
    // Another context with the very same claims is still another request: signed anew, not served from the first.
    const before = signatures;
    await tokens.tokenFor({ ...one }, housing);
    expect(signatures - before).toBe(1);
    const other = request();
    const second = await tokens.tokenFor(other, housing);
    expect(second).not.toBe(first);
    await expect(verifyInternalToken(second, publicJwks, housing)).resolves.toMatchObject({ requestId: other.requestId });
    const otherActor = request({ actor: { ...actor, staffId: "po-4002" }, requestId: "req-x" });
    await expect(verifyInternalToken(await tokens.tokenFor(otherActor, housing), publicJwks, housing)).resolves.toMatchObject({ actor: { staffId: "po-4002" }, requestId: "req-x" });
  });

  test("a context whose claims changed after signing gets a new token with the claims it has now", async () => {
    const tokens = requestTokens(signer.sign);
    const context = request();
    const before = await tokens.tokenFor(context, housing);
    context.emergencyGrants = ["person-1"];
    const after = await tokens.tokenFor(context, housing);
    expect(after).not.toBe(before);
    await expect(verifyInternalToken(after, publicJwks, housing)).resolves.toMatchObject({ emergencyGrants: ["person-1"] });
    context.actor = { ...actor, purpose: "EMERGENCY" } as InternalClaims["actor"];
    await expect(verifyInternalToken(await tokens.tokenFor(context, housing), publicJwks, housing)).resolves.toMatchObject({ actor: { purpose: "EMERGENCY" } });
  });

  test("past half the token's life a new one is signed; a failed signature is not kept", async () => {
    let clock = 1_000_000;
    const tokens = requestTokens(signer.sign, () => clock);
    const context = request();
    const before = signatures;
    await tokens.tokenFor(context, housing);
    clock += 29_000;
    await tokens.tokenFor(context, housing);
    expect(signatures - before).toBe(1);
    clock += 2_000;
    await tokens.tokenFor(context, housing);
    expect(signatures - before).toBe(2);

    let fail = true;
    const flaky = requestTokens((claims, audience) => (fail ? Promise.reject(new Error("key unavailable")) : signer.sign(claims, audience)));
    await expect(flaky.tokenFor(context, housing)).rejects.toThrow("key unavailable");
    fail = false;
    await expect(verifyInternalToken(await flaky.tokenFor(context, housing), publicJwks, housing)).resolves.toMatchObject({ requestId: context.requestId });
  });
});
