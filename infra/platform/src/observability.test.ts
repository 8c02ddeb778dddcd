import { describe, expect, test } from "@jest/globals";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { errorCodeLabel, MAX_OPERATION_LABELS, operationLabel } from "./metrics.js";
import { requestIdFrom } from "./request-id.js";
import { tracingWanted, valuesRemoved } from "./telemetry.js";

describe("requestIdFrom", () => {
  test.each(["front-end.42", "a", "A_b-c.9", "x".repeat(64)])("keeps a well-formed id: %s", (id) => {
    expect(requestIdFrom(id)).toBe(id);
  });

  test.each([["spaces", "a b"], ["too long", "x".repeat(65)], ["quotes", 'a"b'], ["empty", ""], ["newline", "a\nb"], ["absent", undefined]])(
    "replaces a malformed one (%s) with a fresh UUID",
    (_case, id) => {
      expect(requestIdFrom(id)).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  test("a repeated header (two ids) is not one id", () => {
    expect(requestIdFrom(["a", "b"])).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("bounded labels", () => {
  test("an operation name is a label only as a GraphQL name", () => {
    expect(operationLabel("ClientView")).toBe("ClientView");
    expect(operationLabel(undefined)).toBe("anonymous");
    expect(operationLabel("Storgatan 5")).toBe("other");
    expect(operationLabel("x".repeat(65))).toBe("other");
  });

  test("past the cap, new names count as other; names seen before keep their own", () => {
    for (let i = 0; i < MAX_OPERATION_LABELS + 10; i++) operationLabel(`Op${i}`);
    expect(operationLabel("ClientView")).toBe("ClientView");
    expect(operationLabel("NeverSeenBefore")).toBe("other");
  });

  test("an error code is a label only as an upper-case code", () => {
    expect(errorCodeLabel("FORBIDDEN_FIELD")).toBe("FORBIDDEN_FIELD");
    expect(errorCodeLabel("Anna Svensson")).toBe("other");
    expect(errorCodeLabel(undefined)).toBe("other");
  });
});

describe("tracing", () => {
  test.each([
    [{}, false],
    [{ OTEL_TRACES_EXPORTER: "otlp" }, true],
    [{ OTEL_TRACES_EXPORTER: "none" }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" }, true],
    [{ OTEL_TRACES_EXPORTER: "otlp", OTEL_SDK_DISABLED: "true" }, false],
  ])("is off unless asked for: %j → %s", (env, wanted) => {
    expect(tracingWanted(env as NodeJS.ProcessEnv)).toBe(wanted);
  });

  test("spans lose query strings, exception messages and status messages before they are exported", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [valuesRemoved, new SimpleSpanProcessor(exporter)] });
    const span = provider.getTracer("t").startSpan("GET", {
      attributes: { "url.full": "http://hub/graphql?variables=%7B%22name%22%3A%22Anna%22%7D", "url.query": "variables=x", "http.target": "/graphql?q=1", "url.path": "/graphql" },
    });
    span.recordException(new Error('Syntax Error: Expected Name, found String "Storgatan 5".'));
    span.setStatus({ code: 2, message: 'found String "Storgatan 5"' });
    span.end();
    await provider.forceFlush();
    const [exported] = exporter.getFinishedSpans();
    expect(exported?.attributes).toEqual({ "url.full": "http://hub/graphql", "url.query": "", "http.target": "/graphql", "url.path": "/graphql" });
    expect(exported?.events[0]?.attributes).toEqual({ "exception.type": "Error" });
    expect(exported?.status).toEqual({ code: 2 });
    expect(JSON.stringify(exported?.attributes) + JSON.stringify(exported?.events)).not.toContain("Storgatan");
  });
});
