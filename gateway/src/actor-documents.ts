import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode, GraphQLSchema } from "graphql";
import type { GatewayContext } from "./context.js";
import { planKey } from "./no-shared-caches.js";

/**
 * Apollo Server's parsed-and-validated document cache, kept per actor. Apollo's own cache
 * (`documentStore`) is off because it is shared: a hit skips parsing and validation, so a text
 * another actor sent would be answered a little faster (a timing oracle, design invariant 11,
 * bench/cache-oracle). Keyed like the query plans, by planKey(actor, query hash), a hit here only
 * ever answers an actor with what she herself sent before, so she learns nothing of others.
 *
 * A document is kept only after it passed validation (every rule, the gateway's reserved names and
 * operation limits included: they depend on the document and the schema alone) and is served
 * again in Apollo's didResolveSource, before Apollo would parse it. Per schema; bounded, least
 * recently used first out.
 */
export const ACTOR_DOCUMENTS_MAX = 2_000;

export function actorDocuments(maxEntries: number = ACTOR_DOCUMENTS_MAX): ApolloServerPlugin<GatewayContext> {
  const bySchema = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();
  const documentsOf = (schema: GraphQLSchema) => {
    let documents = bySchema.get(schema);
    if (!documents) {
      documents = new Map();
      bySchema.set(schema, documents);
    }
    return documents;
  };
  return {
    async requestDidStart({ contextValue, schema }) {
      if (!contextValue.actor) return;
      const documents = documentsOf(schema);
      let key: string | undefined;
      return {
        async didResolveSource(requestContext) {
          key = planKey(contextValue.actor, requestContext.queryHash);
          const kept = documents.get(key);
          if (!kept) return;
          documents.delete(key);
          documents.set(key, kept);
          // Apollo parses and validates only when the request has no document yet.
          (requestContext as { document?: DocumentNode }).document = kept;
        },
        async validationDidStart(requestContext) {
          return async (errors) => {
            if (errors?.length || !key || !requestContext.document) return;
            documents.set(key, requestContext.document);
            if (documents.size > maxEntries) documents.delete(documents.keys().next().value as string);
          };
        },
      };
    },
  };
}
