import { errors } from "jose";

/** What went wrong verifying a JWT, read once from jose's error classes for every verifier in the hub. */
export type JoseFailure =
  | "EXPIRED"
  | "MISSING_CLAIM"
  | "WRONG_TYPE"
  | "WRONG_ISSUER"
  | "WRONG_AUDIENCE"
  | "NOT_YET_VALID"
  | "BAD_CLAIM"
  | "ALGORITHM_NOT_ALLOWED"
  | "BAD_SIGNATURE"
  | "MALFORMED"
  | "KEYS_UNUSABLE"
  | "UNKNOWN";

export function joseFailure(error: unknown): JoseFailure {
  if (error instanceof errors.JWTExpired) return "EXPIRED";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return "MISSING_CLAIM";
    if (error.claim === "typ") return "WRONG_TYPE";
    if (error.claim === "iss") return "WRONG_ISSUER";
    if (error.claim === "aud") return "WRONG_AUDIENCE";
    if (error.claim === "nbf" || error.claim === "iat") return "NOT_YET_VALID";
    return "BAD_CLAIM";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "ALGORITHM_NOT_ALLOWED";
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return "BAD_SIGNATURE";
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return "MALFORMED";
  }
  if (error instanceof errors.JWKSInvalid || error instanceof errors.JWKInvalid) return "KEYS_UNUSABLE";
  return "UNKNOWN";
}
