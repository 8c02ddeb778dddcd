import { context, trace } from "@opentelemetry/api";
import type { NodeSDK } from "@opentelemetry/sdk-node";
import type { ReadableSpan, Span, SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace-base";

/**
 * Traces of the hub: OpenTelemetry's Node SDK with the HTTP (incoming), undici (outgoing fetch),
 * pg, graphql and Prisma instrumentations; @apollo/gateway's own spans join in through the API.
 * W3C trace context is taken from the caller and passed on with every fetch (to the subgraphs
 * and on to social services' facts route).
 *
 * Off unless asked for: OTEL_TRACES_EXPORTER (otlp, console) or an OTLP endpoint
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); OTEL_SDK_DISABLED=true wins.
 * Everything else is the SDK's own standard OTEL_* variables (protocol, headers, sampler).
 *
 * Spans carry ids, operation names, field coordinates and decisions, never a value: GraphQL
 * literals are blanked (allowValues off), resolver spans are not made, SQL is the parameterised
 * text without its parameters, URLs lose their query strings and exceptions their messages
 * (valuesRemoved).
 */

/** Modules the ESM loader hook must wrap so their instrumentations can patch them. */
export const INSTRUMENTED_MODULES = ["pg", "graphql", "http", "node:http"];

export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  if (exporters.length > 0) return !exporters.includes("none");
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

const URL_ATTRIBUTES = ["url.full", "url.query", "http.url", "http.target", "url.path"];

/** The part of a URL (or a request target) before its query string. */
export const withoutQuery = (value: string): string => value.split("?")[0] as string;

/** What an exception event may keep: its type. Messages and stacks quote inputs (GraphQL's do). */
const EXCEPTION_DETAILS = ["exception.message", "exception.stacktrace"];

/**
 * Keeps values out of every span: strips query strings from URL attributes as a span starts
 * (instrumentations set them at creation, and a GET /graphql carries its variables there), and
 * as it ends drops exception messages and stacks and the status message — a GraphQL error quotes
 * the variable it refused. Runs before the exporting processor, which sees the span after it.
 */
export const valuesRemoved: SpanProcessor = {
  onStart(span: Span) {
    for (const key of URL_ATTRIBUTES) {
      const value = span.attributes[key];
      if (typeof value !== "string") continue;
      // url.query is the query string itself (no "?"); the others hold one after a "?".
      if (key === "url.query") span.setAttribute(key, "");
      else if (value.includes("?")) span.setAttribute(key, withoutQuery(value));
    }
  },
  onEnd(span: ReadableSpan) {
    for (const event of span.events) {
      for (const key of EXCEPTION_DETAILS) if (event.attributes && key in event.attributes) delete (event.attributes as Record<string, unknown>)[key];
    }
    if (span.status.message) (span.status as { message?: string }).message = undefined;
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

let running: NodeSDK | undefined;

/** Requests for these paths make no span: probes and scrapes would drown the traces. */
const UNTRACED_PATHS = /^\/(health\/|metrics$)/;

/**
 * The exporter OTEL_TRACES_EXPORTER names (console, else OTLP in the protocol
 * OTEL_EXPORTER_OTLP_TRACES_PROTOCOL or OTEL_EXPORTER_OTLP_PROTOCOL names, http/protobuf by
 * default). Built here rather than by the SDK so the URL stripping runs in front of it; each
 * exporter reads its endpoint, headers and timeout from the standard variables itself.
 */
async function exporterFromEnv(env: NodeJS.ProcessEnv): Promise<SpanExporter> {
  if ((env.OTEL_TRACES_EXPORTER ?? "").split(",").map((name) => name.trim()).includes("console")) {
    return new (await import("@opentelemetry/sdk-trace-base")).ConsoleSpanExporter();
  }
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? "http/protobuf").trim();
  if (protocol === "http/json") return new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter();
  if (protocol === "grpc") return new (await import("@opentelemetry/exporter-trace-otlp-grpc")).OTLPTraceExporter();
  return new (await import("@opentelemetry/exporter-trace-otlp-proto")).OTLPTraceExporter();
}

/**
 * Starts the SDK (once per process). `spanExporter` replaces the one the environment names,
 * e.g. an in-memory exporter in a test.
 */
export async function startTelemetry(options: { serviceName?: string; spanExporter?: SpanExporter } = {}): Promise<void> {
  if (running) return;
  const [{ NodeSDK }, { BatchSpanProcessor }, { HttpInstrumentation }, { UndiciInstrumentation }, { PgInstrumentation }, { GraphQLInstrumentation }, { PrismaInstrumentation }] =
    await Promise.all([
      import("@opentelemetry/sdk-node"),
      import("@opentelemetry/sdk-trace-base"),
      import("@opentelemetry/instrumentation-http"),
      import("@opentelemetry/instrumentation-undici"),
      import("@opentelemetry/instrumentation-pg"),
      import("@opentelemetry/instrumentation-graphql"),
      import("@prisma/instrumentation"),
    ]);
  const exporter = options.spanExporter ?? (await exporterFromEnv(process.env));
  const prisma = new PrismaInstrumentation();
  const sdk = new NodeSDK({
    ...(process.env.OTEL_SERVICE_NAME ? {} : { serviceName: options.serviceName ?? process.env.SKYDDSNAT_SERVICE ?? "skyddsnat" }),
    // OTEL_BSP_* tune the batches.
    spanProcessors: [valuesRemoved, new BatchSpanProcessor(exporter)],
    // Metrics are Prometheus' (metrics.ts), logs are pino's: the SDK exports traces only.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(withoutQuery(req.url ?? "")),
        // Outgoing calls are fetch's (undici's instrumentation); no node:http client is the hub's.
        disableOutgoingRequestInstrumentation: true,
      }),
      new UndiciInstrumentation(),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true, ignoreTrivialResolveSpans: true }),
      prisma,
    ],
  });
  sdk.start();
  // Prisma's instrumentation installs its tracing helper as it is constructed, with the API's
  // provider of that moment: the ES build's own no-op proxy, which the SDK (registering through
  // the CommonJS build) never fills. Installed again now, it uses the SDK's provider.
  prisma.enable();
  running = sdk;
}

/** Sends what is buffered and stops; a process calls it on its way out. */
export async function stopTelemetry(): Promise<void> {
  const sdk = running;
  running = undefined;
  await sdk?.shutdown().catch(() => {});
}

/** The trace id of the active span, for the access log (undefined while tracing is off). */
export function currentTraceId(): string | undefined {
  const span = trace.getSpan(context.active());
  const id = span?.spanContext().traceId;
  return id && id !== "00000000000000000000000000000000" ? id : undefined;
}
