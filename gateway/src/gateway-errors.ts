import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { CallerMistake } from "./caller-mistakes.js";
import { OPERATION_NOT_EVALUABLE } from "./guard/operation-shape.js";
import { LIMIT_CODES } from "./limits/index.js";
import { PERSISTED_QUERY_NOT_ALLOWED } from "./trusted-documents/trusted-documents.js";
import { RESERVED_NAME } from "./guard/reserved-names.js";

/** Codes of the gateway's own refusals: fixed texts, safe to show as they are. */
const GATEWAY_CODES = new Set<string>([
  RESERVED_NAME,
  OPERATION_NOT_EVALUABLE,
  "PERSISTED_QUERY_NOT_SUPPORTED",
  PERSISTED_QUERY_NOT_ALLOWED,
  ...LIMIT_CODES,
  ...Object.values(CallerMistake),
]);

/** The gateway's code an error carries, also under Apollo's wrapper (a validation rule's error). */
function gatewayCode(error: unknown): string | undefined {
  for (let cause = error; cause instanceof GraphQLError; cause = cause.originalError) {
    const code = cause.extensions.code;
    if (typeof code === "string" && GATEWAY_CODES.has(code)) return code;
  }
  return undefined;
}

/**
 * Wraps the hub's formatError: the gateway's own refusals keep their stable code (Apollo files a
 * validation rule's error under GRAPHQL_VALIDATION_FAILED), everything else goes to `format`.
 */
export function keepGatewayCodes(format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = gatewayCode(error) ?? (GATEWAY_CODES.has(String(formatted.extensions?.code)) ? String(formatted.extensions?.code) : undefined);
    if (!code) return format(formatted, error);
    return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code } };
  };
}
