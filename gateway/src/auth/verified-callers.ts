import type { Actor } from "@skyddsnat/schema";
import { decodeJwt } from "jose";

/**
 * Remembers, for a short while, the callers whose tokens were verified: the same Authorization
 * header again (a frontend sends one token for many requests) gets the actor it established
 * without a second signature verification, which was the largest part of the door's CPU.
 *
 * Only a header that passed verification in full is kept, byte for byte as it was sent, with the
 * actor it gave; a refused or undecidable one (unknown issuer, bad signature, issuer keys
 * unavailable) is never kept and is checked in full every time. A kept one serves until its own
 * `exp` or at most `maxAgeMs` after it was verified, whichever comes first, so a token the
 * issuer's keys no longer vouch for (a withdrawn key) is refused within that bound; jose's remote
 * key sets themselves are trusted for up to ten minutes. Bounded in count: the oldest goes first.
 */
export const VERIFIED_CALLER_MAX_AGE_MS = 30_000;
export const VERIFIED_CALLERS_MAX = 10_000;

export type VerifyHeader = (authorizationHeader: string | undefined) => Promise<Actor>;

export function verifiedCallers(
  verify: VerifyHeader,
  options: { maxAgeMs?: number; maxEntries?: number; now?: () => number } = {},
): VerifyHeader {
  const maxAgeMs = options.maxAgeMs ?? VERIFIED_CALLER_MAX_AGE_MS;
  const maxEntries = options.maxEntries ?? VERIFIED_CALLERS_MAX;
  const now = options.now ?? Date.now;
  const kept = new Map<string, { actor: Actor; until: number }>();
  return async (header) => {
    if (header === undefined) return verify(header);
    const hit = kept.get(header);
    if (hit) {
      // A copy: nothing a request does to its actor reaches another request.
      if (now() < hit.until) return { ...hit.actor };
      kept.delete(header);
    }
    const actor = await verify(header);
    const exp = Number(decodeJwt(header.replace(/^Bearer +/i, "")).exp);
    const until = Math.min(Number.isFinite(exp) ? exp * 1000 : 0, now() + maxAgeMs);
    if (until > now()) {
      kept.set(header, { actor: { ...actor }, until });
      if (kept.size > maxEntries) kept.delete(kept.keys().next().value as string);
    }
    return actor;
  };
}
