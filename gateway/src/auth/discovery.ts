import { createRemoteJWKSet, type JWTVerifyGetKey, type RemoteJWKSetOptions } from "jose";
import { joseFailure } from "@skyddsnat/schema";
import { IssuerUnavailableError } from "./errors.js";

/** How long one discovery request may take; the caller waits for it. */
const DISCOVERY_TIMEOUT_MS = 5000;
const MAX_DOCUMENT_BYTES = 64 * 1024;

export interface DiscoveryOptions {
  /** Is this URL safe to fetch keys from (https, or loopback for local servers)? Throws if not. */
  checkUrl(uri: string): URL;
  remote?: RemoteJWKSetOptions;
  timeoutMs?: number;
}

async function fetchDocument(url: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const response = await fetch(url, { headers: { accept: "application/json" }, redirect: "error", signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_DOCUMENT_BYTES) throw new Error("discovery document too large");
  const document: unknown = JSON.parse(text);
  if (typeof document !== "object" || document === null || Array.isArray(document)) throw new Error("discovery document is not an object");
  return document as Record<string, unknown>;
}

/**
 * The keys of an OpenID issuer, found through its discovery document: `<issuer>/.well-known/
 * openid-configuration`, whose `issuer` must be exactly the configured one (else anyone who could
 * serve that path could name their own keys) and whose `jwks_uri` must be https (or loopback).
 * Found on first use and cached; a failed discovery, or a key set that can no longer be fetched,
 * is done again on the next request. Unknown key ids refetch the key set (jose's remote set, with
 * its cooldown). Any failure here is the issuer's, never the caller's: IssuerUnavailableError.
 */
export function discoveredKeys(issuer: string, options: DiscoveryOptions): JWTVerifyGetKey {
  const discoveryUrl = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  let keys: JWTVerifyGetKey | undefined;
  let pending: Promise<JWTVerifyGetKey> | undefined;

  const discover = async (): Promise<JWTVerifyGetKey> => {
    let document: Record<string, unknown>;
    try {
      document = await fetchDocument(discoveryUrl, options.timeoutMs ?? DISCOVERY_TIMEOUT_MS);
    } catch {
      throw new IssuerUnavailableError(issuer, "DISCOVERY_FAILED");
    }
    if (document.issuer !== issuer) throw new IssuerUnavailableError(issuer, "ISSUER_MISMATCH");
    let jwksUrl: URL;
    try {
      jwksUrl = options.checkUrl(String(document.jwks_uri));
    } catch {
      throw new IssuerUnavailableError(issuer, "JWKS_URI_REFUSED");
    }
    return createRemoteJWKSet(jwksUrl, options.remote);
  };

  const ensure = async (): Promise<JWTVerifyGetKey> => {
    if (!keys) {
      pending ??= discover().finally(() => {
        pending = undefined;
      });
      keys = await pending;
    }
    return keys;
  };

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const current = await ensure();
    try {
      return await current(header, token);
    } catch (error) {
      // The key set itself failed (unreachable, invalid): look the issuer up afresh next time.
      const failure = joseFailure(error);
      if (failure === "KEYS_UNUSABLE" || failure === "UNKNOWN") {
        if (keys === current) keys = undefined;
        throw new IssuerUnavailableError(issuer, "JWKS_FAILED");
      }
      throw error;
    }
  };
  // What readiness asks of a remote key set (faults/readiness.ts), as jose's own answers it.
  return Object.defineProperties(getKey, {
    fresh: { get: () => (keys as RemoteKeys | undefined)?.fresh === true },
    reload: {
      value: async () => {
        const current = await ensure();
        try {
          await (current as RemoteKeys).reload();
        } catch (error) {
          if (keys === current) keys = undefined;
          throw error;
        }
      },
    },
  });
}

type RemoteKeys = ReturnType<typeof createRemoteJWKSet>;
