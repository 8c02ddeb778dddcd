import { type Agency, GATEWAY_AUDIENCE, PURPOSES_BY_ROLE, type Purpose, type Role } from "@skyddsnat/schema";
import { importJWK, type JWK, SignJWT } from "jose";
import { ensureDevKeys } from "./keys/dev-keys.js";

export interface MintOptions {
  agency: Agency;
  role: Role;
  sub: string;
  purpose?: Purpose;
  clientId?: string;
  ttlSeconds?: number;
  audience?: string;
  /** Overrides, for tests that forge or damage tokens. */
  issuer?: string;
  kid?: string;
  privateJwk?: JWK;
  alg?: string;
  expiresAt?: number;
  notBefore?: number;
  omitClaims?: string[];
  extraClaims?: Record<string, unknown>;
  keysDir?: string;
}

/** A caller token as an agency's identity provider would issue it (dev keys). */
export async function mintToken(options: MintOptions): Promise<string> {
  const keys = await ensureDevKeys(options.keysDir);
  const own = keys.issuerPrivateKeys[options.agency];
  const alg = options.alg ?? "ES256";
  const claims: Record<string, unknown> = {
    agency: options.agency,
    role: options.role,
    purpose: options.purpose ?? PURPOSES_BY_ROLE[options.role][0],
    ...(options.clientId ? { client_id: options.clientId } : {}),
    ...options.extraClaims,
  };
  for (const claim of options.omitClaims ?? []) delete claims[claim];
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, kid: options.kid ?? own.kid, typ: "JWT" })
    .setIssuer(options.issuer ?? own.issuer)
    .setAudience(options.audience ?? GATEWAY_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(options.expiresAt ?? now + (options.ttlSeconds ?? 3600));
  if (!options.omitClaims?.includes("sub")) jwt = jwt.setSubject(options.sub);
  if (options.notBefore) jwt = jwt.setNotBefore(options.notBefore);
  return jwt.sign(await importJWK(options.privateJwk ?? own.privateJwk, alg));
}
