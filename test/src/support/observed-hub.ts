import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { TEST_DATABASE_URL } from "./database-url.mjs";

/**
 * `npm start` as an operator runs it with tracing on: the whole hub in one child process, started
 * with the telemetry module loaded first (`--import @skyddsnat/platform/telemetry`), on the
 * suite's seeded database (no reset, no seeding), exporting its spans over OTLP/HTTP (JSON) to a
 * collector in this process. Everything it writes (pino's JSON lines) is kept to be read.
 */

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const START_HUB = "infra/hub/dist/cli/start-hub.js";

/** One exported span, flattened from OTLP's JSON (ids in hex, attributes as plain values). */
export interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client. */
  kind: number;
  scope: string;
  attributes: Record<string, unknown>;
  /** Event and link attributes too: all that leaves with the span. */
  text: string;
}

export interface ObservedHub {
  url: string;
  metricsUrl: string;
  /** Subgraph name → its port, from its "subgraph listening" line. */
  subgraphPorts: Record<string, number>;
  spans(): ExportedSpan[];
  /** Every line the process wrote so far, parsed where it is JSON. */
  lines(): Record<string, unknown>[];
  output(): string;
  /** Waits until `done` holds over the spans received (polling), or fails after `withinMs`. */
  waitForSpans(done: (spans: ExportedSpan[]) => boolean, withinMs?: number): Promise<ExportedSpan[]>;
  /** Waits until `done` holds over the lines written (they reach this process a moment after the answer). */
  waitForLines(done: (lines: Record<string, unknown>[]) => boolean, withinMs?: number): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

const SPAN_KIND: Record<string, number> = { SPAN_KIND_INTERNAL: 1, SPAN_KIND_SERVER: 2, SPAN_KIND_CLIENT: 3, SPAN_KIND_PRODUCER: 4, SPAN_KIND_CONSUMER: 5 };

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number; arrayValue?: { values?: OtlpValue[] } };
type OtlpAttribute = { key: string; value: OtlpValue };

const plainValue = (value: OtlpValue): unknown =>
  value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : undefined) ?? value.boolValue ?? value.doubleValue ?? value.arrayValue?.values?.map(plainValue);
const attributesOf = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, plainValue(a.value)]));
/** OTLP/JSON carries ids as hex (the spec's JSON mapping); older exporters sent base64. */
const hexId = (id: string | undefined) => (!id ? "" : /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, "base64").toString("hex"));

function spansOf(body: unknown): ExportedSpan[] {
  const spans: ExportedSpan[] = [];
  for (const resource of (body as { resourceSpans?: unknown[] }).resourceSpans ?? []) {
    for (const scope of (resource as { scopeSpans?: unknown[] }).scopeSpans ?? []) {
      const scopeName = (scope as { scope?: { name?: string } }).scope?.name ?? "";
      for (const raw of (scope as { spans?: Record<string, unknown>[] }).spans ?? []) {
        const kind = typeof raw.kind === "number" ? raw.kind : (SPAN_KIND[String(raw.kind)] ?? 0);
        spans.push({
          traceId: hexId(raw.traceId as string),
          spanId: hexId(raw.spanId as string),
          parentSpanId: hexId(raw.parentSpanId as string | undefined),
          name: String(raw.name),
          kind,
          scope: scopeName,
          attributes: attributesOf(raw.attributes as OtlpAttribute[]),
          text: JSON.stringify([raw.name, raw.attributes, raw.events, raw.links, raw.status]),
        });
      }
    }
  }
  return spans;
}

/** A collector for OTLP/HTTP JSON on a free port: POST /v1/traces. */
async function startCollector(): Promise<{ endpoint: string; spans: ExportedSpan[]; server: Server }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces") spans.push(...spansOf(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}")));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, spans, server };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds, or fails after `withinMs`. */
async function eventually<T>(read: () => T, done: (value: T) => boolean, withinMs: number, what: string): Promise<T> {
  const until = Date.now() + withinMs;
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what} did not arrive within ${withinMs} ms`);
    await sleep(100);
  }
}

export async function startObservedHub(env: Record<string, string> = {}): Promise<ObservedHub> {
  const collector = await startCollector();
  const child: ChildProcess = spawn(process.execPath, ["--import", "@skyddsnat/platform/telemetry", START_HUB], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: TEST_DATABASE_URL,
      SEED: "false",
      HUB_PORTS: "random",
      LOG_LEVEL: "info",
      OTEL_TRACES_EXPORTER: "otlp",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: "100",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const lines = () =>
    output.split("\n").flatMap((line) => {
      if (!line.startsWith("{")) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 90_000;
  let url: string | undefined;
  let metricsUrl: string | undefined;
  while (!url || !metricsUrl) {
    if (child.exitCode !== null) throw new Error(`the hub exited before it was up\n${output.slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`the hub was not up within 90 s\n${output.slice(-4000)}`);
    url = /running at (http:\/\/\S+\/graphql)/.exec(output)?.[1];
    metricsUrl = lines().find((line) => line.msg === "metrics listening")?.url as string | undefined;
    await sleep(200);
  }
  const subgraphPorts = Object.fromEntries(
    lines()
      .filter((line) => line.msg === "subgraph listening")
      .map((line) => [String(line.subgraph), Number(line.port)]),
  );

  return {
    url,
    metricsUrl,
    subgraphPorts,
    spans: () => [...collector.spans],
    lines,
    output: () => output,
    waitForSpans: (done, withinMs = 15_000) => eventually(() => [...collector.spans], done, withinMs, "the spans expected"),
    waitForLines: (done, withinMs = 10_000) => eventually(lines, done, withinMs, "the log lines expected"),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      collector.server.closeAllConnections();
      await new Promise<void>((resolve) => collector.server.close(() => resolve()));
    },
  };
}
