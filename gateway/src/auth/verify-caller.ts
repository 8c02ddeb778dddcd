import {
  type Actor,
  agencyOfUnit,
  isAgency,
  isPurpose,
  isRole,
  isUnit,
  joseFailure,
  PURPOSES_BY_ROLE,
  ROLES_BY_AGENCY,
  requiresUnit,
} from "@skyddsnat/schema";
import { decodeJwt, type JWTVerifyGetKey, jwtVerify } from "jose";
import { AuthenticationError, type AuthenticationReason, IssuerUnavailableError } from "./errors.js";
import { mapClaims, requiredClaims } from "./claim-mapping.js";
import type { IssuerRegistry, TrustedIssuer } from "./issuers.js";

export interface VerifyCallerOptions {
  /** The audience the caller's token must name (the hub: GATEWAY_AUDIENCE). */
  audience: string;
  /** Clock skew tolerated for exp/nbf/iat; default 5, at most 60. */
  clockToleranceSeconds?: number;
}

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;
const MAX_CLOCK_TOLERANCE_SECONDS = 60;
/** Far above any real caller token; the HTTP server caps headers anyway. */
const MAX_TOKEN_LENGTH = 8192;
const BEARER = /^Bearer +(\S+)$/i;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** Ids (sub, client_id) end up in logs and audit records: visible ASCII, bounded. */
const ID = /^[\x21-\x7e]{1,128}$/;
function reasonOf(error: unknown, issuer: string): AuthenticationReason {
  if (error instanceof IssuerUnavailableError) throw error;
  const failure = joseFailure(error);
  switch (failure) {
    case "WRONG_ISSUER":
      return "UNKNOWN_ISSUER";
    case "WRONG_TYPE":
      return "BAD_CLAIM";
    case "MALFORMED":
      return "MALFORMED_TOKEN";
    case "KEYS_UNUSABLE":
    case "UNKNOWN":
      // The issuer's keys could not be fetched or used (JWKS timeout, invalid JWKS, network):
      // fail closed, but do not blame the caller.
      throw new IssuerUnavailableError(issuer);
    default:
      return failure;
  }
}

/** A bearer token's compact JWS and the trusted issuer its unverified `iss` names. */
export interface PresentedToken {
  token: string;
  issuer: TrustedIssuer;
}

/** What one verification established, and what it rested on beyond the token itself. */
export interface VerifiedToken {
  actor: Actor;
  /** The key the issuer's key set answered for this token, and what jose asked it with. */
  key: unknown;
  keyQuery: Parameters<JWTVerifyGetKey>;
  /** The time claims, the only checks whose outcome changes while the token stays the same. */
  times: TokenTimes;
}

export interface TokenTimes {
  iat: number;
  nbf?: number;
  exp?: number;
}

/** The tolerance and audience every verification uses; throws on a misconfiguration. */
export function checkedOptions(options: VerifyCallerOptions): { audience: string; tolerance: number } {
  const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE_SECONDS) {
    throw new RangeError(`clockToleranceSeconds must be 0–${MAX_CLOCK_TOLERANCE_SECONDS}`);
  }
  if (typeof options.audience !== "string" || options.audience.length === 0) throw new TypeError("an audience is required");
  return { audience: options.audience, tolerance };
}

/**
 * The token from the Authorization header and the issuer that must verify it. Only the unverified
 * `iss` is read, and only to choose whose keys and algorithms to verify with.
 */
