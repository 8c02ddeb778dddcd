import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "./errors.js";

const SAFE_CODES = new Set<string>([...Object.values(ErrorCode), "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND", "OPERATION_RESOLUTION_FAILURE"]);

/**
 * Apollo's formatError for every server in the hub: errors we raise on purpose pass as they are
 * (fixed texts, codes); anything unexpected becomes one fixed message, so an exception's text —
 * which may quote data — never reaches a caller. The original is for the log only.
 */
export function maskUnexpectedErrors(onUnexpected: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && SAFE_CODES.has(code)) return formatted;
    onUnexpected(error);
    return {
      message: "Internal error: the request could not be completed.",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
