import {
  type CryptoKey,
  createLocalJWKSet,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import { createPrivateKey, createPublicKey, type JsonWebKey as NodeJWK, KeyObject, sign as signBytes, verify as verifyBytes } from "node:crypto";
import { joseFailure } from "./jose-failure.js";
import { type Actor, isAgency, isPurpose, isRole, PURPOSES_BY_ROLE, ROLES_BY_AGENCY } from "./actor.js";
import { isUnitOf, requiresUnit } from "./unit.js";

/**
 * The token the gateway signs for a subgraph on a caller's behalf (DESIGN.md invariant 4: zero
 * trust). Subgraphs accept this token and nothing else, so no caller can bypass the gateway:
 * only the gateway holds the Ed25519 private key; subgraphs hold its public JWKS.
 */

/** The claims the gateway vouches for when it calls a subgraph on a caller's behalf. */
export interface InternalClaims {
  actor: Actor;
  requestId: string;
  /** Subject ids the actor holds an active break-the-glass grant for. */
  emergencyGrants: string[];
}

export const INTERNAL_ISSUER = "urn:skyddsnat:gateway";
/** The audience callers' tokens must name: the hub's gateway. */
export const GATEWAY_AUDIENCE = "urn:skyddsnat:hub";
export const subgraphAudience = (subgraph: string) => `urn:skyddsnat:subgraph:${subgraph}`;
/** Internal tokens live for a request, not a session. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;
/** No internal token is signed for, or accepted after, more than this. */
export const MAX_INTERNAL_TOKEN_TTL_SECONDS = 300;
/**
 * Explicit JWT type (RFC 8725 §3.11): a caller's token, or any other JWT signed with some key, is
 * never mistaken for an internal one.
 */
export const INTERNAL_TOKEN_TYPE = "skyddsnat-internal+jwt";
/** Clock skew tolerated between gateway and subgraphs. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Ed25519, and nothing else. */
const ALGORITHM = "EdDSA";
const MAX_TOKEN_LENGTH = 16_384;
const MAX_ID_LENGTH = 256;

/** The gateway's private key as imported for signing. */
export type SigningKey = CryptoKey;

/** Stable reasons an internal token is refused (or, on the signing side, cannot be produced). */
export type InternalTokenErrorCode =
  | "MALFORMED"
  | "ALGORITHM_NOT_ALLOWED"
  | "WRONG_TYPE"
  | "BAD_SIGNATURE"
  | "WRONG_ISSUER"
  | "WRONG_AUDIENCE"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "MISSING_CLAIM"
  | "BAD_CLAIMS"
  | "INVALID_KEY_SET"
  | "INVALID_SIGNING_INPUT";

/** The message is the code only: it never carries token contents. */
export class InternalTokenError extends Error {
  override readonly name = "InternalTokenError";
  constructor(readonly code: InternalTokenErrorCode) {
    super(`internal token rejected: ${code}`);
  }
}

const isId = (value: unknown): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Rebuilds the actor from an untrusted value, field by field, or returns undefined. The actor
 * must also be coherent with the actor model: a role of its agency, a purpose its role may state,
 * a unit of its agency, present for every role whose access is its unit's.
 */
function parseActor(value: unknown): Actor | undefined {
  if (!isPlainObject(value)) return undefined;
  const { staffId, agency, role, purpose, issuer, clientId, unit } = value;
  if (!isId(staffId) || !isId(issuer) || !isAgency(agency) || !isRole(role) || !isPurpose(purpose)) return undefined;
  if (!ROLES_BY_AGENCY[agency].includes(role) || !PURPOSES_BY_ROLE[role].includes(purpose)) return undefined;
  if (clientId !== undefined && !isId(clientId)) return undefined;
  if (unit === undefined ? requiresUnit(role) : !isUnitOf(agency, unit)) return undefined;
  const unitClaim: { unit?: string } = unit === undefined ? {} : { unit: unit as string };
  return {
    staffId,
    agency,
    role,
    purpose,
    issuer,
    ...(clientId !== undefined ? { clientId } : {}),
    ...unitClaim,
  };
}

function parseGrants(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every(isId)) return undefined;
  return [...value];
}

