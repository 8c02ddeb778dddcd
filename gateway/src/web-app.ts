import { readFile, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { type RouteHandler, sendJson } from "@skyddsnat/platform";

/** The identity provider a user of one agency signs in with. */
export interface SignInIssuer {
  agency: string;
  issuer: string;
}

/** The users' web app (web/): its built files and how it signs users in. */
export interface WebAppOptions {
  /** web/dist: index.html (the app, at /app/), graphiql.html (at /) and assets/. */
  distDir: string;
  signIn: {
    /** The public OIDC client (authorization code + PKCE). */
    clientId: string;
    issuers: SignInIssuer[];
    /** The resource indicator the access token is asked for (the hub's audience), if the providers need one. */
    resource?: string;
  };
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The pages' Content-Security-Policy: scripts, styles and everything else from the hub itself;
 * the only other place a page may talk to is an agency's identity provider (token requests).
 * No inline script, no eval, no framing.
 */
export function contentSecurityPolicy(issuers: readonly SignInIssuer[]): string {
  const providers = [...new Set(issuers.map((choice) => new URL(choice.issuer).origin))];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${providers.join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const pageHeaders = (csp: string) => ({
  "content-type": CONTENT_TYPES[".html"] as string,
  "content-security-policy": csp,
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
});

/** A file under `dir` for a request path, or null: never a path that leaves `dir`. */
async function fileUnder(dir: string, relativePath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = normalize(join(dir, decoded));
  if (!file.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`)) return null;
  const found = await stat(file).catch(() => null);
  return found?.isFile() ? file : null;
}

async function sendPage(res: ServerResponse, file: string, csp: string): Promise<void> {
  const body = await readFile(file);
  res.writeHead(200, pageHeaders(csp));
  res.end(body);
}

/**
 * GET /app/config.json (the sign-in configuration), GET /app/* (the built files; any other path
 * is the app's own route and gets index.html), GET / (GraphiQL). Hashed assets are cached for
 * good; pages never. Nothing is fetched from anywhere else at run time.
 */
export function webAppRoutes(options: WebAppOptions): Record<string, RouteHandler> {
  const dir = normalize(options.distDir);
  const csp = contentSecurityPolicy(options.signIn.issuers);
  const config = { graphqlPath: "/graphql", signIn: options.signIn };
  return {
    "GET /": async (_req, res) => sendPage(res, join(dir, "graphiql.html"), csp),
    "GET /app": async (_req, res) => {
      res.writeHead(308, { location: "/app/" });
      res.end();
    },
    "GET /app/config.json": async (_req, res) => sendJson(res, 200, config),
    "GET /app/*": async (req, res) => {
      const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      const relative = pathname.slice("/app/".length);
      const file = relative === "" ? null : await fileUnder(dir, relative);
      if (file && extname(file) !== ".html") {
        const immutable = relative.startsWith("assets/");
        res.writeHead(200, {
          "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
        });
        res.end(await readFile(file));
        return;
      }
      // A missing asset is a 404, not the app: a stale page asking for an old bundle says so.
      if (relative.startsWith("assets/")) return sendJson(res, 404, { errors: [{ message: "not found", extensions: { code: "NOT_FOUND" } }] });
      await sendPage(res, join(dir, "index.html"), csp);
    },
  };
}
