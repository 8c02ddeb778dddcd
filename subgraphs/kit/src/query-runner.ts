import { createHash } from "node:crypto";
import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from "graphql";

/** A GraphQL request as the gateway posts it: a query, its variables, the operation's name. */
interface QueryRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** What the runner tells the access log about a request it answered. */
export interface RunnerAnswer {
  operationName: string | null;
  queryHash: string;
  status: number;
  errors: readonly GraphQLFormattedError[];
  /** When the runner took the request (performance.now()). */
  started: number;
}

export interface QueryRunnerOptions<TContext> {
  schema: GraphQLSchema;
  /** The same formatError Apollo Server is given, so both answer an error alike. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Extensions to add to the answer (the filter exclusions for the audit trail). */
  extensionsOf?: (context: TContext) => Record<string, unknown> | undefined;
  /** Called once per answer (the access log and the request metrics). */
  answered?: (context: TContext, answer: RunnerAnswer) => void;
  /** Documents kept parsed and validated (default 500): the gateway sends one text per plan fetch. */
  maxDocuments?: number;
}

interface ReadyDocument {
  document: DocumentNode;
  operationName: string | null;
  hash: string;
}

/**
 * Answers the gateway's queries without Apollo Server's request pipeline: a subgraph is asked the
 * same few plan fetches over and over, and the pipeline's per-request work (its header map, a
 * SHA-256 of the text, content negotiation, a dozen awaited plugin hooks) cost the small agencies
 * about a fifth of each request's CPU (README, "Cost with the data, the subgraphs' CPU"). What the
 * pipeline decides before execution — a text that does not parse or validate, a missing or
 * ambiguous operation, variables that do not coerce, anything but a query — is left to Apollo:
 * the runner returns undefined for it, before any resolver has run, and Apollo answers it with
 * its own status codes. Mutations always go through Apollo (its hooks drop cached facts).
 */
export function createQueryRunner<TContext>(options: QueryRunnerOptions<TContext>) {
  const maxDocuments = options.maxDocuments ?? 500;
  const ready = new Map<string, ReadyDocument | null>();

  /** The document for `query` and `operationName`, parsed and validated once; null: Apollo's to answer. */
  function documentFor(query: string, operationName: string | undefined): ReadyDocument | null {
    const key = `${operationName ?? ""}\u0000${query}`;
    let found = ready.get(key);
    if (found === undefined) {
      found = prepare(query, operationName);
      // Oldest first out: a bound, not a cache policy; the gateway's plans change with deployments only.
      if (ready.size >= maxDocuments) ready.delete(ready.keys().next().value as string);
      ready.set(key, found);
    }
    return found;
  }

  function prepare(query: string, operationName: string | undefined): ReadyDocument | null {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    if (validate(options.schema, document).length > 0) return null;
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== "query") return null;
    return { document, operationName: operation.name?.value ?? null, hash: createHash("sha256").update(query).digest("hex") };
  }

  return async (body: unknown, context: TContext): Promise<{ status: number; body: string } | undefined> => {
    const started = performance.now();
    const request = queryRequestOf(body);
    if (!request) return undefined;
    const ready = documentFor(request.query, request.operationName);
    if (!ready) return undefined;
    const result = await execute({
      schema: options.schema,
      document: ready.document,
      contextValue: context,
      ...(request.variables !== undefined ? { variableValues: request.variables } : {}),
      ...(request.operationName !== undefined ? { operationName: request.operationName } : {}),
    });
    // No data: graphql-js refused the request before running a resolver (variables that do not
    // coerce); Apollo answers that one, with its 400.
    if (!("data" in result)) return undefined;
    let status = 200;
    const errors = (result.errors ?? []).map((error) => {
      const { formatted, httpStatus } = enrich(error);
      if (httpStatus !== undefined) status = httpStatus;
      return safelyFormatted(options.formatError, formatted, error);
    });
    const extensions = options.extensionsOf?.(context);
    // Apollo's field order and its trailing newline: the answers are the same bytes either way.
    const answer = {
      ...(errors.length > 0 ? { errors } : {}),
      data: result.data,
      ...(extensions ? { extensions } : {}),
    };
    options.answered?.(context, { operationName: ready.operationName, queryHash: ready.hash, status, errors, started });
    return { status, body: `${JSON.stringify(answer)}\n` };
  };
}

/** The body as a plain query request, or undefined for anything else (a batch, persisted-query extensions…). */
function queryRequestOf(body: unknown): QueryRequest | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const { query, variables, operationName, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof query !== "string") return undefined;
  if (variables !== undefined && (typeof variables !== "object" || variables === null || Array.isArray(variables))) return undefined;
  if (operationName !== undefined && typeof operationName !== "string") return undefined;
  return {
    query,
    ...(variables !== undefined ? { variables: variables as Record<string, unknown> } : {}),
    ...(operationName !== undefined ? { operationName } : {}),
  };
}

/**
 * An execution error as Apollo Server formats it before formatError sees it
 * (node_modules/@apollo/server/dist/esm/errorNormalize.js, enrichError): a code, INTERNAL_SERVER_ERROR
 * when it has none, and an `http` extension taken out and applied to the answer's status.
 */
function enrich(error: GraphQLError): { formatted: GraphQLFormattedError; httpStatus?: number } {
  const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? "INTERNAL_SERVER_ERROR" };
  const http = extensions.http as { status?: unknown; headers?: unknown } | undefined;
  let httpStatus: number | undefined;
  if (isHttpHead(http)) {
    httpStatus = http.status;
    delete extensions.http;
  }
  return { formatted: { ...error.toJSON(), extensions }, ...(httpStatus !== undefined ? { httpStatus } : {}) };
}

/** Apollo's test for an `http` extension it applies (isPartialHTTPGraphQLHead), headers aside: no hub error sets any. */
const isHttpHead = (value: unknown): value is { status?: number } =>
  typeof value === "object" &&
  value !== null &&
  (!("status" in value) || typeof value.status === "number") &&
  (!("headers" in value) || value.headers instanceof Map);

/** formatError that throws answers as Apollo's does then (without stack traces): a bare internal error. */
function safelyFormatted(
  formatError: QueryRunnerOptions<unknown>["formatError"],
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  try {
    return formatError(formatted, error);
  } catch {
    return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
}
