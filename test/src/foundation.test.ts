import { describe, expect, test } from "@jest/globals";
import { mintToken } from "@skyddsnat/hub";
import {
  FACTS_AUDIENCE,
  FACTS_CHANGES_ROUTE,
  INTERNAL_TOKEN_HEADER,
  signInternalToken,
  SUBJECT_FACTS_ROUTE,
  subgraphAudience,
} from "@skyddsnat/schema";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { countRows } from "./support/database.js";
import { gql, gqlAs, hubUrl, subgraphUrls, tokenFor } from "./support/http.js";
import { gatewayToken } from "./support/internal-token.js";
import { BYSTANDER, SCENARIOS } from "./support/scenarios.js";

const JOIN = `query Join($id: ID!) {
  person(id: $id) {
    id givenName protectionLevel
    cases { status }
    housingApplications { status }
    tenancies { status }
    incidents { category }
    restrainingOrders { kind }
    household { id childCases { status } schoolPlacements { kind } }
  }
}`;

describe("one person across all four subgraphs", () => {
  test("an assigned social secretary's query joins social services, housing, police liaison and child services", async () => {
    const { adult, children } = SCENARIOS.NONE;
    const response = await gqlAs("SOCIAL_SECRETARY", "ss-1001", JOIN, { variables: { id: adult } });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const person = (response.data as { person: Record<string, unknown[]> & { id: string } }).person;
    expect(person.id).toBe(adult);
    expect(person.cases).toEqual([{ status: "OPEN" }]);
    expect(person.housingApplications).toHaveLength(1);
    expect(person.tenancies).toEqual(expect.arrayContaining([{ status: "ACTIVE" }, { status: "ENDED" }]));
    expect(person.incidents).toHaveLength(1);
    expect(person.restrainingOrders).toHaveLength(1);
    expect(person.household).toEqual([{ id: children[0], childCases: [{ status: "OPEN" }], schoolPlacements: [{ kind: expect.any(String) }] }]);
  });
});

describe("callers without a verified token get 401 and no data", () => {
  const query = `{ person(id: "${SCENARIOS.NONE.adult}") { givenName } }`;

  async function expectRefused(token: string | null, reason: string) {
    const response = await gql(query, { token });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason });
  }

  test("no token", () => expectRefused(null, "NO_TOKEN"));

  test("a token signed with a key the issuer never published", async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    await expectRefused(
      await mintToken({ agency: "social-services", role: "SOCIAL_SECRETARY", sub: "ss-1001", privateJwk: await exportJWK(privateKey) }),
      "BAD_SIGNATURE",
    );
  });

  test("an issuer the hub does not trust", async () => {
    await expectRefused(
      await mintToken({ agency: "social-services", role: "SOCIAL_SECRETARY", sub: "ss-1001", issuer: "https://idp.elsewhere.example" }),
      "UNKNOWN_ISSUER",
    );
  });

  test("a token for another audience", async () => {
    await expectRefused(
      await mintToken({ agency: "social-services", role: "SOCIAL_SECRETARY", sub: "ss-1001", audience: "urn:some:other:api" }),
      "WRONG_AUDIENCE",
    );
  });

  test("an expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expectRefused(await mintToken({ agency: "social-services", role: "SOCIAL_SECRETARY", sub: "ss-1001", expiresAt: past }), "EXPIRED");
  });

  test("an unsigned token (alg none)", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const claims = { iss: "https://idp.social-services.kommun.example", aud: "urn:skyddsnat:hub", sub: "ss-1001", agency: "social-services", role: "SOCIAL_SECRETARY", purpose: "CASE_WORK", exp: 9999999999, iat: 1 };
    await expectRefused(`${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`, "ALGORITHM_NOT_ALLOWED");
  });

  test("a token without a purpose of use", async () => {
    await expectRefused(await mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3001", omitClaims: ["purpose"] }), "MISSING_CLAIM");
  });

  test("a role the issuing agency does not have", async () => {
    await expectRefused(await mintToken({ agency: "housing", role: "SOCIAL_SECRETARY", sub: "ho-3001" }), "ROLE_NOT_IN_AGENCY");
  });
});

describe("nobody can bypass the gateway", () => {
  const query = `{ person(id: "${SCENARIOS.PROTECTED_REGISTRATION.adult}") { streetAddress } }`;

  async function expectRefusedBySubgraph(headers: Record<string, string>) {
    const response = await gql(query, { url: subgraphUrls()["social-services"], headers, token: null });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  }

  test("a request straight to a subgraph without the gateway's token is refused", () => expectRefusedBySubgraph({}));

  test("a caller's own agency token is not accepted by a subgraph", async () => {
    await expectRefusedBySubgraph({ [INTERNAL_TOKEN_HEADER]: await tokenFor("SOCIAL_SECRETARY", "ss-1001") });
  });

  test("an internal token signed by anyone but the gateway is refused", async () => {
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const forged = await signInternalToken(
      { actor: { staffId: "ss-1001", agency: "social-services", role: "SOCIAL_SECRETARY", purpose: "CASE_WORK", issuer: "x", unit: "social-services/malmo-vald" }, requestId: "r", emergencyGrants: [] },
      { privateKey, kid: "gateway-dev-1" },
      subgraphAudience("social-services"),
    );
    await expectRefusedBySubgraph({ [INTERNAL_TOKEN_HEADER]: forged });
  });

  test("an unsigned token shaped like the gateway's is refused", async () => {
    const forged = await new SignJWT({ act: {} }).setProtectedHeader({ alg: "HS256" }).sign(new Uint8Array(32));
    await expectRefusedBySubgraph({ [INTERNAL_TOKEN_HEADER]: forged });
  });
});

