import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { RunningHub } from "@skyddsnat/hub";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, onPage, originOf, screenshot, signInThroughProvider, startBrowserHub } from "../support/browser.js";
import { tokenFor } from "../support/http.js";
import { SCENARIOS } from "../support/scenarios.js";

let hub: RunningHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startBrowserHub("open");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

/** Types a document into GraphiQL's editor, runs it, and waits for an answer containing `expected`. */
async function run(page: Page, document: string, expected: string): Promise<string> {
  const editor = page.locator(".graphiql-query-editor .CodeMirror");
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(document);
  await page.getByRole("button", { name: /Execute query/ }).click();
  const result = page.locator(".graphiql-response");
  await result.filter({ hasText: expected }).waitFor({ timeout: 15_000 });
  return (await result.textContent()) ?? "";
}

describe("GraphiQL at / runs in a real browser", () => {
  test("it loads from the hub alone, takes a pasted token and runs a query", async () => {
    const token = await tokenFor("SOCIAL_SECRETARY", "ss-1001");
    await onPage(browser, async ({ page }) => {
      const outside: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(originOf(hub.url))) outside.push(request.url());
      });
      const response = await page.goto(`${originOf(hub.url)}/`);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      await page.getByLabel("Access token").fill(token);
      const answer = await run(page, `query Client { person(id: "${SCENARIOS.NONE.adult}") { id givenName } }`, SCENARIOS.NONE.adult);
      expect(answer).toContain('"givenName"');
      await screenshot(page, "graphiql");
      expect(outside).toEqual([]);
    });
  });

  test("signed in through the web app, the token page shows the token and GraphiQL takes this tab's sign-in", async () => {
    await onPage(browser, async ({ page }) => {
      await signInThroughProvider(page, hub, { agency: "housing", staffId: "ho-3001", purpose: "CASE_WORK" });
      await page.getByRole("link", { name: "Token för GraphiQL / Token for GraphiQL" }).click();
      const token = await page.getByRole("textbox", { name: "Token", exact: true }).inputValue();
      expect(token.split(".")).toHaveLength(3);
      await screenshot(page, "token");
      await page.getByRole("link", { name: "öppna GraphiQL" }).click();
      await page.getByRole("button", { name: "Use my sign-in in this tab" }).click();
      expect(await page.getByLabel("Access token").inputValue()).toBe(token);
      const answer = await run(page, "query Who { me { staffId role } }", "ho-3001");
      expect(answer).toContain("HOUSING_OFFICER");
    });
  });

  test("a console error on GraphiQL's page fails the test", async () => {
    await expect(
      onPage(browser, async ({ page }) => {
        await page.goto(`${originOf(hub.url)}/`);
        await page.locator(".graphiql-query-editor .CodeMirror").waitFor();
        await page.evaluate(() => console.error("an error in GraphiQL"));
      }),
    ).rejects.toThrow(/console error: an error in GraphiQL/);
  });
});
