import { type User, UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { AppConfig, IssuerChoice, Purpose } from "../config.js";

/** Which agency's provider this tab signed in with; the user itself is kept by oidc-client-ts. */
const AGENCY_KEY = "skyddsnat.agency";

const appUrl = (path: string) => `${window.location.origin}/app/${path}`;

/**
 * One user manager per agency issuer: authorization code with PKCE (S256, oidc-client-ts'
 * default), a refresh token (offline_access) renewing the access token before it expires.
 * Tokens live in this tab's sessionStorage only.
 */
export function managerFor(config: AppConfig, choice: IssuerChoice): UserManager {
  return new UserManager({
    authority: choice.issuer,
    client_id: config.signIn.clientId,
    redirect_uri: appUrl("callback"),
    post_logout_redirect_uri: appUrl(""),
    response_type: "code",
    scope: "openid profile offline_access",
    ...(config.signIn.resource ? { resource: config.signIn.resource } : {}),
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    loadUserInfo: false,
  });
}

export function issuerOf(config: AppConfig, agency: string | null): IssuerChoice | undefined {
  return config.signIn.issuers.find((choice) => choice.agency === agency);
}

export function chosenAgency(): string | null {
  return window.sessionStorage.getItem(AGENCY_KEY);
}

export async function signIn(config: AppConfig, agency: string, purpose: Purpose): Promise<void> {
  const choice = issuerOf(config, agency);
  if (!choice) throw new Error(`No identity provider for ${agency}.`);
  window.sessionStorage.setItem(AGENCY_KEY, agency);
  await managerFor(config, choice).signinRedirect({ scope: `openid profile offline_access purpose:${purpose}` });
}

/**
 * Completes the redirect back from the provider, on the manager the app keeps: its renewal
 * timers start from this user.
 */
export function completeSignIn(manager: UserManager): Promise<User> {
  return manager.signinRedirectCallback();
}

export async function signOut(manager: UserManager): Promise<void> {
  const user = await manager.getUser();
  window.sessionStorage.removeItem(AGENCY_KEY);
  await manager.removeUser();
  await manager.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
}