describe("social services' facts routes take only a gateway token meant for them", () => {
  const socialServices = () => subgraphUrls()["social-services"] as string;
  const openFeed = (headers: Record<string, string>) =>
    fetch(new URL(FACTS_CHANGES_ROUTE, socialServices()), { headers, signal: AbortSignal.timeout(5000) });
  const askFacts = (headers: Record<string, string>) =>
    fetch(new URL(SUBJECT_FACTS_ROUTE, socialServices()), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ ids: [SCENARIOS.PROTECTED_REGISTRATION.adult] }),
    });

  test.each([
    ["no token", async () => ({})],
    ["a caller's own agency token", async () => ({ [INTERNAL_TOKEN_HEADER]: await tokenFor("SOCIAL_SECRETARY", "ss-1001") })],
    ["a gateway token meant for a subgraph's GraphQL", async () => ({ [INTERNAL_TOKEN_HEADER]: await gatewayToken(subgraphAudience("housing")) })],
  ])("with %s, both the facts route and the change feed answer 401 and nothing else", async (_, headers) => {
    for (const response of [await askFacts(await headers()), await openFeed(await headers())]) {
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain(SCENARIOS.PROTECTED_REGISTRATION.adult);
    }
  });

  test("with the gateway's facts token, the feed opens and says only that it is ready", async () => {
    const abort = new AbortController();
    const response = await fetch(new URL(FACTS_CHANGES_ROUTE, socialServices()), {
      headers: { [INTERNAL_TOKEN_HEADER]: await gatewayToken(FACTS_AUDIENCE) },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    expect(first).toBe("event: ready\ndata: {}\n\n");
  });
});

