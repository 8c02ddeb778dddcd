import { GraphQLError } from "graphql";

/** The stable codes of the front door's refusals (HTTP 400), one per limit and caller mistake. */
export const LimitCode = {
  OPERATION_TOO_DEEP: "OPERATION_TOO_DEEP",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_DIRECTIVES: "TOO_MANY_DIRECTIVES",
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
  OPERATION_TOO_COSTLY: "OPERATION_TOO_COSTLY",
  TOO_MANY_ROOT_FIELDS: "TOO_MANY_ROOT_FIELDS",
  DOCUMENT_TOO_LARGE: "DOCUMENT_TOO_LARGE",
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

/**
 * A refusal with a fixed text naming the limit, never quoting the document. Thrown from a plugin
 * hook it becomes Apollo's HTTP 400 (extensions.http); reported from a validation rule Apollo
 * answers 400 anyway.
 */
export function limitRefusal(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
