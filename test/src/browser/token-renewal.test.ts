import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { RunningHub } from "@skyddsnat/hub";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, onPage, originOf, signInThroughProvider, startBrowserHub } from "../support/browser.js";

/**
 * Access tokens that live 70 s: oidc-client-ts renews a minute before expiry, so with the
 * refresh token the app has a new access token within about ten seconds, without a sign-in page.
 */
const TTL_SECONDS = 70;

let hub: RunningHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startBrowserHub("allow-listed", TTL_SECONDS);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const accessToken = (page: Page) => page.getByRole("textbox", { name: "Token", exact: true }).inputValue();

describe("the web app renews its access token with the refresh token", () => {
  test("before the token expires a new one replaces it, from the provider's token endpoint, and the hub takes it", async () => {
    await onPage(browser, async ({ page }) => {
      await signInThroughProvider(page, hub, { agency: "social-services", staffId: "ss-1001", purpose: "CASE_WORK" });
      const refreshes: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && request.url().endsWith("/token") && (request.postData() ?? "").includes("grant_type=refresh_token")) refreshes.push(request.url());
      });
      await page.getByRole("link", { name: "Token för GraphiQL / Token for GraphiQL" }).click();
      const first = await accessToken(page);
      await page.waitForFunction(
        (previous) => (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector("#access-token")?.value !== previous,
        first,
        { timeout: 30_000, polling: 500 },
      );
      const renewed = await accessToken(page);
      expect(renewed).not.toBe(first);
      expect(refreshes.length).toBeGreaterThanOrEqual(1);
      expect(page.url()).toBe(`${originOf(hub.url)}/app/token`);
      // The renewed token is the one the app now sends, and the hub accepts it.
      await page.getByRole("link", { name: "Mina klienter / My caseload" }).click();
      await page.getByTestId("me").filter({ hasText: "ss-1001" }).waitFor();
    });
  });
});
