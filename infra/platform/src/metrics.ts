import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { close, listen } from "./http-server.js";

/**
 * Every metric the hub exports, in one list, for Prometheus (prom-client). One registry per
 * process: `npm start` runs all services in one process, so each series names its `service`
 * (gateway, audit, or an agency's subgraph). Labels are bounded sets — service and subgraph
 * names, reason codes, field classes, error codes, operation names through `operationLabel` —
 * never a value, an id or anything a caller typed freely.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });
const registers = [metricsRegistry];

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const hubMetrics = {
  requests: new Counter({
    name: "skyddsnat_requests_total",
    help: "GraphQL requests answered, by service, operation name and HTTP status",
    labelNames: ["service", "operation", "status"] as const,
    registers,
  }),
  requestDuration: new Histogram({
    name: "skyddsnat_request_duration_seconds",
    help: "Time from a GraphQL request's arrival to its answer, by service and operation name",
    labelNames: ["service", "operation"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  }),
  requestErrors: new Counter({
    name: "skyddsnat_request_errors_total",
    help: "Errors in GraphQL answers, by service, operation name and error code",
    labelNames: ["service", "operation", "code"] as const,
    registers,
  }),
  withheldFields: new Counter({
    name: "skyddsnat_withheld_fields_total",
    help: "Fields withheld by the policy, by service, reason code and field class",
    labelNames: ["service", "reason", "class"] as const,
    registers,
  }),
  auditAppendDuration: new Histogram({
    name: "skyddsnat_audit_append_duration_seconds",
    help: "Time to append one batch of audit records (group commit)",
    buckets: LATENCY_BUCKETS,
    registers,
  }),
  auditBatchEntries: new Histogram({
    name: "skyddsnat_audit_batch_entries",
    help: "Audit records per appended batch",
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers,
  }),
  auditEntries: new Counter({ name: "skyddsnat_audit_entries_total", help: "Audit records appended to the chain", registers }),
  auditAppendFailures: new Counter({ name: "skyddsnat_audit_append_failures_total", help: "Batches of audit records that failed to append", registers }),
  factsLookups: new Counter({
    name: "skyddsnat_facts_cache_lookups_total",
    help: "Subject facts asked of a service's cache, by service and result (hit, miss)",
    labelNames: ["service", "result"] as const,
    registers,
  }),
  factsFeedFollowing: new Gauge({
    name: "skyddsnat_facts_feed_following",
    help: "1 while a service follows social services' facts change feed, else 0",
    labelNames: ["service"] as const,
    registers,
    collect() {
      for (const [service, following] of feeds) this.set({ service }, following() ? 1 : 0);
    },
  }),
  subgraphCallDuration: new Histogram({
    name: "skyddsnat_subgraph_call_duration_seconds",
    help: "The gateway's calls to a subgraph, by subgraph and outcome (answered, unavailable)",
    labelNames: ["subgraph", "outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  }),
  breakerState: new Gauge({
    name: "skyddsnat_breaker_state",
    help: "Circuit breaker towards a service: 0 closed, 1 half-open, 2 open; by caller (service) and target",
    labelNames: ["service", "target"] as const,
    registers,
    collect() {
      for (const [key, state] of breakers) {
        const [service, target] = key.split("\u0000") as [string, string];
        this.set({ service, target }, BREAKER_VALUES[state()] ?? 2);
      }
    },
  }),
};

const BREAKER_VALUES: Record<string, number> = { closed: 0, "half-open": 1, open: 2 };
const breakers = new Map<string, () => string>();
const feeds = new Map<string, () => boolean>();

/** Reports a breaker's state at each scrape (the newest breaker of a caller and target wins). */
export function observeBreaker(service: string, target: string, state: () => string): void {
  breakers.set(`${service}\u0000${target}`, state);
}

/** Reports whether a service follows the facts change feed at each scrape. */
export function observeFactsFeed(service: string, following: () => boolean): void {
  feeds.set(service, following);
}

/** Counts one lookup of a service's facts cache. */
export function countFactsLookups(service: string, hits: number, misses: number): void {
  if (hits > 0) hubMetrics.factsLookups.inc({ service, result: "hit" }, hits);
  if (misses > 0) hubMetrics.factsLookups.inc({ service, result: "miss" }, misses);
}

/** How many distinct operation names get a series of their own; later ones count as "other". */
export const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const seenOperations = new Set<string>();

/**
 * An operation name as a label: a GraphQL name of at most 64 characters, one of the first
 * MAX_OPERATION_LABELS seen by this process (registered documents' names come first in practice);
 * "anonymous" without one, "other" past the cap or for anything that is not a name.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  if (!OPERATION_NAME.test(name)) return "other";
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return "other";
  seenOperations.add(name);
  return name;
}

/** An error code as a label: the hub's codes are upper-case words; anything else is "other" (lower case, like the operation label: never a code of its own). */
export const errorCodeLabel = (code: unknown): string => (typeof code === "string" && /^[A-Z][A-Z_]{0,39}$/.test(code) ? code : "other");

export interface MetricsServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves the registry as Prometheus text on its own port (GET /metrics), apart from the
 * GraphQL port: scrapes need no token, so the port is for the cluster's network, not callers.
 */
export async function serveMetrics(port: number, host = "127.0.0.1"): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { "content-type": metricsRegistry.contentType }).end(text),
      () => res.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n"),
    );
  });
  const actual = await listen(server, port, host);
  return { port: actual, url: `http://${host === "0.0.0.0" ? "localhost" : host}:${actual}/metrics`, stop: () => close(server, 1000) };
}
