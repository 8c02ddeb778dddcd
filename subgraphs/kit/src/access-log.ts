import type { ApolloServerPlugin } from "@apollo/server";
import { currentTraceId, errorCodeLabel, hubMetrics, type Logger, operationLabel } from "@skyddsnat/platform";
import type { GraphQLFormattedError } from "graphql";
import type { SubgraphContext } from "./context.js";

/** What one answered request leaves in the access log and the metrics. */
export interface AnsweredRequest {
  operationName: string | null | undefined;
  queryHash: string | undefined;
  status: number;
  errors: readonly GraphQLFormattedError[];
  /** When the request started (performance.now()). */
  started: number;
  traceId: string | undefined;
}

/**
 * A subgraph's access log and request metrics: one line per request at its end, under the
 * gateway's request id (from its signed token), with the trace id, actor, operation name and
 * hash, status, duration and the error codes — ids, names and codes only.
 */
export function logAnswer(subgraph: string, logger: Logger, context: SubgraphContext | undefined, answer: AnsweredRequest): void {
  const seconds = (performance.now() - answer.started) / 1000;
  const operation = operationLabel(answer.operationName);
  const codes: Record<string, number> = {};
  for (const error of answer.errors) {
    const code = errorCodeLabel(error.extensions?.code);
    codes[code] = (codes[code] ?? 0) + 1;
    hubMetrics.requestErrors.inc({ service: subgraph, operation, code });
  }
  hubMetrics.requests.inc({ service: subgraph, operation, status: String(answer.status) });
  hubMetrics.requestDuration.observe({ service: subgraph, operation }, seconds);
  logger.info(
    {
      requestId: context?.requestId,
      traceId: answer.traceId,
      actor: context?.actor?.staffId,
      role: context?.actor?.role,
      purpose: context?.actor?.purpose,
      operation,
      operationHash: answer.queryHash,
      status: answer.status,
      durationMs: Math.round(seconds * 10_000) / 10,
      errors: codes,
    },
    "request answered",
  );
}

/** The access log for the requests Apollo Server answers (the query runner logs its own: logAnswer). */
export function subgraphAccessLog(subgraph: string, logger: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const traceId = currentTraceId();
      return {
        async willSendResponse({ contextValue, operationName, queryHash, response }) {
          logAnswer(subgraph, logger, contextValue, {
            operationName,
            queryHash,
            status: response.http.status ?? 200,
            errors: response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [],
            started,
            traceId,
          });
        },
      };
    },
  };
}
