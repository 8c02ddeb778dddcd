import { importInternalSigningKey, type InternalClaims, signInternalToken } from "@skyddsnat/schema";
import type { JWK } from "jose";

export interface InternalSigner {
  /** A short-lived internal token for the given audience(s), carrying the verified actor. */
  sign(claims: InternalClaims, audience: string | readonly string[]): Promise<string>;
}

/**
 * Signs the gateway's internal tokens with its Ed25519 key. The key is imported once (as a
 * non-extractable CryptoKey); the JWK itself is not kept.
 */
export async function createInternalSigner(privateJwk: JWK, kid: string): Promise<InternalSigner> {
  if (typeof kid !== "string" || kid.length === 0) throw new TypeError("the internal signing key needs a kid");
  if (privateJwk.kid !== undefined && privateJwk.kid !== kid) {
    throw new TypeError("the internal signing key's kid does not match the configured kid");
  }
  const privateKey = await importInternalSigningKey(privateJwk);
  return {
    sign: (claims, audience) => signInternalToken(claims, { privateKey, kid }, audience),
  };
}
