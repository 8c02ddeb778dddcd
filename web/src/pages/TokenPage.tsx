import { useState } from "react";
import { useSession } from "../session-context.js";

/** The current access token, to paste into GraphiQL (at /) or a script. It renews itself. */
export function TokenPage() {
  const { user } = useSession();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(user.access_token);
    setCopied(true);
  };
  return (
    <section aria-labelledby="token-heading">
      <h1 id="token-heading">Åtkomsttoken / Access token</h1>
      <p>
        Klistra in den i GraphiQL (<a href="/">öppna GraphiQL</a>) eller skicka den som <code>Authorization: Bearer …</code>. / Paste it into
        GraphiQL or send it as a bearer token. It expires {user.expires_at ? new Date(user.expires_at * 1000).toLocaleTimeString("sv-SE") : "soon"} and is renewed
        while this tab is open.
      </p>
      <label htmlFor="access-token">Token</label>
      <textarea id="access-token" readOnly rows={6} value={user.access_token} />
      <button type="button" onClick={copy}>
        Kopiera / Copy
      </button>
      {copied ? <span role="status"> Kopierad / Copied</span> : null}
    </section>
  );
}
