import type { ApolloServerPlugin } from "@apollo/server";
import { LimitCode } from "./codes.js";
import type { OperationLimits } from "./settings.js";

/** graphql-js's parser's words when `maxTokens` stops it (graphql/language/parser; "that" sic in 16.x). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens\. Parsing aborted\.$/;

/**
 * Whether a document is longer than the limit, checked before the lexer reads it (comments are no
 * tokens, so the token limit alone lets a megabyte of comment through). It runs in front of
 * Apollo (server.ts): Apollo answers an error thrown before parsing with HTTP 500.
 */
export const documentTooLong = (query: unknown, limits: Pick<OperationLimits, "maxDocumentChars">): boolean =>
  typeof query === "string" && query.length > limits.maxDocumentChars;

/**
 * Gives the parser's token limit its own code: Apollo files every parse failure under
 * GRAPHQL_PARSE_FAILED, and the gateway's error format keeps a code found on the original error.
 */
export function tokenLimitPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          return async (error) => {
            if (error && TOKEN_LIMIT.test(error.message) && "extensions" in error) {
              (error.extensions as Record<string, unknown>).code = LimitCode.TOO_MANY_TOKENS;
            }
          };
        },
      };
    },
  };
}
