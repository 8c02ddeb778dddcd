import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Agency, GATEWAY_AUDIENCE, type Role } from "@skyddsnat/schema";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { AdapterFactory, default as Provider } from "oidc-provider";
import { createAgencyProvider, type MachineClient, type WebClient } from "./agency-provider.js";
import { type ClaimLayout, claimLayoutOf } from "./claim-layouts.js";
import { memoryAdapterFactory } from "./memory-adapter.js";
import { handleInteraction } from "./sign-in-page.js";
import type { StaffDirectory } from "./staff.js";

/** The agencies with an identity provider of their own here (the auditors sign in to their console too). */
export const IDP_AGENCIES = ["social-services", "housing", "police-liaison", "child-services", "audit"] as const satisfies readonly Agency[];

/** The hub's web app, as every provider registers it. */
export const WEB_CLIENT_ID = "skyddsnat-web";
/** Vite's dev server: the web app during development. */
export const VITE_DEV_ORIGIN = "http://localhost:5173";
/** The role each agency's system acts for (client credentials). */
const SYSTEM_ROLES: Record<(typeof IDP_AGENCIES)[number], Role> = {
  "social-services": "SOCIAL_SECRETARY",
  housing: "HOUSING_OFFICER",
  "police-liaison": "POLICE_LIAISON",
  "child-services": "CHILD_SERVICES_OFFICER",
  // The auditors' own log-review tooling.
  audit: "AUDITOR",
};

export const webRedirectUri = (origin: string) => `${origin}/app/callback`;
export const webPostLogoutUri = (origin: string) => `${origin}/app/`;

export interface IdentityProvidersOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** The demo staff directory; each provider signs in its own agency's members. */
  staff: StaffDirectory;
  /** The web app's redirect URIs; the Vite dev server's is always added. */
  redirectUris?: readonly string[];
  /** Default: `<origin>/app/` of each redirect URI. */
  postLogoutRedirectUris?: readonly string[];
  /** Default GATEWAY_AUDIENCE. */
  audience?: string;
  /** Default 300 (5 minutes): the web app renews with its refresh token. */
  accessTokenTtlSeconds?: number;
  /**
   * Tests: an agency's (private, ES256, with kid) signing key, to forge what a misbehaving
   * provider would sign. Default: a new key per agency at each start, never written anywhere.
   */
  signingKeys?: Partial<Record<Agency, JWK>>;
}

export interface IdentityProviderIssuer {
  agency: Agency;
  issuer: string;
  discoveryUrl: string;
  /** Where this issuer's access tokens carry the caller (the gateway's claim mapping). */
  claims: ClaimLayout;
  /**
   * The agency's system (client credentials, `client_secret_basic`, scope `purpose:<PURPOSE>`):
   * acts for one role, in the unit of that role's first member; a new secret at each start.
   */
  machineClient: { clientId: string; clientSecret: string; role: Role; unit?: string };
}

