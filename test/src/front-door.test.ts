import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Agent, createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { documentHash, OPEN_FRONT_DOOR, parseManifest, type RunningGateway, startGateway } from "@skyddsnat/gateway";
import { ensureDevKeys } from "@skyddsnat/hub";
import { createLogger } from "@skyddsnat/platform";
import { GATEWAY_AUDIENCE } from "@skyddsnat/schema";
import { generateKeyPair, SignJWT } from "jose";
import { subgraphUrls, tokenFor } from "./support/http.js";
import { rawRequest } from "./support/raw-http.js";
import { SCENARIOS } from "./support/scenarios.js";

/*
 * Front-door settings the suite's hub runs without (it is the open development default): a
 * gateway of its own per setting, in front of the suite's subgraphs. None of these gateways has
 * an audit trail, so nothing protected leaves them (fail closed); ids and status still do.
 */

const her = SCENARIOS.PROTECTED_REGISTRATION;
const REGISTERED = `query ClientIds($id: ID!) { person(id: $id) { id } }`;
const INTROSPECTION = "{ __schema { queryType { name } } }";
const UNREACHABLE_ISSUER = "https://idp.unreachable.kommun.example";

async function gatewayWith(options: Partial<Parameters<typeof startGateway>[0]>): Promise<RunningGateway> {
  const keys = await ensureDevKeys();
  return startGateway({
    subgraphUrls: subgraphUrls(),
    issuers: keys.issuers,
    internalKey: keys.gateway,
    logger: createLogger("front-door-test"),
    port: 0,
    ...options,
  });
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(url, { headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const codesOf = (answer: Awaited<ReturnType<typeof rawRequest>>) => (answer.json().errors ?? []).map((e) => e.extensions?.code);

describe("trusted documents (TRUSTED_DOCUMENTS=allow-listed)", () => {
  let gateway: RunningGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    const manifest = parseManifest({ [documentHash(REGISTERED)]: REGISTERED, [documentHash(INTROSPECTION)]: INTROSPECTION });
    gateway = await gatewayWith({ frontDoor: { ...OPEN_FRONT_DOOR, trustedDocuments: { mode: "allow-listed", manifest } } });
    auth = { authorization: `Bearer ${await tokenFor("SOCIAL_SECRETARY", "ss-1001")}` };
  });
  afterAll(() => gateway.stop());

  test("a registered document runs by its hash", async () => {
    const answer = await post(gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(REGISTERED) } }, variables: { id: her.adult } }, auth);
    expect(answer.status).toBe(200);
    expect(answer.json().data).toEqual({ person: { id: her.adult } });
  });

  test("a registered document runs by its text", async () => {
    const answer = await post(gateway.url, { query: REGISTERED, variables: { id: her.adult } }, auth);
    expect(answer.status).toBe(200);
    expect(answer.json().data).toEqual({ person: { id: her.adult } });
  });

  test.each([
    ["a document not in the manifest", { query: `{ person(id: "${her.adult}") { id streetAddress } }` }],
    ["a hash not in the manifest (APQ registration stays off)", { extensions: { persistedQuery: { version: 1, sha256Hash: "f".repeat(64) } } }],
    ["a registered hash with another text beside it", { query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(REGISTERED) } } }],
    ["a persisted-query extension without a hash", { extensions: { persistedQuery: { version: 1 } } }],
    ["introspection that is not registered", { query: "{ __schema { types { name } } }" }],
  ])("%s is refused: 400 PERSISTED_QUERY_NOT_ALLOWED", async (_name, body) => {
    const answer = await post(gateway.url, body, auth);
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
    expect(answer.json().data ?? null).toBeNull();
  });

  test("a hash once sent with its text is still unknown afterwards (nothing registers)", async () => {
    const text = "{ __typename }";
    await post(gateway.url, { query: text, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(text) } } }, auth);
    const answer = await post(gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(text) } } }, auth);
    expect(codesOf(answer)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
  });

  test("introspection is off in this mode, even registered", async () => {
    const answer = await post(gateway.url, { query: INTROSPECTION }, auth);
    expect(answer.status).toBe(400);
    expect(answer.json().data ?? null).toBeNull();
    expect(codesOf(answer)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  test("a manifest whose key is not its document's sha256 is refused at start-up", () => {
    expect(() => parseManifest({ [documentHash("{ a }")]: "{ b }" })).toThrow(/is not the sha256 of its document/);
  });
});

describe("CORS (CORS_ORIGINS)", () => {
  let gateway: RunningGateway;
  const ORIGIN = "https://klient.kommun.example";
  beforeAll(async () => {
    gateway = await gatewayWith({ frontDoor: { ...OPEN_FRONT_DOOR, corsOrigins: [ORIGIN] } });
  });
  afterAll(() => gateway.stop());

  const preflight = (origin: string) =>
    rawRequest(gateway.url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });

  test("a preflight from an allowed origin is answered before authentication", async () => {
    const answer = await preflight(ORIGIN);
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(answer.headers["access-control-allow-headers"]).toMatch(/authorization/);
    expect(answer.headers["access-control-allow-methods"]).toMatch(/POST/);
  });

  test("a preflight from another origin gets no permission", async () => {
    const answer = await preflight("https://evil.example");
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });

  test("the answer to an allowed origin may be read by its page, a refusal included", async () => {
    const answer = await post(gateway.url, { query: "{ __typename }" }, { origin: ORIGIN });
    expect(answer.status).toBe(401);
    expect(answer.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(answer.headers["access-control-expose-headers"]).toMatch(/www-authenticate/);
  });
});

describe("an issuer whose keys cannot be fetched", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const keys = await ensureDevKeys();
    gateway = await gatewayWith({
      issuers: [...keys.issuers, { issuer: UNREACHABLE_ISSUER, agency: "housing", algorithms: ["ES256"], jwks: { uri: "https://127.0.0.1:1/jwks.json" } }],
    });
  });
  afterAll(() => gateway.stop());

  test("its callers get 503 with Retry-After, not a 500 (and not a pass)", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ agency: "housing", role: "HOUSING_OFFICER", purpose: "HOUSING_ALLOCATION" })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(UNREACHABLE_ISSUER)
      .setSubject("ho-3001")
      .setAudience(GATEWAY_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);
    const answer = await post(gateway.url, { query: "{ __typename }" }, { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toBe("5");
    expect(codesOf(answer)).toEqual(["ISSUER_UNAVAILABLE"]);
  });
});

