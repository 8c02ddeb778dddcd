import { currentTraceId, errorCodeLabel, hubMetrics, type Logger, operationLabel } from "@skyddsnat/platform";
import { ErrorCode } from "@skyddsnat/schema";
import type { DoorRequest, GatewayStep } from "../pipeline.js";

/** A request that never reached Apollo (refused at the door, or not GraphQL). */
const NOT_PARSED = "unparsed";

/**
 * The pipeline's access log and request metrics, first in line so it sees every request, refused
 * ones included. At the end of each request it writes one log line — request id, trace id,
 * actor id, role, purpose, operation name and hash, status, duration, withheld fields counted by
 * reason — and counts the request, its latency, its error codes and what the guard withheld.
 * Ids, names and codes only: never a value, a variable or the document.
 */
export function accessStep(logger: Logger): GatewayStep {
  const traces = new WeakMap<DoorRequest, string>();
  return {
    name: "access",
    async door(request) {
      // Here the request's span is the active one; when the connection closes it may not be.
      const traceId = currentTraceId();
      if (traceId) traces.set(request, traceId);
      return undefined;
    },
    operation: {
      plugins: [
        {
          async requestDidStart({ contextValue }) {
            return {
              async willSendResponse({ operationName, queryHash, response }) {
                const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
                const withheld: Record<string, number> = {};
                for (const error of errors) {
                  if (error.extensions?.code !== ErrorCode.FORBIDDEN_FIELD) continue;
                  const reason = errorCodeLabel(error.extensions.reason);
                  withheld[reason] = (withheld[reason] ?? 0) + 1;
                }
                if (contextValue.outcome) contextValue.outcome.operation = {
                  name: operationLabel(operationName),
                  hash: queryHash,
                  errorCodes: errors.map((error) => errorCodeLabel(error.extensions?.code)),
                  withheld,
                };
              },
            };
          },
        },
      ],
    },
    answered(request, context) {
      const operation = context?.outcome?.operation;
      const seconds = (performance.now() - request.receivedAt) / 1000;
      const status = request.res.statusCode;
      const name = operation?.name ?? NOT_PARSED;
      hubMetrics.requests.inc({ service: "gateway", operation: name, status: String(status) });
      hubMetrics.requestDuration.observe({ service: "gateway", operation: name }, seconds);
      for (const code of operation?.errorCodes ?? []) hubMetrics.requestErrors.inc({ service: "gateway", operation: name, code });
      for (const field of context?.outcome?.withheld ?? []) {
        hubMetrics.withheldFields.inc({ service: "gateway", reason: errorCodeLabel(field.reason), class: field.fieldClass });
      }
      logger.info(
        {
          requestId: request.requestId,
          traceId: traces.get(request),
          actor: context?.actor.staffId,
          role: context?.actor.role,
          purpose: context?.actor.purpose,
          operation: name,
          operationHash: operation?.hash,
          status,
          // The connection closed before the answer was written out.
          ...(request.res.writableFinished ? {} : { aborted: true }),
          durationMs: Math.round(seconds * 10_000) / 10,
          withheld: operation?.withheld ?? {},
        },
        "request answered",
      );
    },
  };
}
