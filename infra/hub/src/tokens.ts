import { type Agency, GATEWAY_AUDIENCE, isAgency, PURPOSES_BY_ROLE, type Purpose, type Role } from "@skyddsnat/schema";
import { base64url, importJWK, type JWK, SignJWT } from "jose";
import { ensureDevKeys } from "./keys/dev-keys.js";
import { unitOf } from "./seed/staff.js";

export interface MintOptions {
  agency: Agency;
  role: Role;
  sub: string;
  /** Default: the first purpose PURPOSES_BY_ROLE lists for the role. */
  purpose?: Purpose;
  /** The calling system, for a machine client (claim `client_id`). */
  clientId?: string;
  /**
   * The unit she works in (claim `unit`). Default: her unit in the demo staff directory (none for
   * an id it does not know); null leaves the claim out; a string is sent as it is (tests may send
   * another unit, or a malformed one).
   */
  unit?: string | null;
  /** Default 3600. */
  ttlSeconds?: number;
  /** Default GATEWAY_AUDIENCE. */
  audience?: string;
  // Overrides, for tests that forge or damage tokens.
  /** Default: the agency's dev issuer. */
  issuer?: string;
  /** Default: the agency's dev key id. */
  kid?: string;
  /** Sign with this key instead of the agency's dev key. */
  privateJwk?: JWK;
  /** Default: the key's `alg`, else ES256. "none" gives an unsigned token. */
  alg?: string;
  /** Absolute `exp` (seconds since the epoch); wins over ttlSeconds. */
  expiresAt?: number;
  /** Absolute `nbf` (seconds since the epoch). */
  notBefore?: number;
  /** Claims to leave out, registered ones included (iss, sub, aud, exp, iat, nbf). */
  omitClaims?: string[];
  /** Added last, so they can also replace any claim (e.g. a different `agency`). */
  extraClaims?: Record<string, unknown>;
  /** Where the dev keys live; default <repo>/infra/dev-keys. */
  keysDir?: string;
}

function inferAlgorithm(jwk: JWK): string {
  if (typeof jwk.alg === "string") return jwk.alg;
  if (jwk.kty === "OKP") return "EdDSA";
  if (jwk.kty === "RSA") return "RS256";
  if (jwk.kty === "EC") return ({ "P-384": "ES384", "P-521": "ES512" } as Record<string, string>)[jwk.crv ?? ""] ?? "ES256";
  return "ES256";
}

/**
 * A caller token as an agency's identity provider would issue it, signed with the dev keys. For
 * the demo (`npm run token`) and tests; production tokens come from the agencies' own IdPs.
 */
export async function mintToken(options: MintOptions): Promise<string> {
  const needsDevKey = options.privateJwk === undefined || options.issuer === undefined || options.kid === undefined;
  const own = needsDevKey ? (await ensureDevKeys(options.keysDir)).issuerPrivateKeys[options.agency] : undefined;
  if (needsDevKey && (!isAgency(options.agency) || !own)) {
    throw new TypeError("mintToken: unknown agency; pass issuer, kid and privateJwk to sign for it anyway");
  }
  const privateJwk = (options.privateJwk ?? own?.privateJwk) as JWK;
  const purpose = options.purpose ?? PURPOSES_BY_ROLE[options.role]?.[0];
  if (purpose === undefined) throw new TypeError("mintToken: unknown role; pass a purpose explicitly");
  const alg = options.alg ?? inferAlgorithm(privateJwk);
  // The directory's unit only for a token of her own agency (the same id on another agency's
  // token — an auditor's, in the tests — names none of that agency's units).
  const directoryUnit = unitOf(options.sub);
  const unit = options.unit === undefined ? (directoryUnit?.startsWith(`${options.agency}/`) ? directoryUnit : undefined) : options.unit;

  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: options.issuer ?? own?.issuer,
    sub: options.sub,
    aud: options.audience ?? GATEWAY_AUDIENCE,
    iat: now,
    exp: options.expiresAt ?? now + (options.ttlSeconds ?? 3600),
    ...(options.notBefore !== undefined ? { nbf: options.notBefore } : {}),
    agency: options.agency,
    role: options.role,
    purpose,
    ...(options.clientId !== undefined ? { client_id: options.clientId } : {}),
    ...(unit != null ? { unit } : {}),
    ...options.extraClaims,
  };
  for (const claim of options.omitClaims ?? []) delete claims[claim];
  const header = { alg, kid: options.kid ?? own?.kid, typ: "JWT" };

  if (alg === "none") {
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
  }
  return new SignJWT(claims).setProtectedHeader(header).sign(await importJWK(privateJwk, alg));
}
