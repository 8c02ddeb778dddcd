import type { Actor } from "@skyddsnat/schema";
import type { IssuerRegistry, TrustedIssuer } from "./issuers.js";
import {
  checkedOptions,
  presentedToken,
  timesHold,
  type VerifiedToken,
  type VerifyCallerOptions,
  verifyToken,
} from "./verify-caller.js";

/**
 * Caller tokens already verified, per issuer, so that a token sent again is not verified again
 * with WebCrypto (an ES256 verification is a thread-pool job in Node, the largest item in the
 * gateway's profile). A hit must answer exactly what a fresh verification would, and must not
 * outlive the key: the 30 s cache this replaces kept a token good after its issuer withdrew the
 * key. So an entry is only what the token string alone decides (signature, algorithm, issuer,
 * audience, type, required claims, the actor they map to), and on every hit the two things that
 * change while the token does not are asked again:
 *
 * - the key: the issuer's key set (jose's local or remote set, discovery included) is asked for
 *   this token's key exactly as jose asks it, reloading when its cache is stale, and must answer
 *   the very key object that verified the token. jose imports each JWK once per key set, so a
 *   withdrawn key (no match), a refetched set (new objects) or an unusable one (it throws) all
 *   miss, and the token is verified in full again, failing as a fresh verification fails;
 * - the clock: nbf, exp and iat against now, as jose and verify-caller.ts check them.
 *
 * Keyed by the token string within one verifier (one audience, one tolerance, one registry) and
 * one issuer: a token is never another's entry, and a hit only answers the bearer of that very
 * token (no timing oracle on anyone else's, design invariant 11). Bounded per issuer, least
 * recently used out; a failed check removes the entry.
 */
export const VERIFIED_TOKENS_PER_ISSUER = 1_000;

export type CallerVerifier = (authorizationHeader: string | undefined) => Promise<Actor>;

export function callerVerifier(registry: IssuerRegistry, options: VerifyCallerOptions, maxPerIssuer: number = VERIFIED_TOKENS_PER_ISSUER): CallerVerifier {
  const checked = checkedOptions(options);
  // The registry is fixed at start-up: one bounded map per issuer, never shared.
  const byIssuer = new Map([...registry.values()].map((issuer) => [issuer, new Map<string, VerifiedToken>()]));

  return async (authorizationHeader) => {
    const presented = presentedToken(authorizationHeader, registry);
    const entries = byIssuer.get(presented.issuer);
    if (!entries) return (await verifyToken(presented, checked)).actor;
    const kept = entries.get(presented.token);
    if (kept) {
      // The entry stays in place while it is checked: requests with the same token at the same
      // time each check it, rather than finding it gone and verifying afresh.
      const holds = await stillHolds(kept, presented.issuer, checked.tolerance);
      if (entries.get(presented.token) === kept) entries.delete(presented.token);
      if (holds) {
        entries.set(presented.token, kept);
        return { ...kept.actor };
      }
    }
    const verified = await verifyToken(presented, checked);
    if (verified.key === undefined) return verified.actor;
    entries.set(presented.token, { ...verified, actor: Object.freeze({ ...verified.actor }) });
    if (entries.size > maxPerIssuer) entries.delete(entries.keys().next().value as string);
    return { ...verified.actor };
  };
}

/** The clock still allows the token and the issuer's key set still answers the key that verified it. */
async function stillHolds(entry: VerifiedToken, issuer: TrustedIssuer, tolerance: number): Promise<boolean> {
  if (!timesHold(entry.times, Math.floor(Date.now() / 1000), tolerance)) return false;
  try {
    return (await issuer.keys(...entry.keyQuery)) === entry.key;
  } catch {
    return false;
  }
}