describe("invalid input is rejected and writes nothing", () => {
  test("opening a case with a too-short assessment", async () => {
    const before = await countRows("social_services", "Case");
    const response = await gqlAs("SOCIAL_SECRETARY", "ss-1001", `mutation { openCase(input: { subjectId: "${SCENARIOS.NONE.adult}", type: PROTECTION_AND_SUPPORT, assessment: "short" }) { id } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.data).toBeNull();
    expect(await countRows("social_services", "Case")).toBe(before);
    expect(await countRows("social_services", "Assignment")).toBeGreaterThan(0);
  });

  test("opening a case for a person who does not exist", async () => {
    const before = await countRows("social_services", "Case");
    const response = await gqlAs("SOCIAL_SECRETARY", "ss-1001", `mutation { openCase(input: { subjectId: "per_doesnotexist", type: PROTECTION_AND_SUPPORT, assessment: "A long enough assessment text." }) { id } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "subjectId" });
    expect(await countRows("social_services", "Case")).toBe(before);
  });

  test("a consent that ends before it starts", async () => {
    const before = await countRows("social_services", "Consent");
    const response = await gqlAs("CONTACT_PERSON", "cp-2001", `mutation { recordConsent(input: { subjectId: "${SCENARIOS.NONE.adult}", recipientAgency: housing, recipientUnit: "housing/malmo", givenBy: "${SCENARIOS.NONE.adult}", form: WRITTEN, purpose: COORDINATED_SUPPORT, scope: [STATUS], validFrom: "2026-12-01T00:00:00Z", validTo: "2026-11-01T00:00:00Z" }) { id } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await countRows("social_services", "Consent")).toBe(before);
  });

  test("a housing application for a household of zero", async () => {
    const before = await countRows("housing", "HousingApplication");
    const response = await gqlAs("HOUSING_OFFICER", "ho-3001", `mutation { registerApplication(input: { subjectId: "${SCENARIOS.NONE.adult}", urgency: HIGH, requestedArea: "Gävle", householdSize: 0 }) { id } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await countRows("housing", "HousingApplication")).toBe(before);
  });

  test("an incident dated in the future", async () => {
    const before = await countRows("police_liaison", "Incident");
    const response = await gqlAs("POLICE_LIAISON", "pl-4001", `mutation { recordIncident(input: { subjectId: "${SCENARIOS.NONE.adult}", occurredAt: "2099-01-01T00:00:00Z", category: THREAT, place: "Storgatan", description: "Hotfulla meddelanden via telefon." }) { id } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "occurredAt" });
    expect(await countRows("police_liaison", "Incident")).toBe(before);
  });

  test("placing a child in a case that does not exist", async () => {
    const before = await countRows("child_services", "SchoolPlacement");
    const response = await gqlAs("CHILD_SERVICES_OFFICER", "cs-5001", `mutation { placeChild(input: { childCaseId: "chc_nosuchcase", kind: SCHOOL, schoolName: "Lindängsskolan", municipality: "Malmö", startsOn: "2026-12-01T00:00:00Z" }) { id } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await countRows("child_services", "SchoolPlacement")).toBe(before);
  });

  test("a role that may not perform the operation is refused before anything is read or written", async () => {
    const before = await countRows("social_services", "Case");
    const response = await gqlAs("HOUSING_OFFICER", "ho-3001", `mutation { openCase(input: { subjectId: "${SCENARIOS.NONE.adult}", type: PROTECTION_AND_SUPPORT, assessment: "A long enough assessment text." }) { id } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", operation: "openCase" });
    expect(await countRows("social_services", "Case")).toBe(before);
  });

  test("valid input writes exactly one row (the control for the tests above)", async () => {
    const before = await countRows("police_liaison", "Incident");
    const response = await gqlAs<{ recordIncident: { id: string; category: string } }>("POLICE_LIAISON", "pl-4001", `mutation { recordIncident(input: { subjectId: "${BYSTANDER}", occurredAt: "2026-10-01T00:00:00Z", category: THREAT, place: "Storgatan", description: "Hotfulla meddelanden via telefon." }) { id category } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.recordIncident.category).toBe("THREAT");
    expect(await countRows("police_liaison", "Incident")).toBe(before + 1);
  });
});

describe("operational endpoints", () => {
  const base = () => hubUrl().replace(/\/graphql$/, "");

  test("liveness, and readiness of the gateway's own dependencies with every breaker closed", async () => {
    expect((await fetch(`${base()}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base()}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual(READY_WITH_BREAKERS_CLOSED);
  });

  test("GraphiQL is served from npm packages built into web/dist, not a CDN", async () => {
    const page = await (await fetch(`${base()}/`)).text();
    const script = /<script type="module" crossorigin src="(\/app\/assets\/graphiql-[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    expect(page).not.toMatch(/https?:\/\/(?!localhost)/);
    const asset = await fetch(`${base()}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });
});

/** What /health/ready answers while the gateway's own dependencies answer and no subgraph has failed. */
const READY_WITH_BREAKERS_CLOSED = {
  status: "ready",
  dependencies: { auditStore: "ready", supergraph: "loaded", issuerKeys: "ready" },
  breakers: { facts: "closed", "social-services": "closed", housing: "closed", "police-liaison": "closed", "child-services": "closed", audit: "closed" },
};

describe("no cache on the way may keep a response", () => {
  const base = () => hubUrl().replace(/\/graphql$/, "");
  const post = (url: string, body: string, token?: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const operation = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

  test("data, withheld fields, refusals, bad requests and a subgraph's refusal all say no-store and nosniff", async () => {
    const secretary = await tokenFor("SOCIAL_SECRETARY", "ss-1001");
    const police = await tokenFor("POLICE_LIAISON", "pl-4001");
    const protectedAdult = SCENARIOS.PROTECTED_REGISTRATION.adult;
    const responses: Record<string, Response> = {
      data: await post(hubUrl(), operation(JOIN, { id: SCENARIOS.NONE.adult }), secretary),
      withheld: await post(hubUrl(), operation(`{ person(id: "${protectedAdult}") { streetAddress } }`), police),
      unauthenticated: await post(hubUrl(), operation(`{ person(id: "${protectedAdult}") { givenName } }`)),
      invalidJson: await post(hubUrl(), "{", secretary),
      invalidQuery: await post(hubUrl(), operation(`{ person(id: "${protectedAdult}") { noSuchField } }`), secretary),
      notFound: await fetch(`${base()}/no-such-route`),
      subgraphRefusal: await post(subgraphUrls()["social-services"] as string, operation("{ __typename }")),
    };
    const withheld = (await responses.withheld!.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(withheld.errors?.[0]?.extensions?.code).toBe("FORBIDDEN_FIELD");
    const headers = Object.entries(responses).map(([name, response]) => ({
      name,
      cacheControl: response.headers.get("cache-control"),
      sniffing: response.headers.get("x-content-type-options"),
    }));
    expect(headers).toEqual(Object.keys(responses).map((name) => ({ name, cacheControl: "no-store", sniffing: "nosniff" })));
  });

  test("only the web app's hashed static assets may be cached", async () => {
    const page = await (await fetch(`${base()}/`)).text();
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(page)?.[1] as string;
    const asset = await fetch(`${base()}${script}`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${base()}/`)).headers.get("cache-control")).toBe("no-store");
    expect((await fetch(`${base()}/app/clients/someone`)).headers.get("cache-control")).toBe("no-store");
  });
});
