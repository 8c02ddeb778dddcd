import { importInternalSigningKey, type InternalClaims, signInternalToken } from "@skyddsnat/schema";
import type { JWK } from "jose";

/** Signs the gateway's internal tokens with its own key, imported once. */
export async function createInternalSigner(privateJwk: JWK, kid: string) {
  const privateKey = await importInternalSigningKey(privateJwk);
  return {
    sign: (claims: InternalClaims, audience: string | string[]) => signInternalToken(claims, { privateKey, kid }, audience),
  };
}
