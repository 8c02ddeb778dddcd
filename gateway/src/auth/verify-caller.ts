import { type Actor, isPurpose, isRole, PURPOSES_BY_ROLE, ROLES_BY_AGENCY } from "@skyddsnat/schema";
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";
import { AuthenticationError, type AuthenticationReason } from "./errors.js";
import type { TrustedIssuer } from "./issuers.js";

const REQUIRED = ["sub", "agency", "role", "purpose"] as const;

function reasonOf(error: unknown): AuthenticationReason {
  if (error instanceof errors.JWTExpired) return "EXPIRED";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return "WRONG_AUDIENCE";
    if (error.claim === "nbf" || error.claim === "iat") return "NOT_YET_VALID";
    if (error.reason === "missing") return "MISSING_CLAIM";
    return "BAD_CLAIM";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "ALGORITHM_NOT_ALLOWED";
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return "BAD_SIGNATURE";
  }
  return "MALFORMED_TOKEN";
}

/**
 * Verifies a caller's bearer token and returns the actor it establishes. Only the unverified
 * `iss` is read before verification, to choose whose keys to verify with.
 */
export async function verifyCaller(
  authorization: string | undefined,
  issuers: ReadonlyMap<string, TrustedIssuer>,
  options: { audience: string; clockToleranceSeconds?: number },
): Promise<Actor> {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? "");
  if (!authorization) throw new AuthenticationError("NO_TOKEN");
  if (!match?.[1]) throw new AuthenticationError("MALFORMED_TOKEN");
  const token = match[1];

  let issuerName: unknown;
  let alg: unknown;
  try {
    issuerName = decodeJwt(token).iss;
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new AuthenticationError("MALFORMED_TOKEN");
  }
  const issuer = typeof issuerName === "string" ? issuers.get(issuerName) : undefined;
  if (!issuer) throw new AuthenticationError("UNKNOWN_ISSUER");
  if (typeof alg !== "string" || !issuer.algorithms.includes(alg)) throw new AuthenticationError("ALGORITHM_NOT_ALLOWED");

  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, issuer.keys, {
      issuer: issuer.issuer,
      audience: options.audience,
      algorithms: issuer.algorithms,
      clockTolerance: options.clockToleranceSeconds ?? 5,
      requiredClaims: ["exp", "iat", ...REQUIRED],
    }));
  } catch (error) {
    throw new AuthenticationError(reasonOf(error));
  }

  const { sub, agency, role, purpose, client_id: clientId } = payload;
  if (typeof sub !== "string" || sub.length === 0 || sub.length > 64) throw new AuthenticationError("BAD_CLAIM");
  if (agency !== issuer.agency) throw new AuthenticationError("BAD_CLAIM");
  if (!isRole(role) || !isPurpose(purpose)) throw new AuthenticationError("BAD_CLAIM");
  if (!ROLES_BY_AGENCY[issuer.agency].includes(role)) throw new AuthenticationError("ROLE_NOT_IN_AGENCY");
  if (!PURPOSES_BY_ROLE[role].includes(purpose)) throw new AuthenticationError("PURPOSE_NOT_ALLOWED");
  if (clientId !== undefined && typeof clientId !== "string") throw new AuthenticationError("BAD_CLAIM");

  return {
    staffId: sub,
    agency: issuer.agency,
    role,
    purpose,
    issuer: issuer.issuer,
    ...(typeof clientId === "string" ? { clientId } : {}),
  };
}
