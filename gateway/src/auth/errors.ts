/** Why a caller was refused. Stable codes; the message never echoes the token. */
export type AuthenticationReason =
  | "NO_TOKEN"
  | "MALFORMED_TOKEN"
  | "UNKNOWN_ISSUER"
  | "ALGORITHM_NOT_ALLOWED"
  | "BAD_SIGNATURE"
  | "WRONG_AUDIENCE"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "MISSING_CLAIM"
  | "BAD_CLAIM"
  | "ROLE_NOT_IN_AGENCY"
  | "PURPOSE_NOT_ALLOWED";

export class AuthenticationError extends Error {
  constructor(readonly reason: AuthenticationReason) {
    super(`caller not authenticated: ${reason}`);
  }
}
