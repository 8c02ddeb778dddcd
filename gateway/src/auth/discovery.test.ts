import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "@jest/globals";
import { type JWK, SignJWT } from "jose";
import { type SigningKey, signingKey } from "./keys.fixtures.js";
import { AuthenticationError, IssuerUnavailableError } from "./errors.js";
import { readiness } from "../faults/readiness.js";
import { createIssuerRegistry } from "./issuers.js";
import { verifyCaller } from "./verify-caller.js";

const AUDIENCE = "urn:skyddsnat:hub";

/**
 * A provider on loopback as small as discovery needs: the discovery document and the key set,
 * both changeable while it runs, and the requests it saw. It can be stopped and started again on
 * the same port (an unreachable provider coming back).
 */
class FakeProvider {
  server: Server | undefined;
  port = 0;
  keys: JWK[] = [];
  /** Default: the right issuer. */
  claimedIssuer: string | undefined;
  /** Default: its own key set. */
  jwksUri: string | undefined;
  seen: string[] = [];

  get issuer() {
    return `http://127.0.0.1:${this.port}/housing`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.seen.push(req.url ?? "");
      if (req.url === "/housing/.well-known/openid-configuration") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ issuer: this.claimedIssuer ?? this.issuer, jwks_uri: this.jwksUri ?? `${this.issuer}/jwks` }));
      } else if (req.url === "/housing/jwks") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ keys: this.keys }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

let provider: FakeProvider;
afterEach(async () => {
  await provider?.stop();
});

async function startProvider(keys: SigningKey[]): Promise<FakeProvider> {
  provider = new FakeProvider();
  provider.keys = keys.map((k) => k.publicJwk);
  await provider.start();
  return provider;
}

const registryFor = (issuer: string, claims = {}) =>
  createIssuerRegistry([{ issuer, agency: "housing", algorithms: ["ES256"], jwks: { discovery: true }, claims }], {
    remote: { cooldownDuration: 0, timeoutDuration: 1000 },
  });

async function accessToken(issuer: string, key: SigningKey, claims: Record<string, unknown> = {}, typ = "at+jwt"): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: issuer,
    aud: AUDIENCE,
    sub: "ho-3001",
    iat: now,
    exp: now + 300,
    agency: "housing",
    role: "HOUSING_OFFICER",
    unit: "housing/malmo",
    purpose: "CASE_WORK",
    client_id: "skyddsnat-web",
    ...claims,
  })
    .setProtectedHeader({ alg: "ES256", kid: key.publicJwk.kid as string, typ })
    .sign(key.privateKey);
}

const verify = (token: string, registry: ReturnType<typeof registryFor>) => verifyCaller(`Bearer ${token}`, registry, { audience: AUDIENCE });
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe("keys found through OpenID discovery", () => {
  test("discovery is done on first use, once, and its key set verifies the token", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const registry = registryFor(idp.issuer);
    expect(idp.seen).toEqual([]);
    const token = await accessToken(idp.issuer, key);
    await expect(verify(token, registry)).resolves.toMatchObject({ staffId: "ho-3001", agency: "housing", issuer: idp.issuer });
    await verify(token, registry);
    expect(idp.seen.filter((url) => url.endsWith("openid-configuration"))).toHaveLength(1);
  });

  test("a discovery document naming another issuer is refused, fail closed, and not cached", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    idp.claimedIssuer = "http://127.0.0.1:1/someone-else";
    const registry = registryFor(idp.issuer);
    const token = await accessToken(idp.issuer, key);
    const error = await failureOf(verify(token, registry));
    expect(error).toBeInstanceOf(IssuerUnavailableError);
    expect((error as IssuerUnavailableError).detail).toBe("ISSUER_MISMATCH");
    expect(idp.seen.some((url) => url.endsWith("/jwks"))).toBe(false);
    idp.claimedIssuer = undefined;
    await expect(verify(token, registry)).resolves.toMatchObject({ staffId: "ho-3001" });
  });

  test("a jwks_uri over plain HTTP to another host is refused", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const registry = registryFor(idp.issuer);
    idp.jwksUri = "http://keys.example/jwks";
    const error = await failureOf(verify(await accessToken(idp.issuer, key), registry));
    expect((error as IssuerUnavailableError).detail).toBe("JWKS_URI_REFUSED");
  });

  test("a new key id after the provider rotates is fetched; a key it never published is the caller's fault", async () => {
    const first = await signingKey("k1");
    const idp = await startProvider([first]);
    const registry = registryFor(idp.issuer);
    await verify(await accessToken(idp.issuer, first), registry);
    const second = await signingKey("k2");
    idp.keys = [second.publicJwk];
    await expect(verify(await accessToken(idp.issuer, second), registry)).resolves.toMatchObject({ staffId: "ho-3001" });
    const stranger = await signingKey("k3");
    const error = await failureOf(verify(await accessToken(idp.issuer, stranger), registry));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reason).toBe("BAD_SIGNATURE");
  });

  test("an unreachable provider is IssuerUnavailable (never a pass, never the caller's fault), and it recovers once back", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const registry = registryFor(idp.issuer);
    const token = await accessToken(idp.issuer, key);
    await idp.stop();
    const error = await failureOf(verify(token, registry));
    expect(error).toBeInstanceOf(IssuerUnavailableError);
    expect((error as IssuerUnavailableError).detail).toBe("DISCOVERY_FAILED");
    await idp.start();
    await expect(verify(token, registry)).resolves.toMatchObject({ staffId: "ho-3001" });
  });

  test("a provider that goes away after discovery: a new key id is IssuerUnavailable, and discovery is redone once it is back", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const registry = registryFor(idp.issuer);
    await verify(await accessToken(idp.issuer, key), registry);
    await idp.stop();
    const rotated = await signingKey("k2");
    const error = await failureOf(verify(await accessToken(idp.issuer, rotated), registry));
    expect(error).toBeInstanceOf(IssuerUnavailableError);
    expect((error as IssuerUnavailableError).detail).toBe("JWKS_FAILED");
    idp.keys = [rotated.publicJwk];
    idp.seen = [];
    await idp.start();
    await expect(verify(await accessToken(idp.issuer, rotated), registry)).resolves.toMatchObject({ staffId: "ho-3001" });
    expect(idp.seen[0]).toBe("/housing/.well-known/openid-configuration");
  });

  test("an OpenID issuer's tokens must be access tokens (typ at+jwt): an ID token or plain JWT is refused", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const error = await failureOf(verify(await accessToken(idp.issuer, key, {}, "JWT"), registryFor(idp.issuer)));
    expect((error as AuthenticationError).reason).toBe("BAD_CLAIM");
  });
});

