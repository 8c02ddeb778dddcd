import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";

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
  /** Builds the per-request context; throw HttpError to refuse the request (e.g. 401). */
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Extra routes by "METHOD /path", e.g. health checks. */
  routes?: Record<string, RouteHandler>;
  graphqlPath?: string;
}

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "PAYLOAD_TOO_LARGE", "request body too large");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.includes("application/json")) return Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
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
  return createServer((req, res) => {
    // Responses carry protected data and refusals about named people: no cache on the way may
    // keep one. A route serving static assets may say otherwise in its own writeHead.
    for (const [name, value] of Object.entries(RESPONSE_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendHttpError(res, error);
      sendHttpError(res, new HttpError(500, "INTERNAL_SERVER_ERROR", "internal error"));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = options.routes?.[`${req.method} ${url.pathname}`];
    if (route) return route(req, res, req.method === "POST" ? await readBody(req) : undefined);
    if (url.pathname !== graphqlPath) throw new HttpError(404, "NOT_FOUND", "not found");

    const body = req.method === "POST" ? await readBody(req) : undefined;
    const context = await options.context(req);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
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

export async function listen(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
