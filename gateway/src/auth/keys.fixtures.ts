import { type CryptoKey, exportJWK, generateKeyPair, type JWK } from "jose";

/** What the auth tests sign caller tokens with (not built into dist: tsconfig excludes fixtures). */
export interface SigningKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
}

export const SOCIAL_ISSUER = "https://idp.social-services.test";
export const HUB_AUDIENCE = "urn:skyddsnat:hub";

/** A social secretary's claims from the social-services test issuer, valid for five minutes from `now` (seconds). */
export function socialSecretaryClaims(now: number): Record<string, unknown> {
  return {
    iss: SOCIAL_ISSUER,
    aud: HUB_AUDIENCE,
    sub: "ss-1001",
    iat: now,
    exp: now + 300,
    agency: "social-services",
    role: "SOCIAL_SECRETARY",
    purpose: "CASE_WORK",
    unit: "social-services/malmo-vald",
  };
}
