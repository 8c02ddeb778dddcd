import { AuthenticationError } from "./errors.js";

/**
 * Where an issuer's tokens carry each part of the caller: the name of the claim to read. Agency
 * IdPs lay their claims out differently (flat, namespaced, purpose in `scope`); the gateway reads
 * every issuer through its own mapping, and nothing downstream sees the raw claims.
 */
export interface ClaimMapping {
  /** The staff id (or machine client id). Default `sub`. */
  staffId: string;
  /** Default `agency`. */
  agency: string;
  /** Default `role`. */
  role: string;
  /** Default `unit`. */
  unit: string;
  /**
   * The purpose of use: a claim name (default `purpose`), or `{ scopePrefix: "purpose:" }` for
   * the one entry of the token's `scope` claim that starts with the prefix.
   */
  purpose: string | { scopePrefix: string };
  /**
   * The claim that names the calling system of a machine token (the identity-number resolution is
   * for machine callers only), or null: this issuer's tokens never establish a machine caller.
   * Default `client_id` for configured keys (the token CLI's machine tokens), and null for an
   * OpenID discovery issuer: in an OAuth access token `client_id` is the app the person signed in
   * through (our web app), not a calling system, so a person signed in there must never become one.
   */
  machineClient: string | null;
}

export const DEFAULT_CLAIMS: Readonly<ClaimMapping> = Object.freeze({
  staffId: "sub",
  agency: "agency",
  role: "role",
  unit: "unit",
  purpose: "purpose",
  machineClient: "client_id",
});

/** The raw parts of the caller as the issuer's mapping finds them; checked by verify-caller. */
export interface MappedClaims {
  staffId: unknown;
  agency: unknown;
  role: unknown;
  unit: unknown;
  purpose: unknown;
  clientId: unknown;
}

const CLAIM_NAME = /^[\x21-\x7e]{1,256}$/;

/** Refuses a mapping that cannot be read (empty or odd names, an empty scope prefix). */
export function resolveClaimMapping(issuer: string, mapping: Partial<ClaimMapping> | undefined, machineDefault: string | null): ClaimMapping {
  const resolved: ClaimMapping = { ...DEFAULT_CLAIMS, machineClient: machineDefault, ...mapping };
  const names = [resolved.staffId, resolved.agency, resolved.role, resolved.unit, ...(resolved.machineClient === null ? [] : [resolved.machineClient])];
  const purposeOk =
    typeof resolved.purpose === "string"
      ? CLAIM_NAME.test(resolved.purpose)
      : typeof resolved.purpose?.scopePrefix === "string" && CLAIM_NAME.test(resolved.purpose.scopePrefix);
  if (!names.every((name) => typeof name === "string" && CLAIM_NAME.test(name)) || !purposeOk) {
    throw new Error(`issuer ${issuer}: every claim mapping entry must name a claim (visible ASCII)`);
  }
  return Object.freeze(resolved);
}

/** Claims jose must find before the payload is read at all. */
export function requiredClaims(mapping: ClaimMapping): string[] {
  const purpose = typeof mapping.purpose === "string" ? mapping.purpose : "scope";
  return [...new Set(["exp", "iat", mapping.staffId, mapping.agency, mapping.role, purpose])];
}

function purposeFromScope(scope: unknown, prefix: string): unknown {
  if (typeof scope !== "string") throw new AuthenticationError("BAD_CLAIM");
  const named = scope.split(" ").filter((entry) => entry.startsWith(prefix));
  // Exactly one purpose: a token naming two could be read either way.
  if (named.length !== 1) throw new AuthenticationError("BAD_CLAIM");
  return (named[0] as string).slice(prefix.length);
}

export function mapClaims(payload: Record<string, unknown>, mapping: ClaimMapping): MappedClaims {
  return {
    staffId: payload[mapping.staffId],
    agency: payload[mapping.agency],
    role: payload[mapping.role],
    unit: payload[mapping.unit],
    purpose: typeof mapping.purpose === "string" ? payload[mapping.purpose] : purposeFromScope(payload.scope, mapping.purpose.scopePrefix),
    clientId: mapping.machineClient === null ? undefined : payload[mapping.machineClient],
  };
}
