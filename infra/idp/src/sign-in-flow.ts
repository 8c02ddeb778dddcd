import { createHash, randomBytes } from "node:crypto";
import { PURPOSE_SCOPE_PREFIX } from "./claim-layouts.js";
import { WEB_CLIENT_ID } from "./identity-providers.js";

/**
 * What the web app does at sign-in, without a browser: authorization code with PKCE S256, the
 * development sign-in form posted, the code exchanged. For tests and scripts; it follows only
 * the provider's own redirects and stops at the redirect URI, as a browser would hand it over.
 */
export interface SignInRequest {
  issuer: string;
  staffId: string;
  /** Asked for as the scope `purpose:<PURPOSE>`; leave out to ask for none. */
  purpose?: string;
  /** Replaces the scope entirely (tests of odd requests). Default `openid offline_access purpose:<purpose>`. */
  scope?: string;
  redirectUri: string;
  clientId?: string;
  /** Tests: send no PKCE challenge. */
  withoutPkce?: boolean;
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  expiresIn: number;
  scope?: string;
}

/** The provider answered the web app with an OAuth error (e.g. invalid_scope) instead of a code. */
export class SignInRefused extends Error {
  override readonly name = "SignInRefused";
  constructor(
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super(`sign-in refused: ${error}${description ? ` (${description})` : ""}`);
  }
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

const b64url = (bytes: Buffer) => bytes.toString("base64url");
const MAX_REDIRECTS = 10;

export async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery of ${issuer} answered ${response.status}`);
  return (await response.json()) as Discovery;
}

class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = (pair ?? "").indexOf("=");
      if (at > 0) this.#cookies.set((pair as string).slice(0, at).trim(), (pair as string).slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function tokenRequest(endpoint: string, body: Record<string, string>, headers: Record<string, string> = {}): Promise<TokenSet> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new SignInRefused(String(json.error), json.error_description as string | undefined);
  return {
    accessToken: json.access_token as string,
    ...(typeof json.refresh_token === "string" ? { refreshToken: json.refresh_token } : {}),
    ...(typeof json.id_token === "string" ? { idToken: json.id_token } : {}),
    expiresIn: json.expires_in as number,
    ...(typeof json.scope === "string" ? { scope: json.scope } : {}),
  };
}

export async function signInWithCode(request: SignInRequest): Promise<TokenSet> {
  const discovery = await discover(request.issuer);
  const clientId = request.clientId ?? WEB_CLIENT_ID;
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(16));
  const scope = request.scope ?? ["openid", "offline_access", ...(request.purpose ? [`${PURPOSE_SCOPE_PREFIX}${request.purpose}`] : [])].join(" ");
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    redirect_uri: request.redirectUri,
    scope,
    state,
    ...(request.withoutPkce
      ? {}
      : { code_challenge: b64url(createHash("sha256").update(verifier).digest()), code_challenge_method: "S256" }),
  }).toString();

  const jar = new CookieJar();
  let next: { url: string; init?: RequestInit } = { url: authorize.href };
  for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
    const response = await fetch(next.url, { ...next.init, redirect: "manual", headers: { ...next.init?.headers, cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get("location");
    if (location) {
      const target = new URL(location, next.url);
      if (target.href.startsWith(request.redirectUri)) return exchange(target, state, verifier, clientId, request, discovery);
      next = { url: target.href };
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action) throw new Error(`sign-in stopped at ${next.url}: HTTP ${response.status}`);
    next = {
      url: new URL(action.replaceAll("&amp;", "&"), next.url).href,
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ staffId: request.staffId }).toString(),
      },
    };
  }
  throw new Error("sign-in: too many redirects");
}

async function exchange(
  callback: URL,
  state: string,
  verifier: string,
  clientId: string,
  request: SignInRequest,
  discovery: Discovery,
): Promise<TokenSet> {
  const error = callback.searchParams.get("error");
  if (error) throw new SignInRefused(error, callback.searchParams.get("error_description") ?? undefined);
  if (callback.searchParams.get("state") !== state) throw new Error("sign-in: state mismatch");
  return tokenRequest(discovery.token_endpoint, {
    grant_type: "authorization_code",
    code: callback.searchParams.get("code") ?? "",
    redirect_uri: request.redirectUri,
    client_id: clientId,
    code_verifier: verifier,
  });
}

/** Renews tokens with a refresh token (which the provider rotates: use the new one next time). */
export async function refreshTokens(issuer: string, refreshToken: string, clientId: string = WEB_CLIENT_ID): Promise<TokenSet> {
  const discovery = await discover(issuer);
  return tokenRequest(discovery.token_endpoint, { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId });
}

/** An agency system's token (client credentials): acts for its role, with the purpose asked for. */
export async function machineToken(issuer: string, client: { clientId: string; clientSecret: string }, purpose: string): Promise<TokenSet> {
  const discovery = await discover(issuer);
  const basic = Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64");
  return tokenRequest(discovery.token_endpoint, { grant_type: "client_credentials", scope: `${PURPOSE_SCOPE_PREFIX}${purpose}` }, { authorization: `Basic ${basic}` });
}
