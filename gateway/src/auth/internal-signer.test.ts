import { beforeAll, describe, expect, test } from "@jest/globals";
import { type InternalClaims, subgraphAudience, verifyInternalToken } from "@skyddsnat/schema";
import { decodeProtectedHeader, exportJWK, generateKeyPair, type JWK } from "jose";
import { createInternalSigner } from "./internal-signer.js";

const claims: InternalClaims = {
  actor: { staffId: "po-4001", agency: "police-liaison", role: "POLICE_LIAISON", purpose: "EMERGENCY", issuer: "https://idp.police.test", unit: "police-liaison/malmo" },
  requestId: "req-7",
  emergencyGrants: ["person-9"],
};
let privateJwk: JWK;
let publicJwks: { keys: JWK[] };

beforeAll(async () => {
  const pair = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  privateJwk = { ...(await exportJWK(pair.privateKey)), kid: "gw-1" };
  publicJwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "gw-1", alg: "EdDSA", use: "sig" }] };
});

describe("createInternalSigner", () => {
  test("signs internal tokens the subgraphs verify, for one or several audiences", async () => {
    const signer = await createInternalSigner(privateJwk, "gw-1");
    const one = await signer.sign(claims, subgraphAudience("police-liaison"));
    expect(decodeProtectedHeader(one)).toMatchObject({ alg: "EdDSA", kid: "gw-1" });
    await expect(verifyInternalToken(one, publicJwks, subgraphAudience("police-liaison"))).resolves.toEqual(claims);
    const both = await signer.sign(claims, [subgraphAudience("housing"), "urn:skyddsnat:facts"]);
    await expect(verifyInternalToken(both, publicJwks, "urn:skyddsnat:facts")).resolves.toEqual(claims);
    await expect(verifyInternalToken(both, publicJwks, subgraphAudience("police-liaison"))).rejects.toMatchObject({ code: "WRONG_AUDIENCE" });
  });

  test("refuses a key that is not an Ed25519 private key, and a kid that does not match", async () => {
    const ec = await exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey);
    await expect(createInternalSigner(ec, "gw-1")).rejects.toMatchObject({ code: "INVALID_SIGNING_INPUT" });
    await expect(createInternalSigner(publicJwks.keys[0] as JWK, "gw-1")).rejects.toMatchObject({ code: "INVALID_SIGNING_INPUT" });
    await expect(createInternalSigner(privateJwk, "gw-2")).rejects.toThrow(/kid/);
    await expect(createInternalSigner(privateJwk, "")).rejects.toThrow(/kid/);
  });
});
