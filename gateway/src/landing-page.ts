import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { RouteHandler } from "@skyddsnat/platform";

const require = createRequire(import.meta.url);

/** GraphiQL and React served from their npm packages: the hub loads nothing from the network. */
const ASSETS: Record<string, { module: string; type: string }> = {
  "/graphiql/graphiql.min.js": { module: "graphiql/graphiql.min.js", type: "text/javascript" },
  "/graphiql/graphiql.min.css": { module: "graphiql/graphiql.min.css", type: "text/css" },
  "/graphiql/react.production.min.js": { module: "react/umd/react.production.min.js", type: "text/javascript" },
  "/graphiql/react-dom.production.min.js": {
    module: "react-dom/umd/react-dom.production.min.js",
    type: "text/javascript",
  },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Skyddsnät</title>
  <link rel="stylesheet" href="/graphiql/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/react.production.min.js"></script>
  <script src="/graphiql/react-dom.production.min.js"></script>
  <script src="/graphiql/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultHeaders: '{\\n  "Authorization": "Bearer <paste a token from: npm run -s token -- …>"\\n}',
        defaultQuery: "# Skyddsnät: every request needs a token from an agency issuer (see README).\\n",
      }),
    );
  </script>
</body>
</html>`;

export function landingPageRoutes(): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {
    "GET /": async (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(PAGE);
    },
  };
  for (const [path, asset] of Object.entries(ASSETS)) {
    routes[`GET ${path}`] = async (_req, res) => {
      const body = await readFile(require.resolve(asset.module));
      res.writeHead(200, { "content-type": asset.type, "cache-control": "public, max-age=3600" });
      res.end(body);
    };
  }
  return routes;
}
