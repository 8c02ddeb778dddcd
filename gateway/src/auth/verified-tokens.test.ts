import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from "@jest/globals";
import { type JWK, SignJWT } from "jose";
import { AuthenticationError } from "./errors.js";
import { createIssuerRegistry, type IssuerRegistry } from "./issuers.js";
import { callerVerifier } from "./verified-tokens.js";
import { verifyCaller } from "./verify-caller.js";
import { HUB_AUDIENCE, SOCIAL_ISSUER, type SigningKey, signingKey, socialSecretaryClaims } from "./keys.fixtures.js";


/** A key set on loopback whose keys can be withdrawn while it runs. */
class KeySetServer {
  keys: JWK[] = [];
  fetches = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((_req, res) => {
      this.fetches++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

let social: SigningKey;
let other: SigningKey;
let inline: IssuerRegistry;

beforeAll(async () => {
  social = await signingKey("ss-1");
  other = await signingKey("ss-1");
  inline = createIssuerRegistry([{ issuer: SOCIAL_ISSUER, agency: "social-services", algorithms: ["ES256"], jwks: { keys: [social.publicJwk] } }]);
});

async function token(key: SigningKey = social, claims: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return `Bearer ${await new SignJWT({ ...socialSecretaryClaims(now), ...claims })
    .setProtectedHeader({ alg: "ES256", kid: key.publicJwk.kid as string })
    .sign(key.privateKey)}`;
}

async function reasonOf(verification: Promise<unknown>): Promise<string> {
  const error = await verification.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as AuthenticationError).reason;
}

/** How many signatures WebCrypto checks (jose verifies with crypto.subtle.verify). */
function countSignatureChecks() {
  return jest.spyOn(globalThis.crypto.subtle, "verify");
}

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe("caller tokens already verified", () => {
  test("a token sent again is not verified again, and answers exactly what a fresh verification does", async () => {
    const verify = callerVerifier(inline, { audience: HUB_AUDIENCE });
    const header = await token();
    const checks = countSignatureChecks();
    const first = await verify(header);
    const again = await verify(header);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(again).toEqual(first);
    expect(again).toEqual(await verifyCaller(header, inline, { audience: HUB_AUDIENCE }));
  });

  test("requests with the same token at the same time are all answered from its entry", async () => {
    const verify = callerVerifier(inline, { audience: HUB_AUDIENCE });
    const header = await token();
    await verify(header);
    const checks = countSignatureChecks();
    await Promise.all(Array.from({ length: 8 }, () => verify(header)));
    expect(checks).toHaveBeenCalledTimes(0);
  });

  test("a hit hands out a copy: changing one request's actor changes no other's", async () => {
    const verify = callerVerifier(inline, { audience: HUB_AUDIENCE });
    const header = await token();
    const first = await verify(header);
    (first as { role: string }).role = "TEAM_LEAD";
    expect((await verify(header)).role).toBe("SOCIAL_SECRETARY");
  });

  test("an expired token is refused on a hit, for the reason a fresh verification gives", async () => {
    const verify = callerVerifier(inline, { audience: HUB_AUDIENCE, clockToleranceSeconds: 0 });
    const now = Date.now();
    const header = await token(social, { exp: Math.floor(now / 1000) + 60 });
    await verify(header);
    jest.useFakeTimers({ now: now + 61_000, doNotFake: ["nextTick", "setImmediate", "queueMicrotask", "setTimeout", "clearTimeout"] });
    expect(await reasonOf(verify(header))).toBe("EXPIRED");
    expect(await reasonOf(verifyCaller(header, inline, { audience: HUB_AUDIENCE, clockToleranceSeconds: 0 }))).toBe("EXPIRED");
  });

  test("a token with the same claims signed with another key never gets the verified one's entry", async () => {
    const verify = callerVerifier(inline, { audience: HUB_AUDIENCE });
    await verify(await token());
    expect(await reasonOf(verify(await token(other)))).toBe("BAD_SIGNATURE");
  });

  test("another audience's verifier shares no entry: a token for the hub is refused by it after the hub took it", async () => {
    const header = await token();
    await callerVerifier(inline, { audience: HUB_AUDIENCE })(header);
    expect(await reasonOf(callerVerifier(inline, { audience: "urn:skyddsnat:elsewhere" })(header))).toBe("WRONG_AUDIENCE");
  });

  test("another issuer's token is never answered from this issuer's entries", async () => {
    const housing = await signingKey("ho-1");
    const registry = createIssuerRegistry([
      { issuer: SOCIAL_ISSUER, agency: "social-services", algorithms: ["ES256"], jwks: { keys: [social.publicJwk] } },
      { issuer: "https://idp.housing.test", agency: "housing", algorithms: ["ES256"], jwks: { keys: [housing.publicJwk] } },
    ]);
    const verify = callerVerifier(registry, { audience: HUB_AUDIENCE });
    await verify(await token());
    // The social token's claims under the housing issuer, signed with the social key: housing's keys decide.
    const crossed = await token(social, { iss: "https://idp.housing.test" });
    expect(await reasonOf(verify(crossed))).toBe(await reasonOf(verifyCaller(crossed, registry, { audience: HUB_AUDIENCE })));
  });

  test("bounded per issuer: past the bound the least recently used token is verified again", async () => {
    const verify = callerVerifier(inline, { audience: HUB_AUDIENCE }, 2);
    const [a, b, c] = [await token(social, { sub: "ss-1" }), await token(social, { sub: "ss-2" }), await token(social, { sub: "ss-3" })];
    await verify(a);
    await verify(b);
    await verify(c);
    const checks = countSignatureChecks();
    await verify(c);
    expect(checks).toHaveBeenCalledTimes(0);
    await verify(a);
    expect(checks).toHaveBeenCalledTimes(1);
  });
});

describe("caller tokens already verified, keys from a JWKS uri", () => {
  const keySet = new KeySetServer();
  let uri: string;
  beforeAll(async () => {
    uri = await keySet.start();
  });
  afterAll(() => keySet.stop());

  const remoteRegistry = (cacheMaxAge: number) =>
    createIssuerRegistry([{ issuer: SOCIAL_ISSUER, agency: "social-services", algorithms: ["ES256"], jwks: { uri } }], {
      remote: { cacheMaxAge, cooldownDuration: 0, timeoutDuration: 1000 },
    });

  test("a key the issuer withdrew refuses its token on a hit, as soon as jose's key set no longer holds it", async () => {
    keySet.keys = [social.publicJwk];
    const registry = remoteRegistry(0);
    const verify = callerVerifier(registry, { audience: HUB_AUDIENCE });
    const header = await token();
    await verify(header);
    await verify(header);
    keySet.keys = [];
    const fresh = await reasonOf(verifyCaller(header, registry, { audience: HUB_AUDIENCE }));
    expect(await reasonOf(verify(header))).toBe(fresh);
  });

  test("while jose's key set is fresh a hit asks no one; once it is stale the set is refetched before the hit counts", async () => {
    keySet.keys = [social.publicJwk];
    const verify = callerVerifier(remoteRegistry(60_000), { audience: HUB_AUDIENCE });
    const header = await token();
    await verify(header);
    const fetched = keySet.fetches;
    await verify(header);
    expect(keySet.fetches).toBe(fetched);

    keySet.keys = [];
    const now = Date.now();
    jest.useFakeTimers({ now: now + 61_000, doNotFake: ["nextTick", "setImmediate", "queueMicrotask", "setTimeout", "clearTimeout"] });
    // Within the token's life (exp is 300 s): only the withdrawn key can refuse it.
    expect(await reasonOf(verify(header))).not.toBe("EXPIRED");
    expect(keySet.fetches).toBeGreaterThan(fetched);
  });

  test("a refetched key set, the key still in it, verifies the token again before it is taken", async () => {
    keySet.keys = [social.publicJwk];
    const verify = callerVerifier(remoteRegistry(0), { audience: HUB_AUDIENCE });
    const header = await token();
    await verify(header);
    const checks = countSignatureChecks();
    expect((await verify(header)).staffId).toBe("ss-1001");
    expect(checks).toHaveBeenCalledTimes(1);
  });
});
