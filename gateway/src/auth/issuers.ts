import type { Agency } from "@skyddsnat/schema";
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";

/** One agency identity provider the hub trusts. An issuer speaks for exactly one agency. */
export interface IssuerConfig {
  issuer: string;
  agency: Agency;
  /** Asymmetric algorithms this issuer signs with; anything else is refused. */
  algorithms: string[];
  /** Inline keys (development, tests) or the issuer's JWKS endpoint (production). */
  jwks: JSONWebKeySet | { uri: string };
}

export interface TrustedIssuer extends IssuerConfig {
  keys: JWTVerifyGetKey;
}

const SYMMETRIC_OR_NONE = /^(none|HS\d+)$/i;

export function createIssuerRegistry(configs: readonly IssuerConfig[]): ReadonlyMap<string, TrustedIssuer> {
  const registry = new Map<string, TrustedIssuer>();
  for (const config of configs) {
    if (config.algorithms.length === 0 || config.algorithms.some((alg) => SYMMETRIC_OR_NONE.test(alg))) {
      throw new Error(`issuer ${config.issuer}: only asymmetric algorithms may be allowed`);
    }
    const keys = "uri" in config.jwks ? createRemoteJWKSet(new URL(config.jwks.uri)) : createLocalJWKSet(config.jwks);
    registry.set(config.issuer, { ...config, keys });
  }
  return registry;
}
