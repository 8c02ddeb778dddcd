import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { buildPopulation, type RunningHub, STAFF } from "@skyddsnat/hub";
import { machineToken, refreshTokens, SignInRefused, signInWithCode, type TokenSet, webRedirectUri } from "@skyddsnat/idp";
import { type Agency, PURPOSES_BY_ROLE, type Purpose, type Role } from "@skyddsnat/schema";
import { decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { startExtraHub } from "./support/extra-hub.js";
import { type GraphQLResponse, gql as gqlAt, tokenFor } from "./support/http.js";
import { SCENARIOS } from "./support/scenarios.js";

const seeded = buildPopulation();
const identityNumberOf = (id: string) => seeded.socialServices.persons.find((p) => p.id === id)?.identityNumber;

/**
 * Sign-in as the agencies do it: the web app's authorization code flow with PKCE against each
 * agency's development OpenID provider, over HTTP with fetch (the sign-in form posted, cookies
 * kept), and the access token used at the hub, which finds the provider's keys by discovery.
 */

let hub: RunningHub;
/** The housing provider's signing key, known to the test only to forge what a rogue provider would sign. */
let housingKey: JWK;
let redirectUri: string;

async function signingKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: "ES256", use: "sig" };
}

beforeAll(async () => {
  housingKey = await signingKey("housing-test-1");
  hub = await startExtraHub({
    identityProviders: { signingKeys: { housing: housingKey } },
    // Refetch an unknown kid at once, and trust a fetched key set for a second only (revocation below).
    issuerKeys: { cooldownDuration: 0, cacheMaxAge: 1000 },
  });
  redirectUri = webRedirectUri(new URL(hub.url).origin);
});

afterAll(async () => {
  await hub?.stop();
});

/** This suite's own hub, the one that runs the providers. */
const gql = <T,>(query: string, options: { token: string; variables?: Record<string, unknown> }): Promise<GraphQLResponse<T>> =>
  gqlAt<T>(query, { ...options, url: hub.url });

const issuerOf = (agency: Agency): string => {
  const found = hub.identityProviders?.issuers.find((i) => i.agency === agency);
  if (!found) throw new Error(`no provider for ${agency}`);
  return found.issuer;
};

const signIn = (agency: Agency, staffId: string, purpose?: Purpose): Promise<TokenSet> =>
  signInWithCode({ issuer: issuerOf(agency), staffId, redirectUri, ...(purpose ? { purpose } : {}) });

const PERSONS = `{ persons(first: 100) { nodes { id givenName } } }`;
type Persons = { persons: { nodes: { id: string; givenName: string | null }[] } };

/** Two members per role where the directory has two: one on the scenario households, one not. */
const SIGN_INS: [Agency, Role, string][] = [
  ["social-services", "SOCIAL_SECRETARY", "ss-1001"],
  ["social-services", "SOCIAL_SECRETARY", "ss-1003"],
  ["social-services", "CONTACT_PERSON", "cp-2001"],
  ["social-services", "TEAM_LEAD", "tl-7001"],
  ["social-services", "SOCIAL_ON_CALL", "oc-9001"],
  ["housing", "HOUSING_OFFICER", "ho-3001"],
  ["housing", "HOUSING_OFFICER", "ho-3003"],
  ["police-liaison", "POLICE_LIAISON", "pl-4001"],
  ["police-liaison", "PERSONAL_SECURITY", "ps-9101"],
  ["child-services", "CHILD_SERVICES_OFFICER", "cs-5001"],
  ["child-services", "CHILD_SERVICES_OFFICER", "cs-5004"],
];