export async function signInternalToken(
  claims: InternalClaims,
  key: { privateKey: CryptoKey | KeyObject | JWK; kid: string },
  audience: string | readonly string[],
  ttlSeconds = INTERNAL_TOKEN_TTL_SECONDS,
): Promise<string> {
  const actor = parseActor(claims.actor);
  const emergencyGrants = parseGrants(claims.emergencyGrants);
  if (!actor || !isId(claims.requestId) || !emergencyGrants) throw new InternalTokenError("BAD_CLAIMS");
  const audiences = typeof audience === "string" ? [audience] : [...audience];
  if (audiences.length === 0 || !audiences.every(isId)) throw new InternalTokenError("INVALID_SIGNING_INPUT");
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_INTERNAL_TOKEN_TTL_SECONDS) {
    throw new InternalTokenError("INVALID_SIGNING_INPUT");
  }
  if (!isId(key.kid)) throw new InternalTokenError("INVALID_SIGNING_INPUT");
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: ALGORITHM, kid: key.kid, typ: INTERNAL_TOKEN_TYPE };
  const payload = {
    act: actor,
    rid: claims.requestId,
    egr: emergencyGrants,
    iss: INTERNAL_ISSUER,
    aud: audiences.length === 1 ? (audiences[0] as string) : audiences,
    sub: actor.staffId,
    iat: now,
    exp: now + ttlSeconds,
  };
  // The compact JWS (RFC 7515 §7.1) jose's SignJWT wrote, signed with node:crypto's one-shot
  // Ed25519 (RFC 8037): a gateway signs one per request and subgraph, and WebCrypto's job and
  // promise per signature cost the gateway several times the signature itself. Verification stays
  // jose's (verifyInternalToken), so every token is still read by the strict side.
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${signBytes(null, Buffer.from(input), ed25519PrivateKey(key.privateKey)).toString("base64url")}`;
}

const base64url = (text: string) => Buffer.from(text).toString("base64url");

/** Keys as node:crypto signs with, converted once per key object. */
const nodeKeys = new WeakMap<object, KeyObject>();

/** The Ed25519 private key `key` holds (a CryptoKey, a KeyObject or a JWK); INVALID_SIGNING_INPUT for anything else. */
function ed25519PrivateKey(key: CryptoKey | KeyObject | JWK): KeyObject {
  let nodeKey = typeof key === "object" && key !== null ? nodeKeys.get(key) : undefined;
  if (!nodeKey) {
    try {
      nodeKey = key instanceof KeyObject ? key : isCryptoKey(key) ? KeyObject.from(key) : createPrivateKey({ key: key as NodeJWK, format: "jwk" });
    } catch {
      throw new InternalTokenError("INVALID_SIGNING_INPUT");
    }
    nodeKeys.set(key, nodeKey);
  }
  if (nodeKey.type !== "private" || nodeKey.asymmetricKeyType !== "ed25519") throw new InternalTokenError("INVALID_SIGNING_INPUT");
  return nodeKey;
}

// By shape, not instanceof: a CryptoKey may come from another realm (a test runner's VM).
const isCryptoKey = (key: unknown): key is CryptoKey =>
  typeof key === "object" && key !== null && Object.prototype.toString.call(key) === "[object CryptoKey]";

/** Imports the gateway's private JWK once; it must be an Ed25519 (OKP) private key. */
export async function importInternalSigningKey(privateJwk: JWK): Promise<SigningKey> {
  if (privateJwk.kty !== "OKP" || privateJwk.crv !== "Ed25519" || typeof privateJwk.d !== "string") {
    throw new InternalTokenError("INVALID_SIGNING_INPUT");
  }
  const key = await importJWK(privateJwk, ALGORITHM, { extractable: false });
  if (key instanceof Uint8Array) throw new InternalTokenError("INVALID_SIGNING_INPUT");
  return key;
}

/** A public Ed25519 key for signatures: the only kind internal tokens are verified with. */
const isVerifyingKey = (jwk: JWK): boolean =>
  jwk.kty === "OKP" && jwk.crv === "Ed25519" && (jwk.alg === undefined || jwk.alg === ALGORITHM) && (jwk.use === undefined || jwk.use === "sig");

// Verification runs on every subgraph request: build the key set once per JWKS object. The key
// set is a snapshot; a JWKS object changed after its first use is not re-read (pass a new one).
const keySets = new WeakMap<object, JWTVerifyGetKey>();

function keySetFor(jwks: JSONWebKeySet): JWTVerifyGetKey {
  const cached = keySets.get(jwks);
  if (cached) return cached;
  if (!isPlainObject(jwks) || !Array.isArray(jwks.keys)) throw new InternalTokenError("INVALID_KEY_SET");
  // Only public Ed25519 signing keys; private or symmetric material here is a misconfiguration.
  if (jwks.keys.some((jwk) => !isPlainObject(jwk) || "d" in jwk || "k" in jwk)) throw new InternalTokenError("INVALID_KEY_SET");
  const keys = jwks.keys.filter(isVerifyingKey);
  if (keys.length === 0) throw new InternalTokenError("INVALID_KEY_SET");
  let keySet: JWTVerifyGetKey;
  try {
    keySet = createLocalJWKSet({ keys });
  } catch {
    throw new InternalTokenError("INVALID_KEY_SET");
  }
  keySets.set(jwks, keySet);
  return keySet;
}

/** Throws INVALID_KEY_SET unless `jwks` is a key set subgraphs can verify internal tokens with:
 * public Ed25519 signing keys, no private or symmetric material. For start-up checks. */
export function assertGatewayKeySet(jwks: unknown): void {
  keySetFor(jwks as JSONWebKeySet);
}

function codeOf(error: unknown): InternalTokenErrorCode {
  const failure = joseFailure(error);
  if (failure === "BAD_CLAIM") return "BAD_CLAIMS";
  if (failure === "KEYS_UNUSABLE") return "INVALID_KEY_SET";
  if (failure === "UNKNOWN") return "MALFORMED";
  return failure;
}

/**
 * Verifies an internal token for one audience (the subgraph's, or a route's) against the gateway's
 * public JWKS. Throws InternalTokenError on anything wrong; returns claims rebuilt field by field.
 *
 * Every subgraph request verifies one, and jose verifies over WebCrypto, whose job and promise per
 * signature cost about as much again as the Ed25519 check itself (README, "Cost with the data, the
 * subgraphs' CPU"). So a token of exactly the shape signInternalToken writes is checked first by
 * node:crypto's one-shot verify, with every claim check jose makes held stricter (no clock
 * tolerance, no other header); anything that check does not accept, for whatever reason, goes to
 * jose, which decides and names the reason. The fast path only ever accepts what jose accepts
 * (internal-token.test.ts holds the two to the same answers over mutated tokens).
 */
export async function verifyInternalToken(
  token: string,
  publicJwks: { keys: JWK[] },
  audience: string,
): Promise<InternalClaims> {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw new InternalTokenError("MALFORMED");
  }
  return verifiedAtOnce(token, publicJwks, audience) ?? verifyInternalTokenWithJose(token, publicJwks, audience);
}

/** verifyInternalToken with jose alone: the strict side, which the fast path is tested against. */
export async function verifyInternalTokenWithJose(
  token: string,
  publicJwks: { keys: JWK[] },
  audience: string,
): Promise<InternalClaims> {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw new InternalTokenError("MALFORMED");
  }
  const keySet = keySetFor(publicJwks);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keySet, {
      algorithms: [ALGORITHM],
      typ: INTERNAL_TOKEN_TYPE,
      issuer: INTERNAL_ISSUER,
      audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // Also makes iat required, refuses an iat in the future, and caps any token's age.
      maxTokenAge: MAX_INTERNAL_TOKEN_TTL_SECONDS,
      requiredClaims: ["exp", "iat", "sub"],
    }));
  } catch (error) {
    throw new InternalTokenError(codeOf(error));
  }
  return claimsOf(payload);
}

function claimsOf(payload: Record<string, unknown>): InternalClaims {
  const actor = parseActor(payload.act);
  const emergencyGrants = parseGrants(payload.egr);
  if (!actor || actor.staffId !== payload.sub || !isId(payload.rid) || !emergencyGrants) {
    throw new InternalTokenError("BAD_CLAIMS");
  }
  return { actor, requestId: payload.rid, emergencyGrants };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HEADER_KEYS = ["alg", "kid", "typ"].join();

/** The gateway's public keys by kid, as node:crypto verifies with, built once per JWKS object. */
const nodeKeySets = new WeakMap<object, Map<string, KeyObject | null>>();

function nodeKeysFor(jwks: { keys: JWK[] }): Map<string, KeyObject | null> {
  let keys = nodeKeySets.get(jwks);
  if (!keys) {
    keySetFor(jwks); // the same refusals as jose's path for a key set that is not one
    keys = new Map();
    for (const jwk of jwks.keys) {
      if (!isVerifyingKey(jwk) || typeof jwk.kid !== "string") continue;
      // A key with key_ops: jose's to judge, never this path's.
      const usable = jwk.key_ops === undefined;
      let key: KeyObject | null = null;
      try {
        key = usable ? createPublicKey({ key: jwk as NodeJWK, format: "jwk" }) : null;
      } catch {
        key = null;
      }
      // Two keys under one kid: jose's to sort out (it refuses), never this path's.
      keys.set(jwk.kid, keys.has(jwk.kid) ? null : key);
    }
    nodeKeySets.set(jwks, keys);
  }
  return keys;
}

/** The claims, if the token is one the gateway signed just so and every check holds; undefined: ask jose. */
function verifiedAtOnce(token: string, jwks: { keys: JWK[] }, audience: string): InternalClaims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  if (!BASE64URL.test(encodedHeader) || !BASE64URL.test(encodedPayload) || !BASE64URL.test(encodedSignature)) return undefined;
  const header = parsedObject(encodedHeader);
  if (!header || Object.keys(header).sort().join() !== HEADER_KEYS) return undefined;
  if (header.alg !== ALGORITHM || header.typ !== INTERNAL_TOKEN_TYPE || typeof header.kid !== "string") return undefined;
  const key = nodeKeysFor(jwks).get(header.kid);
  if (!key) return undefined;
  const signature = Buffer.from(encodedSignature, "base64url");
  // One spelling of the signature only: the canonical base64url of its 64 bytes.
  if (signature.length !== 64 || signature.toString("base64url") !== encodedSignature) return undefined;
  if (!verifyBytes(null, Buffer.from(`${encodedHeader}.${encodedPayload}`), key, signature)) return undefined;
  const payload = parsedObject(encodedPayload);
  if (!payload || !claimsHoldStrictly(payload, audience)) return undefined;
  try {
    return claimsOf(payload);
  } catch {
    return undefined;
  }
}

/**
 * jose's claim checks (issuer, audience, exp, iat, the token's age, sub), each without its clock
 * tolerance and with the claims it leaves optional (nbf) absent: stricter, never looser.
 */
function claimsHoldStrictly(payload: Record<string, unknown>, audience: string): boolean {
  const now = Math.floor(Date.now() / 1000);
  const { iss, aud, exp, iat, sub, nbf } = payload;
  if (iss !== INTERNAL_ISSUER || typeof sub !== "string" || nbf !== undefined) return false;
  if (!(aud === audience || (Array.isArray(aud) && aud.every((entry) => typeof entry === "string") && aud.includes(audience)))) return false;
  if (typeof exp !== "number" || !Number.isFinite(exp) || exp <= now) return false;
  if (typeof iat !== "number" || !Number.isFinite(iat) || iat > now || now - iat > MAX_INTERNAL_TOKEN_TTL_SECONDS) return false;
  return true;
}

function parsedObject(encoded: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
