import { createLocalJWKSet, importJWK, type JSONWebKeySet, type JWK, jwtVerify, SignJWT } from "jose";
import { type Actor, isAgency, isPurpose, isRole } from "./actor.js";

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
const ALGORITHM = "EdDSA";
/** A private key as jose imports it (a CryptoKey in Node). */
export type SigningKey = Awaited<ReturnType<typeof importJWK>>;

export class InternalTokenError extends Error {
  constructor(readonly code: string) {
    super(`internal token rejected: ${code}`);
  }
}

export async function signInternalToken(
  claims: InternalClaims,
  key: { privateKey: SigningKey; kid: string },
  audience: string | string[],
  ttlSeconds = INTERNAL_TOKEN_TTL_SECONDS,
): Promise<string> {
  return new SignJWT({ act: claims.actor, rid: claims.requestId, egr: claims.emergencyGrants })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: "JWT" })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(audience)
    .setSubject(claims.actor.staffId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key.privateKey);
}

export async function importInternalSigningKey(privateJwk: JWK): Promise<SigningKey> {
  return importJWK(privateJwk, ALGORITHM);
}

// Verification runs on every subgraph request: build the key set once per JWKS object.
const keySets = new WeakMap<JSONWebKeySet, ReturnType<typeof createLocalJWKSet>>();

export async function verifyInternalToken(token: string, jwks: JSONWebKeySet, audience: string): Promise<InternalClaims> {
  let keySet = keySets.get(jwks);
  if (!keySet) {
    keySet = createLocalJWKSet(jwks);
    keySets.set(jwks, keySet);
  }
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keySet, {
      issuer: INTERNAL_ISSUER,
      audience,
      algorithms: [ALGORITHM],
      clockTolerance: 5,
      requiredClaims: ["exp", "iat", "sub"],
    }));
  } catch (error) {
    throw new InternalTokenError((error as { code?: string }).code ?? "INVALID");
  }
  const actor = payload.act as Partial<Actor> | undefined;
  const valid =
    actor &&
    typeof actor.staffId === "string" &&
    actor.staffId === payload.sub &&
    isAgency(actor.agency) &&
    isRole(actor.role) &&
    isPurpose(actor.purpose) &&
    typeof actor.issuer === "string" &&
    typeof payload.rid === "string" &&
    Array.isArray(payload.egr) &&
    payload.egr.every((id) => typeof id === "string");
  if (!valid) throw new InternalTokenError("BAD_CLAIMS");
  return {
    actor: actor as Actor,
    requestId: payload.rid as string,
    emergencyGrants: payload.egr as string[],
  };
}