describe("the development providers are the hub's issuers", () => {
  test("one issuer per agency, each with its own keys, and the web app's sign-in data", async () => {
    expect(hub.webSignIn?.clientId).toBe("skyddsnat-web");
    expect(hub.webSignIn?.issuers.map((i) => i.agency)).toEqual(["social-services", "housing", "police-liaison", "child-services", "audit"]);
    const kids = new Set<string>();
    for (const { discoveryUrl, issuer } of hub.identityProviders?.issuers ?? []) {
      const discovery = (await (await fetch(discoveryUrl)).json()) as { issuer: string; jwks_uri: string; code_challenge_methods_supported: string[] };
      expect(discovery.issuer).toBe(issuer);
      expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
      const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: JWK[] };
      for (const key of jwks.keys) {
        expect(key.d).toBeUndefined();
        kids.add(key.kid as string);
      }
    }
    expect(kids.size).toBe(5);
  });

  test("the token endpoint answers the web app's origin for CORS, and no other", async () => {
    const discovery = (await (await fetch(`${issuerOf("housing")}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    const preflight = (origin: string) =>
      fetch(discovery.token_endpoint, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    const web = new URL(hub.url).origin;
    expect((await preflight(web)).headers.get("access-control-allow-origin")).toBe(web);
    const token = await fetch(discovery.token_endpoint, { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=refresh_token&refresh_token=x&client_id=skyddsnat-web" });
    expect(token.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("a member signed in through the web app is the same actor as her CLI token names", () => {
  test.each(SIGN_INS)("%s %s %s", async (agency, role, staffId) => {
    const purpose = PURPOSES_BY_ROLE[role][0] as Purpose;
    const tokens = await signIn(agency, staffId, purpose);
    const claims = decodeJwt(tokens.accessToken);
    expect(claims).toMatchObject({ iss: issuerOf(agency), sub: staffId, aud: "urn:skyddsnat:hub", client_id: "skyddsnat-web" });
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);

    const viaSignIn = await gql<Persons>(PERSONS, { token: tokens.accessToken });
    const viaCli = await gql<Persons>(PERSONS, { token: await tokenFor(role, staffId, purpose) });
    expect(viaSignIn.status).toBe(200);
    expect(viaSignIn.data?.persons.nodes).toBeDefined();
    expect(viaSignIn.errors ?? []).toEqual(viaCli.errors ?? []);
    expect(viaSignIn.data).toEqual(viaCli.data);
  });

  test("the records of her reads name her, her purpose and the provider's issuer, and no calling system", async () => {
    const tokens = await signIn("housing", "ho-3001", "COORDINATED_SUPPORT");
    const read = await gql<Persons>(PERSONS, { token: tokens.accessToken });
    expect(read.data?.persons.nodes.length).toBeGreaterThan(0);
    const auditor = await tokenFor("AUDITOR", "au-6001", "AUDIT");
    const records = await gql<{ auditRecords: { nodes: { actorIssuer: string; actorRole: string; purpose: string; clientId: string | null }[] } }>(
      `query($f: AuditFilter) { auditRecords(first: 50, filter: $f) { nodes { actorIssuer actorRole purpose clientId } } }`,
      { token: auditor, variables: { f: { actorStaffId: "ho-3001", purpose: "COORDINATED_SUPPORT" } } },
    );
    const fromSignIn = records.data?.auditRecords.nodes.filter((r) => r.actorIssuer === issuerOf("housing")) ?? [];
    expect(fromSignIn.length).toBeGreaterThan(0);
    for (const record of fromSignIn) expect(record).toEqual({ actorIssuer: issuerOf("housing"), actorRole: "HOUSING_OFFICER", purpose: "COORDINATED_SUPPORT", clientId: null });
  });

  test("the police's namespaced claims and scope-only purpose are read through its mapping", async () => {
    const tokens = await signIn("police-liaison", "pl-4001", "EMERGENCY");
    const claims = decodeJwt(tokens.accessToken);
    expect(claims.agency).toBeUndefined();
    expect(claims.purpose).toBeUndefined();
    expect(claims["https://id.polisen.example/claims/role"]).toBe("POLICE_LIAISON");
    expect(claims.scope).toBe("purpose:EMERGENCY");
    const viaSignIn = await gql<Persons>(PERSONS, { token: tokens.accessToken });
    expect(viaSignIn.data).toEqual((await gql<Persons>(PERSONS, { token: await tokenFor("POLICE_LIAISON", "pl-4001", "EMERGENCY") })).data);
  });
});

describe("the purpose of use is chosen at sign-in, and only one the role may state", () => {
  test.each([
    ["housing", "ho-3001", "purpose:EMERGENCY"],
    ["social-services", "ss-1001", "purpose:AUDIT"],
    ["social-services", "tl-7001", "purpose:COORDINATED_SUPPORT"],
    ["child-services", "cs-5001", "openid"],
    ["police-liaison", "pl-4001", "openid purpose:CASE_WORK purpose:EMERGENCY"],
    ["housing", "ho-3001", "openid purpose:NOT_A_PURPOSE"],
  ] as [Agency, string, string][])("%s %s asking for %j is refused with invalid_scope", async (agency, staffId, scope) => {
    const refused = await signInWithCode({ issuer: issuerOf(agency), staffId, redirectUri, scope }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SignInRefused);
    expect((refused as SignInRefused).error).toBe("invalid_scope");
  });

  test("a sign-in without PKCE is refused", async () => {
    const refused = await signInWithCode({ issuer: issuerOf("housing"), staffId: "ho-3001", purpose: "CASE_WORK", redirectUri, withoutPkce: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SignInRefused);
    expect((refused as SignInRefused).error).toBe("invalid_request");
  });

  test("a redirect URI the web app did not register is refused before any sign-in", async () => {
    const refused = await signInWithCode({ issuer: issuerOf("housing"), staffId: "ho-3001", purpose: "CASE_WORK", redirectUri: "https://evil.example/app/callback" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(SignInRefused);
  });

  test("a member of another agency cannot sign in at this agency's provider", async () => {
    const page = await signInWithCode({ issuer: issuerOf("housing"), staffId: "ss-1001", purpose: "CASE_WORK", redirectUri }).catch((e: unknown) => e);
    expect(String(page)).toContain("HTTP 400");
  });
});

describe("renewal", () => {
  test("a refresh token renews the access token once; the provider rotates it", async () => {
    const first = await signIn("social-services", "ss-1001", "CASE_WORK");
    expect(first.refreshToken).toBeDefined();
    const renewed = await refreshTokens(issuerOf("social-services"), first.refreshToken as string);
    expect(renewed.refreshToken).toBeDefined();
    expect(renewed.refreshToken).not.toBe(first.refreshToken);
    expect(decodeJwt(renewed.accessToken)).toMatchObject({ sub: "ss-1001", purpose: "CASE_WORK" });
    const read = await gql<Persons>(PERSONS, { token: renewed.accessToken });
    expect(read.data?.persons.nodes.length).toBeGreaterThan(0);

    const replayed = await refreshTokens(issuerOf("social-services"), first.refreshToken as string).catch((e: unknown) => e);
    expect(replayed).toBeInstanceOf(SignInRefused);
    expect((replayed as SignInRefused).error).toBe("invalid_grant");
  });
});

/** A token as the housing provider's key would sign it, with whatever claims a rogue provider chooses. */
async function forged(claims: Record<string, unknown>, key: JWK = housingKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: issuerOf("housing"), aud: "urn:skyddsnat:hub", sub: "ho-3001", iat: now, exp: now + 300, client_id: "skyddsnat-web", ...claims })
    .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: key.kid as string })
    .sign(await importJWK(key, "ES256"));
}

const reasonOf = async (token: string) => {
  const response = await gql(PERSONS, { token });
  return { status: response.status, code: response.errors?.[0]?.extensions?.code, reason: response.errors?.[0]?.extensions?.reason };
};

describe("what the hub refuses from a provider", () => {
  const housingOfficer = { agency: "housing", role: "HOUSING_OFFICER", unit: "housing/malmo", purpose: "CASE_WORK", scope: "purpose:CASE_WORK" };

  test("the forging key is the provider's: the same claims it would issue are accepted", async () => {
    expect((await reasonOf(await forged(housingOfficer))).status).toBe(200);
  });

  test("a token from the housing issuer claiming social services is refused", async () => {
    const claims = { ...housingOfficer, agency: "social-services", role: "SOCIAL_SECRETARY", unit: "social-services/malmo-vald", sub: "ss-1001" };
    expect(await reasonOf(await forged(claims))).toEqual({ status: 401, code: "UNAUTHENTICATED", reason: "BAD_CLAIM" });
  });

  test("a purpose the role may not state is refused at the hub too", async () => {
    expect(await reasonOf(await forged({ ...housingOfficer, purpose: "EMERGENCY", scope: "purpose:EMERGENCY" }))).toEqual({
      status: 401,
      code: "UNAUTHENTICATED",
      reason: "PURPOSE_NOT_ALLOWED",
    });
  });

  test("an ID token is no access token", async () => {
    const tokens = await signIn("housing", "ho-3001", "CASE_WORK");
    expect(await reasonOf(tokens.idToken as string)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  test("a key the provider never published is refused", async () => {
    const stranger = await signingKey("housing-test-unknown");
    expect(await reasonOf(await forged(housingOfficer, stranger))).toEqual({ status: 401, code: "UNAUTHENTICATED", reason: "BAD_SIGNATURE" });
  });

  test("signed in through the web app, a person is not a calling system: no identity-number lookup", async () => {
    const tokens = await signIn("housing", "ho-3001", "CASE_WORK");
    const lookup = await gql(`query($n: String!) { personByIdentityNumber(identityNumber: $n) { id } }`, {
      token: tokens.accessToken,
      variables: { n: identityNumberOf(SCENARIOS.NONE.adult) },
    });
    expect(lookup.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    expect(JSON.stringify(lookup.data ?? null)).not.toContain(SCENARIOS.NONE.adult);
  });

  test("an agency system (client credentials) is a calling system, and resolves an identity number", async () => {
    const housing = hub.identityProviders?.issuers.find((i) => i.agency === "housing");
    const system = await machineToken(issuerOf("housing"), housing?.machineClient as { clientId: string; clientSecret: string }, "CASE_WORK");
    const lookup = await gql<{ personByIdentityNumber: { id: string } | null }>(`query($n: String!) { personByIdentityNumber(identityNumber: $n) { id } }`, {
      token: system.accessToken,
      variables: { n: identityNumberOf(SCENARIOS.NONE.adult) },
    });
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data?.personByIdentityNumber).toEqual({ id: SCENARIOS.NONE.adult });
  });

  test("a person's token with the system's client_id still names no calling system", async () => {
    // client_id is not the machine-client claim: a rogue copy of it changes nothing.
    const token = await forged({ ...housingOfficer, client_id: "housing-system" });
    const lookup = await gql(`query($n: String!) { personByIdentityNumber(identityNumber: $n) { id } }`, { token, variables: { n: identityNumberOf(SCENARIOS.NONE.adult) } });
    expect(lookup.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
  });

  test("after a rotation that revokes the old key, its tokens are refused and new sign-ins work", async () => {
    const before = await forged(housingOfficer);
    expect((await reasonOf(before)).status).toBe(200);
    await hub.identityProviders?.rotateKeys("housing");
    // The gateway trusts a fetched key set for a second here (cacheMaxAge).
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await reasonOf(before)).toEqual({ status: 401, code: "UNAUTHENTICATED", reason: "BAD_SIGNATURE" });
    const after = await signIn("housing", "ho-3001", "CASE_WORK");
    expect((await reasonOf(after.accessToken)).status).toBe(200);
  });
});

test("the directory the providers sign in is the seed's staff", () => {
  // Guards the test's own premise: every member signed in above is in the seed's directory, in that agency.
  for (const [agency, role, staffId] of SIGN_INS) expect(STAFF.find((m) => m.id === staffId)).toMatchObject({ agency, role });
});
