/** Why a caller was refused. Stable codes, safe to return to the caller and to log. */
export const AUTHENTICATION_REASONS = [
  "NO_TOKEN",
  "MALFORMED_TOKEN",
  "UNKNOWN_ISSUER",
  "ALGORITHM_NOT_ALLOWED",
  "BAD_SIGNATURE",
  "WRONG_AUDIENCE",
  "EXPIRED",
  "NOT_YET_VALID",
  "MISSING_CLAIM",
  "BAD_CLAIM",
  "ROLE_NOT_IN_AGENCY",
  "PURPOSE_NOT_ALLOWED",
  "UNIT_REQUIRED",
  "UNIT_NOT_IN_AGENCY",
] as const;
export type AuthenticationReason = (typeof AUTHENTICATION_REASONS)[number];

/** The caller is refused (HTTP 401). The message is the reason code only: it never echoes the token. */
export class AuthenticationError extends Error {
  override readonly name = "AuthenticationError";
  constructor(readonly reason: AuthenticationReason) {
    super(`caller not authenticated: ${reason}`);
  }
}

/**
 * The caller could not be checked because the issuer's keys are unavailable or unusable (remote
 * JWKS unreachable or invalid). Not the caller's fault, and never a pass: the request fails
 * closed (HTTP 500/503). The message names the issuer only, never the token.
 */
export class IssuerUnavailableError extends Error {
  override readonly name = "IssuerUnavailableError";
  constructor(
    readonly issuer: string,
    /** What failed, for the operators' log: DISCOVERY_FAILED, ISSUER_MISMATCH, JWKS_URI_REFUSED, JWKS_FAILED. */
    readonly detail?: string,
  ) {
    super(`keys of issuer ${issuer} are unavailable${detail ? ` (${detail})` : ""}`);
  }
}
