import type { GraphQLFormattedError } from "graphql";

/** graphql-js's hints name types, fields and enum values ("Did you mean …?"), at the end of a message. */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Wraps formatError: no error tells a caller what the schema holds beside what it asked for.
 * Apollo's hideSchemaDetailsFromClientErrors strips validation errors; this covers the rest
 * (variable values: "Did you mean the enum value …?").
 */
export function withoutSuggestions(format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return SUGGESTION.test(result.message) ? { ...result, message: result.message.replace(SUGGESTION, "") } : result;
  };
}
