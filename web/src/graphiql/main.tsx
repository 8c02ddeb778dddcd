import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { GraphQLError } from "graphql";
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/graphiql.css";
import "./graphiql-page.css";

const START = `# Skyddsnät: every request needs an access token from an agency's identity provider.
# Sign in at /app/ (menu "Token för GraphiQL"), then paste the token above or press
# "Use my sign-in in this tab".
{
  __typename
}
`;

const NO_TOKEN = { errors: [new GraphQLError( "No access token: paste one above, or sign in at /app/ and press \"Use my sign-in in this tab\".")] };

/** The access token of this tab's web-app sign-in (oidc-client-ts keeps it in sessionStorage). */
function signedInToken(): string | null {
  for (let index = 0; index < window.sessionStorage.length; index++) {
    const key = window.sessionStorage.key(index);
    if (!key?.startsWith("oidc.user:")) continue;
    try {
      const user = JSON.parse(window.sessionStorage.getItem(key) ?? "{}") as { access_token?: string };
      if (user.access_token) return user.access_token;
    } catch {}
  }
  return null;
}

/** GraphiQL on the hub's /graphql, with the bearer token held in this page only. */
function Page() {
  const [token, setToken] = useState("");
  // Without a token nothing is sent: the hub would only answer 401.
  const fetcher = useMemo<Fetcher>(
    () => (token.trim() ? createGraphiQLFetcher({ url: "/graphql", headers: { authorization: `Bearer ${token.trim()}` } }) : async () => NO_TOKEN),
    [token],
  );
  return (
    <div className="page">
      <header className="token-bar">
        <label htmlFor="token">Access token</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} placeholder="eyJ…" />
        <button type="button" onClick={() => setToken(signedInToken() ?? "")}>
          Use my sign-in in this tab
        </button>
        <a href="/app/token">Sign in / get a token</a>
        <span role="status">{token ? "Token set" : "No token"}</span>
      </header>
      <div className="editor">
        <GraphiQL fetcher={fetcher} defaultQuery={START} defaultHeaders="" isHeadersEditorEnabled />
      </div>
    </div>
  );
}

createRoot(document.getElementById("graphiql") as HTMLElement).render(<Page />);
