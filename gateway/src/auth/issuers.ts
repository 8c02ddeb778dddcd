import { type Agency, INTERNAL_ISSUER, isAgency } from "@skyddsnat/schema";
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
  /** Inline public keys (development, tests) or the issuer's JWKS endpoint (production). */
  jwks: { keys: JWK[] } | { uri: string };
}

/** An issuer ready to verify with: its key resolver is built once, at start-up. */
export interface TrustedIssuer {
  readonly issuer: string;
  readonly agency: Agency;
  readonly algorithms: readonly string[];
  readonly keys: JWTVerifyGetKey;
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

function remoteUrl(issuer: string, uri: string): URL {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error(`issuer ${issuer}: the JWKS uri is not a URL`);
  }
  // Keys fetched over plain HTTP could be swapped on the way; only local test servers may use it.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new Error(`issuer ${issuer}: the JWKS uri must use https`);
  }
  return url;
}

/**
 * Builds one key resolver per trusted issuer: a local key set for inline keys, a remote (cached,
 * rate-limited) key set for a JWKS uri. Any misconfiguration throws here, at start-up.
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
    let keys: JWTVerifyGetKey;
    if ("uri" in jwks) {
      keys = createRemoteJWKSet(remoteUrl(issuer, jwks.uri), options.remote);
    } else {
      assertPublicKeys(issuer, jwks);
      keys = createLocalJWKSet(jwks as JSONWebKeySet);
    }
    registry.set(issuer, Object.freeze({ issuer, agency, algorithms: Object.freeze([...algorithms]), keys }));
  }
  return registry;
}