describe("graceful shutdown", () => {
  let slow: Server;
  beforeAll(async () => {
    // Social services behind a proxy that holds every request 800 ms: a request stays in flight.
    const target = subgraphUrls()["social-services"] as string;
    slow = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        setTimeout(async () => {
          const upstream = await fetch(new URL(req.url ?? "/", target), {
            method: req.method ?? "GET",
            headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "content-length", "connection"].includes(k))) as Record<string, string>,
            ...(req.method === "POST" ? { body: Buffer.concat(chunks) } : {}),
          });
          res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        }, 800);
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => slow.close(() => resolve())));

  test("stop() answers the requests in flight, then closes; new connections are refused", async () => {
    const port = (slow.address() as AddressInfo).port;
    const gateway = await gatewayWith({ subgraphUrls: { ...subgraphUrls(), "social-services": `http://127.0.0.1:${port}/graphql` } });
    const token = await tokenFor("SOCIAL_SECRETARY", "ss-1001");
    const inFlight = post(gateway.url, { query: `{ person(id: "${her.adult}") { id } }` }, { authorization: `Bearer ${token}` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopped = gateway.stop();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.json().data).toEqual({ person: { id: her.adult } });
    await stopped;
    // A new connection (not the pooled one the answer closed) finds nobody listening.
    const fresh = new Agent({ keepAlive: false });
    await expect(rawRequest(gateway.url, { headers: { "content-type": "application/json" }, body: "{}", agent: fresh })).rejects.toThrow(/ECONNREFUSED/);
  });
});
