import type { Agency, Role } from "@skyddsnat/schema";
import type { JWK } from "jose";
import Provider, { type AdapterFactory, type Configuration, errors, type KoaContextWithOIDC } from "oidc-provider";
import { actorClaims, claimLayoutOf } from "./claim-layouts.js";
import { choosePurpose, PURPOSE_SCOPES } from "./purpose-scope.js";
import type { StaffDirectory, StaffMember } from "./staff.js";
import { renderLogoutPage, renderSignedOutPage } from "./sign-in-page.js";

/** The hub's web app: a public client (no secret), authorization code with PKCE S256 only. */
export interface WebClient {
  clientId: string;
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  /** Origins allowed to call the token endpoint from a browser (CORS). */
  origins: ReadonlySet<string>;
}

/** An agency system (client credentials) acting for one role of the agency, e.g. a case-management integration. */
export interface MachineClient {
  clientId: string;
  clientSecret: string;
  role: Role;
  unit?: string;
}

export interface AgencyProviderOptions {
  agency: Agency;
  issuer: string;
  /** This agency's staff: the only accounts its provider signs in. */
  staff: StaffDirectory;
  /** Private signing keys, the current one first; all are published in the JWKS. */
  signingKeys: readonly JWK[];
  webClient: WebClient;
  machineClient?: MachineClient;
  adapter: AdapterFactory;
  cookieKeys: readonly string[];
  /** The resource the access tokens are for: the hub (GATEWAY_AUDIENCE). */
  audience: string;
  accessTokenTtlSeconds: number;
}

const OIDC_SCOPES = ["openid", "offline_access", "profile"];
/** A refresh token outlives many access tokens, not a working day. */
const REFRESH_TOKEN_TTL_SECONDS = 8 * 60 * 60;

/**
 * One agency's OpenID provider. Every protocol endpoint is oidc-provider's; what is ours is who
 * may sign in (the agency's demo staff), which purpose she may name (purpose-scope.ts), and the
 * claims her access token carries (claim-layouts.ts).
 */
export function createAgencyProvider(options: AgencyProviderOptions): Provider {
  const { agency, staff, webClient, audience } = options;
  const machine = options.machineClient;
  const layout = claimLayoutOf(agency);
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
  const memberOf = (accountId: string | undefined): StaffMember | undefined =>
    staff.find((member) => member.id === accountId && member.agency === agency);

  const configuration: Configuration = {
    adapter: options.adapter,
    clients: [
      {
        client_id: webClient.clientId,
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [...webClient.redirectUris],
        post_logout_redirect_uris: [...webClient.postLogoutRedirectUris],
        id_token_signed_response_alg: "ES256",
      },
      ...(machine
        ? [
            {
              client_id: machine.clientId,
              client_secret: machine.clientSecret,
              token_endpoint_auth_method: "client_secret_basic" as const,
              grant_types: ["client_credentials"],
              response_types: [],
              redirect_uris: [],
              // Never used (no ID token for a system), but the metadata must name a key it has.
              id_token_signed_response_alg: "ES256" as const,
            },
          ]
        : []),
    ],
    jwks: { keys: options.signingKeys.map((key) => ({ ...key })) as never },
    cookies: {
      keys: [...options.cookieKeys],
      // One host serves four providers: each agency's cookies under names of their own.
      names: { session: `_session_${agency}`, interaction: `_interaction_${agency}`, resume: `_resume_${agency}` },
    },
    scopes: OIDC_SCOPES,
    claims: { openid: ["sub"], profile: ["name"] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
      Session: REFRESH_TOKEN_TTL_SECONDS,
      Grant: REFRESH_TOKEN_TTL_SECONDS,
      Interaction: 10 * 60,
      IdToken: options.accessTokenTtlSeconds,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = renderLogoutPage(agency, form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = renderSignedOutPage(agency);
        },
      },
      clientCredentials: { enabled: Boolean(machine) },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== audience) throw new errors.InvalidTarget();
          return {
            scope: PURPOSE_SCOPES.join(" "),
            audience,
            accessTokenTTL: options.accessTokenTtlSeconds,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "ES256" } },
          };
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const member = memberOf(id);
      if (!member) return undefined;
      return { accountId: member.id, claims: () => ({ sub: member.id, name: member.name }) };
    },
    /**
     * Consent for our own web app is implied, but only for what the signed-in member may ask:
     * exactly one purpose her role may state. A fresh grant each time, so the purpose is the one
     * chosen at this sign-in.
     */
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, params } = ctx.oidc;
      if (!client || client.clientId !== webClient.clientId) return undefined;
      const member = memberOf(session?.accountId);
      if (!member) throw new errors.AccessDenied("unknown staff member");
      const scope = typeof params?.scope === "string" ? params.scope : "";
      const choice = choosePurpose(scope, member.role);
      if (!choice.ok) throw new errors.InvalidScope(choice.reason, scope);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: member.id });
      grant.addOIDCScope(scope.split(" ").filter((entry) => OIDC_SCOPES.includes(entry)).join(" "));
      grant.addResourceScope(audience, `purpose:${choice.purpose}`);
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.clientId === webClient.clientId,
    rotateRefreshToken: true,
    clientBasedCORS: (_ctx, origin) => webClient.origins.has(origin),
    async extraTokenClaims(_ctx, token) {
      if (token.kind === "ClientCredentials") {
        // The system acts for its one role, with a purpose that role may state; it is named in
        // the layout's machine-client claim, which no person's token carries.
        if (!machine || token.clientId !== machine.clientId) return undefined;
        const choice = choosePurpose(token.scope, machine.role);
        if (!choice.ok) throw new errors.InvalidScope(choice.reason, token.scope ?? "");
        return { ...actorClaims(layout, { agency, ...machine }, choice.purpose), [layout.machineClient]: machine.clientId };
      }
      if (token.kind !== "AccessToken") return undefined;
      const member = memberOf(token.accountId);
      const choice = member ? choosePurpose(token.scope, member.role) : undefined;
      // A grant is only ever made for a member and her purpose; anything else is a bug: no claims.
      if (!member || !choice?.ok) return undefined;
      return actorClaims(layout, member, choice.purpose);
    },
  };
  return new Provider(options.issuer, configuration);
}
