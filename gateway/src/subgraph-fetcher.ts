import { STATUS_CODES } from "node:http";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { Agent, request } from "undici";

/** What RemoteGraphQLDataSource calls to fetch (Apollo's Fetcher type), and what it answers. */
type Fetcher = RemoteGraphQLDataSource["fetcher"];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * The gateway's outgoing HTTP client for subgraph calls: undici's request() over a keep-alive
 * pool per subgraph, in place of a WHATWG fetch (Node's own, or Apollo's default
 * make-fetch-happen), whose streams, Request/Response objects and header guards cost the gateway
 * more CPU than the call itself (gateway/README.md, "What each step gained").
 *
 * What the rest of the gateway relies on stays as fetch had it: every call ends within
 * `timeoutMs` (the request and its body are aborted, the socket with them), a timeout fails as a
 * TimeoutError and a refused, reset or closed connection as TypeError "fetch failed", which is
 * how the breaker tells TIMEOUT from UNREACHABLE (schema's service-breaker.ts).
 */
export interface SubgraphFetcher {
  fetcher: Fetcher;
  /** Closes the pooled connections (the gateway's stop). */
  close(): Promise<void>;
}

export interface SubgraphFetcherOptions {
  /** Each call, answer body included, within this (the subgraph timeout). */
  timeoutMs: number;
  /** Connections kept per subgraph at most (default 64). */
  connectionsPerSubgraph?: number;
}

/** Idle connections are kept this long: below the subgraphs' own keep-alive (Node's default 5 s), so the gateway closes first. */
const KEEP_ALIVE_MS = 4_000;

export function createSubgraphFetcher(options: SubgraphFetcherOptions): SubgraphFetcher {
  const agent = new Agent({
    connections: options.connectionsPerSubgraph ?? 64,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
    // The overall deadline below governs; these only must not cut a call sooner.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const fetcher: Fetcher = async (url, init = {}) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutError(options.timeoutMs)), options.timeoutMs);
    try {
      const answer = await request(url, {
        dispatcher: agent,
        method: (init.method ?? "GET") as "POST",
        headers: init.headers ?? {},
        body: init.body ?? null,
        signal: controller.signal,
      });
      // The body is read here, inside the deadline: a subgraph that sends headers and then hangs
      // is cut like one that sends nothing.
      const text = await answer.body.text();
      return fetcherResponse(url, answer.statusCode, answer.headers, text);
    } catch (error) {
      throw controller.signal.aborted ? controller.signal.reason : networkFailure(error);
    } finally {
      clearTimeout(timer);
    }
  };
  return { fetcher, close: () => agent.close() };
}

function timeoutError(ms: number): Error {
  const error = new Error(`subgraph call exceeded ${ms} ms`);
  error.name = "TimeoutError";
  return error;
}

/** fetch's shape for a network failure: TypeError "fetch failed", the cause kept. */
function networkFailure(error: unknown): unknown {
  // By shape, not instanceof: the error may come from another realm (a test runner's VM).
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return new TypeError("fetch failed", { cause: error });
  return error;
}

type FetcherHeaders = FetcherResponse["headers"];

/**
 * Headers as Apollo's data source and the gateway's hooks use them (get/set/iterate), over a plain
 * map of lower-cased names: the WHATWG Headers' validation and normalisation of every value is
 * work the gateway's own few, known headers do not need. Several values of one name are joined
 * with ", " (RFC 9110 §5.3), as Headers does.
 */
export class PlainHeaders implements FetcherHeaders {
  readonly #byName = new Map<string, string>();

  constructor(init?: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(init ?? {})) {
      if (value !== undefined) this.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
  }
  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.#byName.get(key);
    this.#byName.set(key, current === undefined ? value : `${current}, ${value}`);
  }
  delete(name: string): void {
    this.#byName.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.#byName.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#byName.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.#byName.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.#byName.entries();
  }
  keys(): IterableIterator<string> {
    return this.#byName.keys();
  }
  values(): IterableIterator<string> {
    return this.#byName.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#byName.entries();
  }
  /** For the outgoing request. */
  toObject(): Record<string, string> {
    return Object.fromEntries(this.#byName);
  }
}

/** The part of a fetch Response RemoteGraphQLDataSource reads, over a body already read. */
function fetcherResponse(url: string, status: number, raw: Record<string, string | string[] | undefined>, text: string): FetcherResponse {
  const headers = new PlainHeaders(raw);
  const response: FetcherResponse = {
    bodyUsed: false,
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText: STATUS_CODES[status] ?? "",
    headers,
    text: async () => text,
    json: async () => JSON.parse(text),
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    clone: () => fetcherResponse(url, status, raw, text),
  };
  return response;
}
