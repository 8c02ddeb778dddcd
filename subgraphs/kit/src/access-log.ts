import type { ApolloServerPlugin } from "@apollo/server";
import { currentTraceId, errorCodeLabel, hubMetrics, type Logger, operationLabel } from "@skyddsnat/platform";
import type { SubgraphContext } from "./context.js";

/**
 * A subgraph's access log and request metrics: one line per request at its end, under the
 * gateway's request id (from its signed token), with the trace id, actor, operation name and
 * hash, status, duration and the error codes — ids, names and codes only.
 */
export function subgraphAccessLog(subgraph: string, logger: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const traceId = currentTraceId();
      return {
        async willSendResponse({ contextValue, operationName, queryHash, response }) {
          const seconds = (performance.now() - started) / 1000;
          const operation = operationLabel(operationName);
          const status = response.http.status ?? 200;
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          const codes: Record<string, number> = {};
          for (const error of errors) {
            const code = errorCodeLabel(error.extensions?.code);
            codes[code] = (codes[code] ?? 0) + 1;
            hubMetrics.requestErrors.inc({ service: subgraph, operation, code });
          }
          hubMetrics.requests.inc({ service: subgraph, operation, status: String(status) });
          hubMetrics.requestDuration.observe({ service: subgraph, operation }, seconds);
          logger.info(
            {
              requestId: contextValue.requestId,
              traceId,
              actor: contextValue.actor?.staffId,
              role: contextValue.actor?.role,
              purpose: contextValue.actor?.purpose,
              operation,
              operationHash: queryHash,
              status,
              durationMs: Math.round(seconds * 10_000) / 10,
              errors: codes,
            },
            "request answered",
          );
        },
      };
    },
  };
}
