import { type Agency, INTERNAL_ISSUER, isAgency } from "@skyddsnat/schema";
import { type ClaimMapping, resolveClaimMapping } from "./claim-mapping.js";
import { discoveredKeys } from "./discovery.js";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type RemoteJWKSetOptions,
} from "jose";

/** One agency identity provider the hub trusts. An issuer speaks for exactly one agency. */
export interface IssuerConfig {
  issuer: string;
  agency: Agency;
  /** Asymmetric algorithms this issuer signs with; anything else is refused. */
  algorithms: string[];
  /**
   * Inline public keys (development, tests), the issuer's JWKS endpoint, or `{ discovery: true }`:
   * an OpenID provider whose keys are found through `<issuer>/.well-known/openid-configuration`
   * (the issuer must then be https, or loopback http for local servers).
   */
  jwks: { keys: JWK[] } | { uri: string } | { discovery: true };
  /**
   * Which token claim carries each part of the caller (claim-mapping.ts); each entry defaults to
   * today's flat names. `machineClient` defaults to `client_id`, except for a discovery issuer
   * (null: an OpenID access token's `client_id` is the app, not a calling system).
   */
  claims?: Partial<ClaimMapping>;
  /**
   * The JWT `typ` the issuer's access tokens must carry; default `at+jwt` (RFC 9068) for a
   * discovery issuer, none for the others. It keeps an ID token from passing as an access token.
   */
  tokenType?: string;
}

/** An issuer ready to verify with: its key resolver is built once, at start-up. */
export interface TrustedIssuer {
  readonly issuer: string;
  readonly agency: Agency;
  readonly algorithms: readonly string[];
  readonly keys: JWTVerifyGetKey;
  readonly claims: ClaimMapping;
  readonly tokenType?: string;
}

export type IssuerRegistry = ReadonlyMap<string, TrustedIssuer>;

/**
 * The only algorithms an issuer may be configured with: asymmetric signatures. `none` and HMAC
 * (HS*) are never accepted; with a shared secret the hub could forge any agency's tokens, and
 * HMAC over a public key is the classic algorithm-confusion attack.
 */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
];

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function assertPublicKeys(issuer: string, jwks: { keys: JWK[] }): void {
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) {
    throw new Error(`issuer ${issuer}: the inline JWKS has no keys`);
  }
  for (const jwk of jwks.keys) {
    if (typeof jwk !== "object" || jwk === null || jwk.kty === "oct" || "k" in jwk || "d" in jwk) {
      throw new Error(`issuer ${issuer}: the inline JWKS must hold public keys only`);
    }
  }
}

function remoteUrl(issuer: string, uri: string, what = "the JWKS uri"): URL {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error(`issuer ${issuer}: ${what} is not a URL`);
  }
  // Keys fetched over plain HTTP could be swapped on the way; only local test servers may use it.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new Error(`issuer ${issuer}: ${what} must use https`);
  }
  return url;
}

/**
 * Builds one key resolver per trusted issuer: a local key set for inline keys, a remote (cached,
 * rate-limited) key set for a JWKS uri, or one found through OpenID discovery (discovery.ts). Any misconfiguration throws here, at start-up.
 */
export function createIssuerRegistry(
  configs: readonly IssuerConfig[],
  options: { remote?: RemoteJWKSetOptions } = {},
): IssuerRegistry {
  const registry = new Map<string, TrustedIssuer>();
  for (const config of configs) {
    const { issuer, agency, algorithms, jwks } = config;
    if (typeof issuer !== "string" || issuer.length === 0) throw new Error("an issuer needs a non-empty `issuer`");
    if (issuer === INTERNAL_ISSUER) throw new Error(`issuer ${issuer}: the gateway's own issuer cannot be a caller issuer`);
    if (registry.has(issuer)) throw new Error(`issuer ${issuer}: configured twice`);
    if (!isAgency(agency)) throw new Error(`issuer ${issuer}: unknown agency`);
    if (!Array.isArray(algorithms) || algorithms.length === 0 || !algorithms.every((alg) => ASYMMETRIC_ALGORITHMS.includes(alg))) {
      throw new Error(`issuer ${issuer}: algorithms must be a non-empty subset of ${ASYMMETRIC_ALGORITHMS.join(", ")}`);
    }
    const discovery = typeof jwks === "object" && jwks !== null && "discovery" in jwks;
    let keys: JWTVerifyGetKey;
    if (discovery) {
      if (jwks.discovery !== true) throw new Error(`issuer ${issuer}: jwks.discovery must be true`);
      remoteUrl(issuer, issuer, "issuer");
      keys = discoveredKeys(issuer, {
        checkUrl: (uri) => remoteUrl(issuer, uri),
        ...(options.remote ? { remote: options.remote } : {}),
      });
    } else if ("uri" in jwks) {
      keys = createRemoteJWKSet(remoteUrl(issuer, jwks.uri), options.remote);
    } else {
      assertPublicKeys(issuer, jwks);
      keys = createLocalJWKSet(jwks as JSONWebKeySet);
    }
    const claims = resolveClaimMapping(issuer, config.claims, discovery ? null : "client_id");
    const tokenType = config.tokenType ?? (discovery ? "at+jwt" : undefined);
    if (tokenType !== undefined && (typeof tokenType !== "string" || tokenType.length === 0)) {
      throw new Error(`issuer ${issuer}: tokenType must be a non-empty string`);
    }
    registry.set(
      issuer,
      Object.freeze({ issuer, agency, algorithms: Object.freeze([...algorithms]), keys, claims, ...(tokenType ? { tokenType } : {}) }),
    );
  }
  return registry;
}
