import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { RunningHub } from "@skyddsnat/hub";
import type { Browser } from "playwright-core";
import { accessibilityViolations, launchBrowser, onPage, originOf, screenshot, signInThroughProvider, startBrowserHub } from "../support/browser.js";
import { gql, hubUrl, tokenFor } from "../support/http.js";
import { SCENARIOS } from "../support/scenarios.js";

const her = SCENARIOS.PROTECTED_REGISTRATION;
const REASON = "Larm om pågående våld i bostaden; patrullen behöver veta var hon bor nu.";

let hub: RunningHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startBrowserHub();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

/**
 * Social services' on-call grants the request for a minute (the second person of break-the-glass),
 * from her own client: through the suite's open hub on the same databases, as this hub admits
 * only the web app's documents.
 */
async function grantAsOnCall(requestId: string): Promise<void> {
  const granted = await gql<{ grantEmergencyDisclosure: { status: string } }>(
    `mutation($id: ID!) { grantEmergencyDisclosure(input: { requestId: $id, ground: NECESSITY, minutes: 1 }) { status } }`,
    { token: await tokenFor("SOCIAL_ON_CALL", "oc-9001", "EMERGENCY"), variables: { id: requestId }, url: hubUrl() },
  );
  expect(granted.errors).toBeUndefined();
  expect(granted.data?.grantEmergencyDisclosure.status).toBe("GRANTED");
}

describe("break-the-glass in a real browser", () => {
  test("the police liaison asks with a reason, sees it pending, granted with a countdown, and expired", async () => {
    await onPage(browser, async ({ page }) => {
      // The page's own clock, so the grant's minute can pass without waiting for it.
      await page.clock.install();
      await signInThroughProvider(page, hub, { agency: "police-liaison", staffId: "pl-4001", purpose: "EMERGENCY" });
      await page.goto(`${originOf(hub.url)}/app/emergency?subject=${her.adult}`);
      expect(await page.getByLabel("Personens id / Person id").inputValue()).toBe(her.adult);
      await page.getByLabel("Skäl / Reason").fill(REASON);
      await page.getByRole("button", { name: "Begär nödåtkomst / Request emergency access" }).click();
      const sent = page.getByRole("status").filter({ hasText: "Begäran skickad / Request sent" });
      await sent.waitFor();
      const requestId = ((await sent.textContent()) ?? "").split(": ")[1]?.trim() as string;
      expect(requestId).toMatch(/^egr_/);

      const row = page.locator(`tr[data-request="${requestId}"]`);
      await row.and(page.locator('[data-status="PENDING"]')).waitFor();
      expect(await row.textContent()).toContain(her.adult);
      await screenshot(page, "emergency-pending");

      await grantAsOnCall(requestId);
      // The page asks again every five seconds.
      await page.clock.runFor(6000);
      await row.and(page.locator('[data-status="GRANTED"]')).waitFor();
      expect(await row.textContent()).toMatch(/Beviljad \/ Granted\s*[01]:\d\d/);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, "emergency-granted");

      await page.clock.fastForward("01:05");
      await row.and(page.locator('[data-status="EXPIRED"]')).waitFor();
      expect(await row.textContent()).toContain("Utgången / Expired");
      await screenshot(page, "emergency-expired");
    });
  });

  test("a request without the purpose EMERGENCY is refused in plain words, and nothing is asked", async () => {
    await onPage(browser, async ({ page }) => {
      await signInThroughProvider(page, hub, { agency: "police-liaison", staffId: "pl-4001", purpose: "CASE_WORK" });
      await page.goto(`${originOf(hub.url)}/app/emergency?subject=${her.adult}`);
      await page.getByLabel("Skäl / Reason").fill(REASON);
      await page.getByRole("button", { name: "Begär nödåtkomst / Request emergency access" }).click();
      const refusal = page.getByRole("alert");
      await refusal.waitFor();
      expect(await refusal.locator('[lang="sv"]').textContent()).not.toBe("");
      expect(await page.getByRole("status").filter({ hasText: "Request sent" }).count()).toBe(0);
    });
  });
});