describe("the claim mapping of a discovery issuer", () => {
  test("client_id is the app she signed in through, not a calling system: no machine caller", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const actor = await verify(await accessToken(idp.issuer, key), registryFor(idp.issuer));
    expect(actor.clientId).toBeUndefined();
  });

  test("a machine caller only through a claim the mapping names", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const registry = registryFor(idp.issuer, { machineClient: "https://id.example/system" });
    const person = await verify(await accessToken(idp.issuer, key), registry);
    expect(person.clientId).toBeUndefined();
    const system = await verify(await accessToken(idp.issuer, key, { "https://id.example/system": "housing-system" }), registry);
    expect(system.clientId).toBe("housing-system");
  });

  test("namespaced claims and the purpose from scope", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const ns = "https://id.polisen.example/claims";
    const registry = registryFor(idp.issuer, { agency: `${ns}/agency`, role: `${ns}/role`, unit: `${ns}/unit`, purpose: { scopePrefix: "purpose:" } });
    const namespaced = { agency: undefined, role: undefined, unit: undefined, purpose: undefined, [`${ns}/agency`]: "housing", [`${ns}/role`]: "HOUSING_OFFICER", [`${ns}/unit`]: "housing/lund" };
    const actor = await verify(await accessToken(idp.issuer, key, { ...namespaced, scope: "openid purpose:COORDINATED_SUPPORT" }), registry);
    expect(actor).toMatchObject({ agency: "housing", role: "HOUSING_OFFICER", unit: "housing/lund", purpose: "COORDINATED_SUPPORT" });

    // The flat claims mean nothing to this issuer: a token carrying only them lacks the caller.
    const flat = await failureOf(verify(await accessToken(idp.issuer, key, { scope: "purpose:CASE_WORK" }), registry));
    expect((flat as AuthenticationError).reason).toBe("MISSING_CLAIM");
    for (const scope of ["openid", "purpose:CASE_WORK purpose:EMERGENCY", "purpose:NOPE"]) {
      const error = await failureOf(verify(await accessToken(idp.issuer, key, { ...namespaced, scope }), registry));
      expect((error as AuthenticationError).reason).toBe("BAD_CLAIM");
    }
    const notAllowed = await failureOf(verify(await accessToken(idp.issuer, key, { ...namespaced, scope: "purpose:EMERGENCY" }), registry));
    expect((notAllowed as AuthenticationError).reason).toBe("PURPOSE_NOT_ALLOWED");
  });
});

describe("readiness of a discovery issuer", () => {
  const keysState = async (registry: ReturnType<typeof registryFor>) => (await readiness({ registry, breakers: {} })).dependencies.issuerKeys;

  test("ready when its keys can be found now, unavailable while the provider is down, ready again once back", async () => {
    const key = await signingKey("k1");
    const idp = await startProvider([key]);
    const registry = registryFor(idp.issuer);
    expect(await keysState(registry)).toBe("ready");
    expect(idp.seen).toEqual(["/housing/.well-known/openid-configuration", "/housing/jwks"]);
    await idp.stop();
    // Fresh in the cache a moment ago; a registry built now has nothing cached.
    const cold = registryFor(idp.issuer);
    expect(await keysState(cold)).toBe("unavailable");
    await idp.start();
    expect(await keysState(cold)).toBe("ready");
  });
});