export function presentedToken(authorizationHeader: string | undefined, registry: IssuerRegistry): PresentedToken {
  const header = typeof authorizationHeader === "string" ? authorizationHeader.trim() : "";
  if (header === "") throw new AuthenticationError("NO_TOKEN");
  const token = BEARER.exec(header)?.[1];
  if (!token || token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw new AuthenticationError("MALFORMED_TOKEN");

  let unverifiedIssuer: unknown;
  try {
    unverifiedIssuer = decodeJwt(token).iss;
  } catch {
    throw new AuthenticationError("MALFORMED_TOKEN");
  }
  const issuer = typeof unverifiedIssuer === "string" ? registry.get(unverifiedIssuer) : undefined;
  if (!issuer) throw new AuthenticationError("UNKNOWN_ISSUER");
  return { token, issuer };
}

/** jose's time checks (jwt_claims_set.js) and ours on `iat`, at `now` (seconds). */
export function timesHold(times: TokenTimes, now: number, tolerance: number): boolean {
  if (times.nbf !== undefined && times.nbf > now + tolerance) return false;
  if (times.exp !== undefined && times.exp <= now - tolerance) return false;
  return times.iat <= now + tolerance;
}

/**
 * Verifies the token in full (signature, algorithm, issuer, audience, type, time and required
 * claims, then the claims' meaning) and returns the actor it establishes with what the
 * verification rested on. Everything comes from the verified payload.
 */
export async function verifyToken({ token, issuer }: PresentedToken, options: { audience: string; tolerance: number }): Promise<VerifiedToken> {
  let payload: Record<string, unknown>;
  let key: unknown;
  let keyQuery: Parameters<JWTVerifyGetKey> | undefined;
  try {
    ({ payload } = await jwtVerify(
      token,
      async (header, parts) => {
        keyQuery = [header, parts];
        key = await issuer.keys(header, parts);
        return key as Awaited<ReturnType<JWTVerifyGetKey>>;
      },
      {
        issuer: issuer.issuer,
        audience: options.audience,
        // jose checks the header's alg against this list before it looks up any key.
        algorithms: [...issuer.algorithms],
        clockTolerance: options.tolerance,
        requiredClaims: requiredClaims(issuer.claims),
        ...(issuer.tokenType ? { typ: issuer.tokenType } : {}),
      },
    ));
  } catch (error) {
    throw new AuthenticationError(reasonOf(error, issuer.issuer));
  }

  // jose checks iat's type but not that it lies in the past (without maxTokenAge).
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== "number" || payload.iat > now + options.tolerance) throw new AuthenticationError("NOT_YET_VALID");
  const times: TokenTimes = {
    iat: payload.iat,
    ...(typeof payload.nbf === "number" ? { nbf: payload.nbf } : {}),
    ...(typeof payload.exp === "number" ? { exp: payload.exp } : {}),
  };
  return { actor: actorOf(payload, issuer), key, keyQuery: keyQuery as Parameters<JWTVerifyGetKey>, times };
}

/**
 * Verifies a caller's bearer token and returns the actor it establishes. Throws
 * AuthenticationError with a stable reason (never echoing the token), or IssuerUnavailableError
 * when the issuer's keys are unusable.
 */
export async function verifyCaller(
  authorizationHeader: string | undefined,
  registry: IssuerRegistry,
  options: VerifyCallerOptions,
): Promise<Actor> {
  const checked = checkedOptions(options);
  return (await verifyToken(presentedToken(authorizationHeader, registry), checked)).actor;
}

/** The actor of a verified payload, each part from the claim this issuer's mapping names (claim-mapping.ts). */
function actorOf(payload: Record<string, unknown>, issuer: TrustedIssuer): Actor {
  const { staffId: sub, agency, role, purpose, clientId, unit } = mapClaims(payload, issuer.claims);
  if (typeof sub !== "string" || !ID.test(sub)) throw new AuthenticationError("BAD_CLAIM");
  // An issuer speaks for its own agency only.
  if (!isAgency(agency) || agency !== issuer.agency) throw new AuthenticationError("BAD_CLAIM");
  if (!isRole(role) || !isPurpose(purpose)) throw new AuthenticationError("BAD_CLAIM");
  if (clientId !== undefined && (typeof clientId !== "string" || !ID.test(clientId))) throw new AuthenticationError("BAD_CLAIM");
  if (!ROLES_BY_AGENCY[agency].includes(role)) throw new AuthenticationError("ROLE_NOT_IN_AGENCY");
  if (!PURPOSES_BY_ROLE[role].includes(purpose)) throw new AuthenticationError("PURPOSE_NOT_ALLOWED");
  const unitClaim = unitOf(unit, agency, role);

  return {
    staffId: sub,
    agency,
    role,
    purpose,
    issuer: issuer.issuer,
    ...(clientId !== undefined ? { clientId } : {}),
    ...unitClaim,
  };
}

/**
 * The caller's unit (claim `unit`, or as the issuer's mapping names it): need to know inside an agency is the unit's, so every role
 * that reads a unit's records must name one, and an issuer speaks for units of its own agency only.
 */
function unitOf(unit: unknown, agency: Actor["agency"], role: Actor["role"]): { unit?: string } {
  if (unit === undefined) {
    if (requiresUnit(role)) throw new AuthenticationError("UNIT_REQUIRED");
    return {};
  }
  if (!isUnit(unit)) throw new AuthenticationError("BAD_CLAIM");
  if (agencyOfUnit(unit) !== agency) throw new AuthenticationError("UNIT_NOT_IN_AGENCY");
  return { unit };
}
