import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { answerCors } from "./cors.js";

/** Request bodies above this are refused before parsing: the graph has no use for large ones. */
export const MAX_BODY_BYTES = 1_000_000;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    /** Response headers of the refusal, e.g. the request id that ties it to its audit record. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Set on every response before a route or Apollo writes its own. */
export const RESPONSE_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
} as const;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void>;

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /**
   * Builds the per-request context from the request line and headers, before the body is read;
   * throw HttpError to refuse the request (e.g. 401, 429). `res` closes when the request is done.
   */
  context: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>;
  /** Extra routes by "METHOD /path", e.g. health checks; "METHOD /prefix/*" serves everything under /prefix/. */
  routes?: Record<string, RouteHandler>;
  graphqlPath?: string;
  /**
   * Looks at a GraphQL request before Apollo does (throw HttpError to refuse it) and returns the
   * query string and body to hand on, e.g. a registered document's text in place of its hash.
   */
  prepare?: (request: { method: string; search: string; body: unknown }) => { search: string; body: unknown };
  /**
   * Answers a GraphQL request itself, when it can, before Apollo Server's pipeline (a subgraph's
   * query runner); undefined hands the request to Apollo.
   */
  answer?: (req: IncomingMessage, body: unknown, context: TContext) => Promise<{ status: number; body: string } | undefined>;
  /** Browser origins allowed to call (CORS); none by default. Preflights are answered first. */
  corsOrigins?: readonly string[];
  /** How long a client may take to send the whole request, headers and body (default 10 s). */
  requestTimeoutMs?: number;
  /** How long a client may take to send the headers (default 5 s). */
  headersTimeoutMs?: number;
}

/** Node's default holds a slow request for 300 s; the hub's callers send small JSON bodies. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 5_000;
/** How long `close` waits for requests in flight before it cuts their connections. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** Requests in flight per server, and whether it is closing (then no connection is kept alive). */
const flights = new WeakMap<Server, { inFlight: number; closing: boolean; drained: Set<() => void> }>();

/**
 * Reads a request body of at most MAX_BODY_BYTES. Past that it stops reading without destroying
 * the request (which would take the socket, and the 413, with it): the caller answers 413 and the
 * connection closes with the answer.
 */
export function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        stop();
        reject(new HttpError(413, "PAYLOAD_TOO_LARGE", "request body too large"));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        resolve(decodeBody(req, size === 0 ? undefined : Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.once("error", reject);
  });
}

function decodeBody(req: IncomingMessage, bytes: Buffer | undefined): unknown {
  if (bytes === undefined) return undefined;
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.includes("application/json")) return bytes.toString("utf8");
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "request body is not valid JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** GraphQL errors in the spec's shape, so clients handle a refusal like any other error. */
export function sendHttpError(res: ServerResponse, error: HttpError): void {
  if (!res.headersSent) for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  sendJson(res, error.status, {
    errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }],
  });
}

/**
 * A plain node:http front for Apollo Server: GraphQL on one path, a few named routes beside it.
 * Apollo Server 5 ships no HTTP framework; this keeps the hub free of one.
 */
export function createGraphQLHttpServer<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
): Server {
  const graphqlPath = options.graphqlPath ?? "/graphql";
  const state = { inFlight: 0, closing: false, drained: new Set<() => void>() };
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      headersTimeout: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
      // Node checks those timeouts this often (default 30 s, which would let a trickle run on).
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      state.inFlight += 1;
      res.once("close", () => {
        state.inFlight -= 1;
        if (state.inFlight === 0) for (const resolve of state.drained) resolve();
      });
      // Responses carry protected data and refusals about named people: no cache on the way may
      // keep one. A route serving static assets may say otherwise in its own writeHead.
      for (const [name, value] of Object.entries(RESPONSE_HEADERS)) res.setHeader(name, value);
      // While the server drains (close), each answer ends its connection.
      if (state.closing) res.setHeader("connection", "close");
      if (options.corsOrigins && answerCors(req, res, options.corsOrigins)) return;
      handle(req, res).catch((error: unknown) => {
        // Refused before the body was read: what is left of it would be read as the next request
        // on this keep-alive connection, so the connection ends with the answer.
        if (!req.complete) res.setHeader("connection", "close");
        if (error instanceof HttpError) return sendHttpError(res, error);
        sendHttpError(res, new HttpError(500, "INTERNAL_SERVER_ERROR", "internal error"));
      });
    },
  );
  flights.set(server, state);
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = options.routes?.[`${req.method} ${url.pathname}`] ?? prefixRoute(options.routes, req.method, url.pathname);
    if (route) return route(req, res, req.method === "POST" ? await readBody(req) : undefined);
    if (url.pathname !== graphqlPath) throw new HttpError(404, "NOT_FOUND", "not found");

    // The caller first, from the headers alone: a request without a valid token is refused
    // before a byte of its body is read or parsed.
    const context = await options.context(req, res);
    const received = { method: req.method ?? "GET", search: url.search, body: req.method === "POST" ? await readBody(req) : undefined };
    const { search, body } = options.prepare ? options.prepare(received) : received;
    const answered = received.method === "POST" && options.answer ? await options.answer(req, body, context) : undefined;
    if (answered) {
      res.statusCode = answered.status;
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(answered.body);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body },
      context: async () => context,
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** The longest "METHOD /prefix/*" route the path falls under. */
function prefixRoute(routes: Record<string, RouteHandler> | undefined, method: string | undefined, pathname: string): RouteHandler | undefined {
  let found: { length: number; handler: RouteHandler } | undefined;
  for (const [key, handler] of Object.entries(routes ?? {})) {
    if (!key.endsWith("/*") || !key.startsWith(`${method} `)) continue;
    const prefix = key.slice(method?.length ?? 0, -1).trimStart();
    if (pathname.startsWith(prefix) && prefix.length > (found?.length ?? -1)) found = { length: prefix.length, handler };
  }
  return found?.handler;
}

export async function listen(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Stops accepting connections, lets the requests in flight finish (each answer then closes its
 * connection) for at most `graceMs`, and then cuts whatever is left.
 */
export async function close(server: Server, graceMs: number = DEFAULT_SHUTDOWN_GRACE_MS): Promise<void> {
  const state = flights.get(server);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  if (state && state.inFlight > 0) {
    state.closing = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, graceMs);
      function done() {
        clearTimeout(timer);
        state?.drained.delete(done);
        resolve();
      }
      state.drained.add(done);
    });
  }
  server.closeAllConnections();
  await closed;
}
