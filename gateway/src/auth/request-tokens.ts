import { INTERNAL_TOKEN_TTL_SECONDS, type InternalClaims } from "@skyddsnat/schema";

/**
 * One internal token per (request, audience), reused by every call of that request to the same
 * subgraph, instead of one Ed25519 signature per call. A client view makes several calls to a
 * subgraph (entity fetches after the root one); each carried a fresh token with the same claims.
 *
 * What the token vouched for stays as it was: it is signed for the one subgraph's audience, with
 * the request's own actor, request id and emergency grants, for the usual short life. It is kept
 * on the request's context object (a WeakMap: gone with the request) and served only to that
 * context, and only while the claims it was signed with are still the context's (same actor
 * object, request id and grants) and it is less than half its life old; otherwise a new one is
 * signed. A failed signature is not kept.
 */
export interface RequestTokens {
  /** The token for `context`'s request to `audience`, signed at most once while it may be reused. */
  tokenFor(context: InternalClaims & object, audience: string | readonly string[]): Promise<string>;
}

interface Kept {
  token: Promise<string>;
  actor: InternalClaims["actor"];
  requestId: string;
  grants: string;
  signedAt: number;
}

/** Reused while younger than half the token's life: a call never gets a token about to expire. */
const REUSE_MS = (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2;

const grantsKey = (grants: readonly string[]) => grants.join("\u0000");
const audienceKey = (audience: string | readonly string[]) => (typeof audience === "string" ? audience : audience.join(" "));

export function requestTokens(
  sign: (claims: InternalClaims, audience: string | readonly string[]) => Promise<string>,
  now: () => number = Date.now,
): RequestTokens {
  const byContext = new WeakMap<object, Map<string, Kept>>();
  return {
    tokenFor(context, audience) {
      let kept = byContext.get(context);
      if (!kept) {
        kept = new Map();
        byContext.set(context, kept);
      }
      const key = audienceKey(audience);
      const grants = grantsKey(context.emergencyGrants);
      const found = kept.get(key);
      const at = now();
      if (found && found.actor === context.actor && found.requestId === context.requestId && found.grants === grants && at - found.signedAt < REUSE_MS) {
        return found.token;
      }
      const claims = { actor: context.actor, requestId: context.requestId, emergencyGrants: [...context.emergencyGrants] };
      const token = sign(claims, audience);
      const entry: Kept = { token, actor: context.actor, requestId: context.requestId, grants, signedAt: at };
      kept.set(key, entry);
      token.catch(() => {
        if (kept.get(key) === entry) kept.delete(key);
      });
      return token;
    },
  };
}
