import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { PURPOSE_SCOPE_PREFIX } from "./claim-layouts.js";
import type { StaffDirectory } from "./staff.js";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const MAX_FORM_BYTES = 4096;

export interface SignInPage {
  agency: string;
  action: string;
  staff: StaffDirectory;
  purpose: string | undefined;
  error?: string;
}

/** The development sign-in: pick a demo staff member, no password. Plain HTML, labelled, keyboard-only friendly. */
export function renderSignInPage(page: SignInPage): string {
  const options = page.staff
    .map((m) => `<option value="${escapeHtml(m.id)}">${escapeHtml(`${m.id} — ${m.name}, ${m.role}${m.unit ? ` (${m.unit})` : ""}`)}</option>`)
    .join("\n          ");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Development sign-in — ${escapeHtml(page.agency)}</title>
    <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
    .dev{border:3px solid #b00020;padding:.5rem 1rem;background:#fff4f4}
    label,select,button{display:block;font-size:1.1rem;margin:.5rem 0}
    :focus{outline:3px solid #1a5fb4;outline-offset:2px}</style>
  </head>
  <body>
    <main>
      <p class="dev" role="note"><strong>Development only.</strong> There is no password: anyone here can sign in as any demo staff member. A real agency signs in through its own identity provider.</p>
      <h1>Development sign-in — choose a demo staff member</h1>
      <p>Agency: <strong>${escapeHtml(page.agency)}</strong>. Purpose of use asked for: <strong>${escapeHtml(page.purpose ?? "none")}</strong>.</p>
      ${page.error ? `<p role="alert">${escapeHtml(page.error)}</p>` : ""}
      <form method="post" action="${escapeHtml(page.action)}">
        <label for="staffId">Demo staff member</label>
        <select id="staffId" name="staffId" required autofocus>
          ${options}
        </select>
        <button type="submit">Sign in</button>
      </form>
    </main>
  </body>
</html>
`;
}

/**
 * The provider's sign-out question (rpInitiatedLogout.logoutSource): oidc-provider's own page
 * loads a web font from Google, and nothing here may reach the network. `form` is the provider's
 * form (its action and anti-forgery field); the buttons submit it.
 */
export function renderLogoutPage(agency: string, form: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Sign out — ${escapeHtml(agency)}</title>
  <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{font-size:1.1rem;margin:.5rem .5rem 0 0}</style></head>
  <body>
    <main>
      <h1>Sign out of ${escapeHtml(agency)}?</h1>
      ${form}
      <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
      <button type="submit" form="op.logoutForm">No, stay signed in</button>
    </main>
  </body>
</html>
`;
}

export function renderSignedOutPage(agency: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signed out — ${escapeHtml(agency)}</title></head>
<body><main><h1>You are signed out of ${escapeHtml(agency)}.</h1></main></body></html>
`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * `formTarget`: the web app's origin. Browsers hold the redirects that follow a form's POST to
 * form-action too, and the sign-in ends in a redirect to the app's (registered) redirect URI.
 */
function send(res: ServerResponse, status: number, html: string, formTarget?: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${formTarget ? ` ${formTarget}` : ""}; frame-ancestors 'none'`,
  });
  res.end(html);
}

function originOf(uri: unknown): string | undefined {
  if (typeof uri !== "string") return undefined;
  try {
    return new URL(uri).origin;
  } catch {
    return undefined;
  }
}

function purposeOf(scope: unknown): string | undefined {
  if (typeof scope !== "string") return undefined;
  return scope.split(" ").find((entry) => entry.startsWith(PURPOSE_SCOPE_PREFIX))?.slice(PURPOSE_SCOPE_PREFIX.length);
}

/**
 * GET <issuer>/interaction/<uid> shows the page; POST <issuer>/interaction/<uid>/login signs the
 * chosen member in. The provider then checks her purpose (loadExistingGrant) and answers the web
 * app. An unknown interaction (expired, or no cookie) is the provider's own error page.
 */
export async function handleInteraction(
  provider: Provider,
  staff: StaffDirectory,
  agency: string,
  mountPath: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let details: Awaited<ReturnType<Provider["interactionDetails"]>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    send(res, 400, "<!doctype html><title>Sign-in expired</title><p>This sign-in has expired or is unknown. Start again from the app.</p>");
    return;
  }
  const action = `${mountPath}/interaction/${details.uid}/login`;
  const page = { agency, action, staff, purpose: purposeOf(details.params.scope) };
  // The provider checked redirect_uri against the client's registration before this page.
  const appOrigin = originOf(details.params.redirect_uri);
  const path = (req.url ?? "").split("?")[0];
  if (req.method === "GET" && path === `/interaction/${details.uid}`) {
    send(res, 200, renderSignInPage(page), appOrigin);
    return;
  }
  if (req.method === "POST" && path === `/interaction/${details.uid}/login`) {
    const form = await readForm(req);
    const staffId = form?.get("staffId") ?? "";
    if (!staff.some((member) => member.id === staffId)) {
      send(res, 400, renderSignInPage({ ...page, error: "Choose one of the listed staff members." }), appOrigin);
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: staffId } }, { mergeWithLastSubmission: false });
    return;
  }
  send(res, 404, "<!doctype html><title>Not found</title><p>Not found.</p>");
}
