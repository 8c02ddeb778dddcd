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
  /** An agency's service did not answer (down, hung, or its breaker open): its fields are missing. */
  SUBGRAPH_UNAVAILABLE: "SUBGRAPH_UNAVAILABLE",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError("Authentication required: present a valid token from a configured agency issuer.", {
    extensions: { code: ErrorCode.UNAUTHENTICATED, reason, http: { status: 401 } },
  });
}

/**
 * The write policy refused the operation: the role may never perform it (e.g. a housing officer
 * opening a case), or a condition of its rule does not hold (not the case's owner…). `reason`
 * is the policy's stable code, `rule` the row that came nearest.
 */
export function forbiddenOperation(operation: string, reason = "NOT_PERMITTED_FOR_ROLE", rule: string | null = null): GraphQLError {
  return new GraphQLError(`The access rules do not permit ${operation} here.`, {
    extensions: { code: ErrorCode.FORBIDDEN, operation, reason, ...(rule ? { rule } : {}) },
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

/** `reason`: a stable code for a refusal clients key on (e.g. MEETING_PLACE_FORBIDDEN). */
export function badUserInput(message: string, argument?: string, reason?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}), ...(reason ? { reason } : {}) },
  });
}

export function notFound(entity: string): GraphQLError {
  return new GraphQLError(`${entity} not found.`, { extensions: { code: ErrorCode.NOT_FOUND } });
}
