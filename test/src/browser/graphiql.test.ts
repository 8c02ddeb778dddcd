import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchBrowser, onPage, originOf, screenshot } from "../support/browser.js";
import { hubUrl, tokenFor } from "../support/http.js";
import { SCENARIOS } from "../support/scenarios.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("GraphiQL at / runs in a real browser", () => {
  test("it loads from the hub alone, takes a pasted token and runs a query", async () => {
    const token = await tokenFor("SOCIAL_SECRETARY", "ss-1001");
    await onPage(browser, async ({ page }) => {
      const outside: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(originOf(hubUrl()))) outside.push(request.url());
      });
      const response = await page.goto(`${originOf(hubUrl())}/`);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      await page.getByLabel("Access token").fill(token);
      const editor = page.locator(".graphiql-query-editor .CodeMirror");
      await editor.waitFor();
      await editor.click();
      await page.keyboard.press("Control+A");
      await page.keyboard.type(`query Client { person(id: "${SCENARIOS.NONE.adult}") { id givenName } }`);
      await page.getByRole("button", { name: /Execute query/ }).click();
      const result = page.locator(".graphiql-response");
      await result.filter({ hasText: SCENARIOS.NONE.adult }).waitFor({ timeout: 15_000 });
      expect(await result.textContent()).toContain('"givenName"');
      await screenshot(page, "graphiql");
      expect(outside).toEqual([]);
    });
  });
});
