import { describe, expect, test } from "@jest/globals";
import { hubUrl } from "./support/http.js";

/** The hub serving the built web app (gateway/src/web-app.ts), over HTTP. */
const base = () => hubUrl().replace(/\/graphql$/, "");
const get = (path: string) => fetch(`${base()}${path}`, { redirect: "manual" });

describe("the hub serves the users' web app at /app/", () => {
  test("its page: HTML with a CSP that allows only the hub itself (and the providers) and no inline script", async () => {
    const response = await get("/app/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    const page = await response.text();
    expect(page).toContain('<div id="root"></div>');
    // Every script and style the page loads comes from the hub, with the type the browser needs.
    const assets = [...page.matchAll(/(?:src|href)="(\/app\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const served = await get(asset);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe(asset.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
    }
    expect(page).not.toMatch(/<script>(?!<)/);
  });

  test("any route of the app gets the app's page (it routes in the browser); /app goes to /app/", async () => {
    for (const path of ["/app/clients/per_x", "/app/emergency", "/app/callback"]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root"></div>');
    }
    const bare = await get("/app");
    expect(bare.status).toBe(308);
    expect(bare.headers.get("location")).toBe("/app/");
  });

  test("its sign-in configuration: the public client and the providers the hub runs (none here)", async () => {
    const response = await get("/app/config.json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ graphqlPath: "/graphql", signIn: { clientId: "skyddsnat-web", issuers: [] } });
  });

  test("a missing asset is a 404, and no path leaves the built folder", async () => {
    const missing = await get("/app/assets/no-such-bundle.js");
    expect(missing.status).toBe(404);
    for (const path of ["/app/..%2f..%2fpackage.json", "/app/%2e%2e/%2e%2e/package.json", "/app/..%5c..%5cpackage.json", "/app/%00"]) {
      const response = await get(path);
      const body = await response.text();
      expect(body).not.toContain('"workspaces"');
      expect(body).not.toContain("@skyddsnat/web");
    }
  });
});
