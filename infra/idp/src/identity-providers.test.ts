import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from "jose";
import { type RunningIdentityProviders, startIdentityProviders, VITE_DEV_ORIGIN } from "./identity-providers.js";
import { renderSignInPage } from "./sign-in-page.js";
import { discover, machineToken, SignInRefused, signInWithCode } from "./sign-in-flow.js";
import type { StaffMember } from "./staff.js";

const STAFF: StaffMember[] = [
  { id: "ho-3001", name: "Jonas Ahl", agency: "housing", role: "HOUSING_OFFICER", title: "Bostadshandläggare", unit: "housing/malmo" },
  { id: "pl-4001", name: "Therese Wall", agency: "police-liaison", role: "POLICE_LIAISON", title: "Samverkanspolis", unit: "police-liaison/malmo" },
  { id: "au-6001", name: "Marie Falk", agency: "audit", role: "AUDITOR", title: "Loggranskare", unit: "audit/skane" },
];
const WEB = "http://127.0.0.1:4999";
const redirectUri = `${WEB}/app/callback`;

let idp: RunningIdentityProviders;
beforeAll(async () => {
  idp = await startIdentityProviders({ staff: STAFF, redirectUris: [redirectUri] });
});
afterAll(async () => {
  await idp?.stop();
});

const issuer = (agency: string) => idp.issuers.find((i) => i.agency === agency)?.issuer as string;

async function jwksOf(agency: string): Promise<JSONWebKeySet> {
  return (await (await fetch((await discover(issuer(agency))).jwks_uri)).json()) as JSONWebKeySet;
}

describe("startIdentityProviders", () => {
  test("one issuer per agency under one server, none for the auditors or the population register", () => {
    expect(idp.issuers.map((i) => i.issuer)).toEqual(["social-services", "housing", "police-liaison", "child-services", "audit"].map((a) => `${idp.url}/${a}`));
    expect(idp.issuers[1]?.discoveryUrl).toBe(`${idp.url}/housing/.well-known/openid-configuration`);
  });

  test("an access token is an at+jwt for the hub, signed by that agency's key, with the caller's claims", async () => {
    const tokens = await signInWithCode({ issuer: issuer("housing"), staffId: "ho-3001", purpose: "CASE_WORK", redirectUri });
    expect(decodeProtectedHeader(tokens.accessToken).typ).toBe("at+jwt");
    const { payload } = await jwtVerify(tokens.accessToken, createLocalJWKSet(await jwksOf("housing")), { issuer: issuer("housing"), audience: "urn:skyddsnat:hub" });
    expect(payload).toMatchObject({ sub: "ho-3001", agency: "housing", role: "HOUSING_OFFICER", unit: "housing/malmo", purpose: "CASE_WORK", scope: "purpose:CASE_WORK" });
    expect(tokens.expiresIn).toBe(300);
    // Another agency's keys do not verify it.
    await expect(jwtVerify(tokens.accessToken, createLocalJWKSet(await jwksOf("social-services")))).rejects.toThrow();
  });

  test("the Vite dev server's redirect URI is registered; an origin added later is too", async () => {
    await expect(signInWithCode({ issuer: issuer("housing"), staffId: "ho-3001", purpose: "CASE_WORK", redirectUri: `${VITE_DEV_ORIGIN}/app/callback` })).resolves.toHaveProperty("accessToken");
    const later = "http://127.0.0.1:5001";
    await expect(signInWithCode({ issuer: issuer("housing"), staffId: "ho-3001", purpose: "CASE_WORK", redirectUri: `${later}/app/callback` })).rejects.toThrow(/HTTP 400/);
    idp.allowWebOrigin(later);
    await expect(signInWithCode({ issuer: issuer("housing"), staffId: "ho-3001", purpose: "CASE_WORK", redirectUri: `${later}/app/callback` })).resolves.toHaveProperty("accessToken");
  });

  test("a planned rotation keeps the old key published; a revoking one does not", async () => {
    const old = (await jwksOf("police-liaison")).keys.map((k) => k.kid);
    await idp.rotateKeys("police-liaison", { keepOld: true });
    const kept = (await jwksOf("police-liaison")).keys.map((k) => k.kid);
    expect(kept).toHaveLength(2);
    expect(kept.slice(1)).toEqual(old);
    const tokens = await signInWithCode({ issuer: issuer("police-liaison"), staffId: "pl-4001", purpose: "CASE_WORK", redirectUri });
    expect(decodeProtectedHeader(tokens.accessToken).kid).toBe(kept[0]);
    await idp.rotateKeys("police-liaison");
    const revoked = (await jwksOf("police-liaison")).keys.map((k) => k.kid);
    expect(revoked).toHaveLength(1);
    expect(kept).not.toContain(revoked[0]);
  });

  test("the police's tokens carry namespaced claims, the purpose only in scope", async () => {
    const tokens = await signInWithCode({ issuer: issuer("police-liaison"), staffId: "pl-4001", purpose: "EMERGENCY", redirectUri });
    const claims = decodeJwt(tokens.accessToken);
    expect(claims).toMatchObject({ "https://id.polisen.example/claims/agency": "police-liaison", "https://id.polisen.example/claims/role": "POLICE_LIAISON", scope: "purpose:EMERGENCY" });
    expect(claims.purpose).toBeUndefined();
  });

  test("a purpose the role may not state is refused with invalid_scope, after sign-in", async () => {
    const refused = await signInWithCode({ issuer: issuer("housing"), staffId: "ho-3001", purpose: "EMERGENCY", redirectUri }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SignInRefused);
    expect(refused).toMatchObject({ error: "invalid_scope", description: "this role may not state that purpose" });
  });
});

