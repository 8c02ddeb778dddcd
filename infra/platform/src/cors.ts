import type { IncomingMessage, ServerResponse } from "node:http";

/** What a browser on an allowed origin may send and read (the hub's GraphQL POST, its ids). */
const ALLOWED_METHODS = "GET, POST";
const ALLOWED_HEADERS = "authorization, content-type, apollo-require-preflight, x-apollo-operation-name";
const EXPOSED_HEADERS = "x-request-id, retry-after, www-authenticate";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/** Whether `origin` is on the allow-list: exact matches of scheme, host and port, no wildcards. */
export const originAllowed = (origin: string | undefined, allowed: readonly string[]): origin is string =>
  typeof origin === "string" && allowed.includes(origin);

/**
 * CORS, answered before anything else of the request is looked at: a preflight (OPTIONS) gets
 * 204 with the allowed methods and headers when its origin is on the list, 204 without them
 * otherwise (the browser then refuses), and is never authenticated, read or audited. Any other
 * request from an allowed origin gets its origin echoed back so the browser lets the page read
 * the answer. Returns true when the request was answered here.
 */
export function answerCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  res.setHeader("vary", "Origin");
  const ok = originAllowed(origin, allowed);
  if (ok) {
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  }
  if (req.method !== "OPTIONS") return false;
  if (ok) {
    res.setHeader("access-control-allow-methods", ALLOWED_METHODS);
    res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
    res.setHeader("access-control-max-age", PREFLIGHT_MAX_AGE_SECONDS);
  }
  // A preflight carries no body worth reading; the connection is not reused for one unread.
  if (!req.complete) res.setHeader("connection", "close");
  res.writeHead(204);
  res.end();
  return true;
}
