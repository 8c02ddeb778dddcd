import type { RouteHandler } from "@skyddsnat/platform";

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8" /><title>Skyddsnät</title></head>
<body>
  <h1>Skyddsnät</h1>
  <p>GraphQL is served at <code>/graphql</code>. GraphiQL and the users' web app are served here when the
  hub is started with the built web app (<code>npm run build -w @skyddsnat/web</code>; see web/README.md).</p>
</body>
</html>`;

/**
 * `/` when no web app is configured: a plain page pointing at /graphql. With one, GraphiQL (built
 * from npm packages in web/, served by web-app.ts) takes `/` instead.
 */
export function landingPageRoutes(): Record<string, RouteHandler> {
  return {
    "GET /": async (_req, res) => {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      });
      res.end(PAGE);
    },
  };
}
