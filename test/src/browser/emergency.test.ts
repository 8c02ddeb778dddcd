import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { RunningHub } from "@skyddsnat/hub";
import type { Browser, Page } from "playwright-core";
import { accessibilityViolations, decideOnCall, launchBrowser, onPage, originOf, screenshot, signInThroughProvider, startBrowserHub } from "../support/browser.js";
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
 * Social services' on-call decides in her own browser (the second person of break-the-glass): she
 * signs in through social services' provider with the purpose EMERGENCY, finds the request among
 * the pending ones on her first screen, and grants it for a minute or refuses it with a note.
 */
async function decideAsOnCall(staffId: string, requestId: string, decision: "grant" | "refuse"): Promise<void> {
  await onPage(browser, async ({ page }) => {
    await signInThroughProvider(page, hub, { agency: "social-services", staffId, purpose: "EMERGENCY" });
    const request = page.locator(`article[data-request="${requestId}"]`);
    await request.waitFor();
    expect(await request.textContent()).toContain(her.adult);
    expect(await request.textContent()).toContain("pl-4001");
    expect(await request.textContent()).toContain(REASON);
    expect(await accessibilityViolations(page)).toEqual([]);
    if (decision === "grant") await screenshot(page, "on-call-pending");
    await decideOnCall(page, requestId, decision, decision === "grant" ? "Larmet bekräftat med patrullen." : "Ingen fara för liv eller hälsa framgår.");
    if (decision === "grant") await screenshot(page, "on-call-granted");
  });
}

/** Asks for emergency access on the page (signed in as the police liaison with EMERGENCY) and returns the request's id. */
async function requestOnPage(page: Page): Promise<string> {
  await page.goto(`${originOf(hub.url)}/app/emergency?subject=${her.adult}`);
  expect(await page.getByLabel("Personens id / Person id").inputValue()).toBe(her.adult);
  await page.getByLabel("Skäl / Reason").fill(REASON);
  await page.getByRole("button", { name: "Begär nödåtkomst / Request emergency access" }).click();
  const sent = page.getByRole("status").filter({ hasText: "Begäran skickad / Request sent" });
  await sent.waitFor();
  const requestId = ((await sent.textContent()) ?? "").split(": ")[1]?.trim() as string;
  expect(requestId).toMatch(/^egr_/);
  return requestId;
}

describe("break-the-glass in a real browser", () => {
  test("the police liaison asks with a reason, sees it pending, granted with a countdown, and expired", async () => {
    await onPage(browser, async ({ page }) => {
      // The page's own clock, so the grant's minute can pass without waiting for it.
      await page.clock.install();
      await signInThroughProvider(page, hub, { agency: "police-liaison", staffId: "pl-4001", purpose: "EMERGENCY" });
      const requestId = await requestOnPage(page);

      const row = page.locator(`tr[data-request="${requestId}"]`);
      await row.and(page.locator('[data-status="PENDING"]')).waitFor();
      expect(await row.textContent()).toContain(her.adult);
      await screenshot(page, "emergency-pending");

      await decideAsOnCall("oc-9001", requestId, "grant");
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

  test("the on-call refuses a request in her browser, with a note; the requester sees it refused", async () => {
    await onPage(browser, async ({ page }) => {
      await page.clock.install();
      await signInThroughProvider(page, hub, { agency: "police-liaison", staffId: "pl-4001", purpose: "EMERGENCY" });
      const requestId = await requestOnPage(page);
      await decideAsOnCall("oc-9002", requestId, "refuse");
      await page.clock.runFor(6000);
      const row = page.locator(`tr[data-request="${requestId}"]`);
      await row.and(page.locator('[data-status="REFUSED"]')).waitFor();
      expect(await row.textContent()).toContain("Avslagen / Refused");
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
