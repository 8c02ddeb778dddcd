import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

/** Stable codes of requests that cannot run as sent (HTTP 400): the caller's to fix. */
export const CallerMistake = {
  OPERATION_NOT_FOUND: "OPERATION_NOT_FOUND",
  OPERATION_NAME_REQUIRED: "OPERATION_NAME_REQUIRED",
  SUBSCRIPTION_NOT_SUPPORTED: "SUBSCRIPTION_NOT_SUPPORTED",
} as const;

const mistake = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Refuses, once the document is valid and before anything is planned, a request whose operation
 * cannot be chosen (an operationName the document does not define, several operations and no
 * name) or is a subscription (the hub serves none over HTTP). Without it these reached
 * @apollo/gateway's executor, which threw, and the caller got HTTP 500. The messages never repeat
 * the operation name the caller sent.
 */
export function callerMistakesPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw typeof request.operationName === "string"
              ? mistake(CallerMistake.OPERATION_NOT_FOUND, "The document defines no operation of the name given in operationName.")
              : mistake(CallerMistake.OPERATION_NAME_REQUIRED, "The document defines several operations: name the one to run in operationName.");
          }
          if (operation.operation === "subscription") {
            throw mistake(CallerMistake.SUBSCRIPTION_NOT_SUPPORTED, "The hub serves queries and mutations only.");
          }
        },
      };
    },
  };
}