export interface RunningIdentityProviders {
  issuers: IdentityProviderIssuer[];
  /** The server all providers share: `<url>/<agency>` is an issuer. */
  url: string;
  clientId: string;
  /** Registers `<origin>/app/callback` and `<origin>/app/` (e.g. the gateway's, once it listens). */
  allowWebOrigin(origin: string): void;
  /**
   * Tests and drills: the agency's provider signs with a new key from now on. With `keepOld` the
   * old key stays published (a planned rotation); without, it is gone (a revoked key).
   */
  rotateKeys(agency: Agency, options?: { keepOld?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

async function newSigningKey(agency: Agency): Promise<JWK> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const { ext: _ext, key_ops: _ops, ...jwk } = await exportJWK(privateKey);
  return { ...jwk, kid: `${agency}-idp-${randomBytes(4).toString("hex")}`, alg: "ES256", use: "sig" };
}

const originOf = (uri: string) => new URL(uri).origin;

/** One agency's provider and what outlives a rebuild of it: keys, storage, staff, its system. */
interface AgencyEntry {
  keys: JWK[];
  adapter: AdapterFactory;
  staff: StaffDirectory;
  machine: MachineClient;
  provider?: Provider;
  handler?: ReturnType<Provider["callback"]>;
}

/**
 * Starts one OpenID provider per agency on one HTTP server, each mounted at `/<agency>` with keys
 * of its own. Development only: the sign-in page asks for no password.
 */
export async function startIdentityProviders(options: IdentityProvidersOptions): Promise<RunningIdentityProviders> {
  const host = options.host ?? "127.0.0.1";
  const audience = options.audience ?? GATEWAY_AUDIENCE;
  const ttl = options.accessTokenTtlSeconds ?? 300;
  const redirectUris = new Set([...(options.redirectUris ?? []), webRedirectUri(VITE_DEV_ORIGIN)]);
  const postLogout = new Set(options.postLogoutRedirectUris ?? [...redirectUris].map((uri) => webPostLogoutUri(originOf(uri))));
  const cookieKeys = [randomBytes(32).toString("base64url")];

  const agencies = new Map<Agency, AgencyEntry>();
  for (const agency of IDP_AGENCIES) {
    const staff = options.staff.filter((member) => member.agency === agency);
    const role = SYSTEM_ROLES[agency];
    const unit = staff.find((member) => member.role === role)?.unit;
    agencies.set(agency, {
      keys: [options.signingKeys?.[agency] ?? (await newSigningKey(agency))],
      adapter: memoryAdapterFactory(),
      staff,
      machine: { clientId: `${agency}-system`, clientSecret: randomBytes(24).toString("base64url"), role, ...(unit ? { unit } : {}) },
    });
  }

  const server = createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const issuerOf = (agency: Agency) => `${url}/${agency}`;

  // The providers are built once the server's port (and so each issuer) is known, and rebuilt
  // when the web app's URIs or the keys change; storage and cookie keys carry over.
  const build = (agency: Agency) => {
    const entry = agencies.get(agency);
    if (!entry) return;
    const webClient: WebClient = {
      clientId: WEB_CLIENT_ID,
      redirectUris: [...redirectUris],
      postLogoutRedirectUris: [...postLogout],
      origins: new Set([...redirectUris].map(originOf)),
    };
    entry.provider = createAgencyProvider({
      agency,
      issuer: issuerOf(agency),
      staff: entry.staff,
      signingKeys: entry.keys,
      webClient,
      machineClient: entry.machine,
      adapter: entry.adapter,
      cookieKeys,
      audience,
      accessTokenTtlSeconds: ttl,
    });
    entry.handler = entry.provider.callback();
  };
  for (const agency of IDP_AGENCIES) build(agency);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Browsers ask every origin for one; no content is an answer, a 404 is an error in their console.
    if (req.url === "/favicon.ico") {
      res.writeHead(204, { "cache-control": "max-age=86400" });
      res.end();
      return;
    }
    const match = /^\/([a-z-]+)(\/.*)?$/.exec((req.url ?? "/").split("?")[0] as string);
    const entry = match ? agencies.get(match[1] as Agency) : undefined;
    if (!match || !entry?.provider || !entry.handler) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end(`Development identity providers:\n${IDP_AGENCIES.map((a) => `  ${issuerOf(a)}`).join("\n")}\n`);
      return;
    }
    const mountPath = `/${match[1]}`;
    // Mounted the way Express mounts it: the provider sees its own path, and reads the mount from originalUrl.
    const original = req.url as string;
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
    req.url = original.slice(mountPath.length) || "/";
    try {
      if (req.url.startsWith("/interaction/")) {
        await handleInteraction(entry.provider, entry.staff, match[1] as string, mountPath, req, res);
      } else {
        entry.handler(req, res);
      }
    } catch {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("identity provider error");
    }
  }

  return {
    issuers: IDP_AGENCIES.map((agency) => ({
      agency,
      issuer: issuerOf(agency),
      discoveryUrl: `${issuerOf(agency)}/.well-known/openid-configuration`,
      claims: claimLayoutOf(agency),
      machineClient: { ...(agencies.get(agency) as { machine: MachineClient }).machine },
    })),
    url,
    clientId: WEB_CLIENT_ID,
    allowWebOrigin(origin) {
      redirectUris.add(webRedirectUri(origin));
      postLogout.add(webPostLogoutUri(origin));
      for (const agency of IDP_AGENCIES) build(agency);
    },
    async rotateKeys(agency, rotation = {}) {
      const entry = agencies.get(agency);
      if (!entry) throw new Error(`no identity provider for ${agency}`);
      entry.keys = [await newSigningKey(agency), ...(rotation.keepOld ? entry.keys : [])];
      build(agency);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