describe("an agency system (client credentials)", () => {
  const housing = () => idp.issuers[1] as (typeof idp.issuers)[number];

  test("gets an at+jwt for the hub that names it in the layout's machine-client claim", async () => {
    const { machineClient } = housing();
    const token = await machineToken(housing().issuer, machineClient, "CASE_WORK");
    expect(decodeProtectedHeader(token.accessToken).typ).toBe("at+jwt");
    expect(decodeJwt(token.accessToken)).toMatchObject({
      sub: "housing-system",
      agency: "housing",
      role: "HOUSING_OFFICER",
      unit: "housing/malmo",
      purpose: "CASE_WORK",
      calling_system: "housing-system",
      aud: "urn:skyddsnat:hub",
    });
  });

  test("a purpose its role may not state, or a wrong secret, gets no token", async () => {
    const { machineClient, issuer: housingIssuer } = housing();
    await expect(machineToken(housingIssuer, machineClient, "EMERGENCY")).rejects.toMatchObject({ error: "invalid_scope" });
    await expect(machineToken(housingIssuer, { ...machineClient, clientSecret: "wrong" }, "CASE_WORK")).rejects.toMatchObject({ error: "invalid_client" });
    // Another agency's system is no client of this provider.
    await expect(machineToken(housingIssuer, (idp.issuers[0] as (typeof idp.issuers)[number]).machineClient, "CASE_WORK")).rejects.toMatchObject({ error: "invalid_client" });
  });

  test("a person's token never carries the machine-client claim", async () => {
    const tokens = await signInWithCode({ issuer: housing().issuer, staffId: "ho-3001", purpose: "CASE_WORK", redirectUri });
    expect(decodeJwt(tokens.accessToken).calling_system).toBeUndefined();
  });
});

describe("the development sign-in page", () => {
  const html = renderSignInPage({ agency: "housing", action: "/housing/interaction/abc/login", staff: STAFF.slice(0, 1), purpose: "CASE_WORK" });

  test("is labelled, says it is for development only, and names the purpose asked for", () => {
    expect(html).toContain('<label for="staffId">');
    expect(html).toContain('<select id="staffId" name="staffId" required');
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).toContain("Development sign-in — choose a demo staff member");
    expect(html).toContain("Development only.");
    expect(html).toContain("<strong>CASE_WORK</strong>");
    expect(html).toContain('<html lang="en">');
  });

  test("escapes what it shows", () => {
    const page = renderSignInPage({ agency: "housing", action: "/x", staff: [{ ...STAFF[0], name: '<script>"x"</script>' } as StaffMember], purpose: "<b>" });
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;&quot;x&quot;&lt;/script&gt;");
    expect(page).toContain("&lt;b&gt;");
  });

  test("the page lists only the provider's own agency's members", async () => {
    const authorize = new URL((await discover(issuer("housing"))).authorization_endpoint);
    authorize.search = new URLSearchParams({ client_id: "skyddsnat-web", response_type: "code", redirect_uri: redirectUri, scope: "openid purpose:CASE_WORK", code_challenge: "x".repeat(43), code_challenge_method: "S256" }).toString();
    const start = await fetch(authorize, { redirect: "manual" });
    const page = await fetch(new URL(start.headers.get("location") as string, authorize), { headers: { cookie: start.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") } });
    const body = await page.text();
    expect(body).toContain('value="ho-3001"');
    expect(body).not.toContain("pl-4001");
    expect(body).not.toContain("au-6001");
  });

  test("an unknown staff id is answered with the page again and an alert, not a sign-in", async () => {
    const refused = await signInWithCode({ issuer: issuer("housing"), staffId: "pl-4001", purpose: "CASE_WORK", redirectUri }).catch((e: unknown) => e);
    expect(String(refused)).toMatch(/HTTP 400/);
  });
});
