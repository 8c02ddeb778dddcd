import { GraphQLError } from "graphql";

/**
 * One helper per error code. Messages are fixed texts: they never carry a value, a name or
 * anything derived from the data, so an error can't be used to read what a field withheld.
 */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  FORBIDDEN_FIELD: "FORBIDDEN_FIELD",
  AUDIT_UNAVAILABLE: "AUDIT_UNAVAILABLE",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError("Authentication required: present a valid token from a configured agency issuer.", {
    extensions: { code: ErrorCode.UNAUTHENTICATED, reason, http: { status: 401 } },
  });
}

/** The actor's role may not perform this operation at all (e.g. a housing officer opening a case). */
export function forbiddenOperation(operation: string): GraphQLError {
  return new GraphQLError(`Your role may not perform ${operation}.`, {
    extensions: { code: ErrorCode.FORBIDDEN, operation },
  });
}

export function forbiddenField(path: readonly (string | number)[], reason: string): GraphQLError {
  // A withheld field is an expected outcome, not a fault, and its stack is never shown: skip
  // capturing one (the costliest part of an error, and a response may withhold many fields).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError("This field is withheld under the protected-identity rules.", {
      path,
      extensions: { code: ErrorCode.FORBIDDEN_FIELD, reason },
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}

export function notFound(entity: string): GraphQLError {
  return new GraphQLError(`${entity} not found.`, { extensions: { code: ErrorCode.NOT_FOUND } });
}
