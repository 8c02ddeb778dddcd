import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Actor } from "@skyddsnat/schema";

/**
 * No cache in the gateway answers one actor with what another sent (design invariant 11).
 *
 * - Automatic persisted queries are off (`persistedQueries: false`): a hash registered by one
 *   actor would run for any other, so probing hashes would tell what others asked.
 * - Apollo Server's parsed-document cache is off (`documentStore: null`): a hit skips parsing and
 *   validation, so it answers a text someone else sent a little faster (see bench/cache-oracle).
 * - @apollo/gateway caches query plans by the request's `queryHash` (and operation name); the guard
 *   hands it `planKey(actor, queryHash)`, so each actor has plans of its own and a plan someone
 *   else's text made is never a hit.
 */
export const APOLLO_CACHE_OPTIONS = { persistedQueries: false, documentStore: null } as const;

/** The query-plan cache key of one actor's query: the issuer and staff member, then the text's hash. */
export function planKey(actor: Pick<Actor, "issuer" | "staffId" | "clientId">, queryHash: string): string {
  return createHash("sha256")
    .update(JSON.stringify([actor.issuer, actor.staffId, actor.clientId ?? null, queryHash]))
    .digest("hex");
}

/**
 * Apollo answers a request that carries only `extensions.persistedQuery` with
 * PERSISTED_QUERY_NOT_SUPPORTED and HTTP 200 (a hint for APQ clients to retry with the text).
 * Nothing ran, and the hub has no APQ to retry into: say so with a 400.
 */
export function persistedQueriesRefused<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          if (errors?.some((error) => error.extensions?.code === "PERSISTED_QUERY_NOT_SUPPORTED")) response.http.status = 400;
        },
      };
    },
  };
}
