import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { RunningHub } from "@skyddsnat/hub";
import type { Agency, Purpose, Role } from "@skyddsnat/schema";
import type { Browser } from "playwright-core";
import { accessibilityViolations, launchBrowser, onPage, originOf, screenshot, signInThroughProvider, signOutThroughProvider, startBrowserHub } from "../support/browser.js";

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

/** One role of every agency's provider, and both of social services' client roles. */
const SIGN_INS: [Agency, Role, string, Purpose][] = [
  ["social-services", "SOCIAL_SECRETARY", "ss-1001", "CASE_WORK"],
  ["social-services", "CONTACT_PERSON", "cp-2001", "COORDINATED_SUPPORT"],
  ["housing", "HOUSING_OFFICER", "ho-3001", "CASE_WORK"],
  ["police-liaison", "POLICE_LIAISON", "pl-4001", "CASE_WORK"],
  ["child-services", "CHILD_SERVICES_OFFICER", "cs-5001", "CASE_WORK"],
  ["audit", "AUDITOR", "au-6001", "AUDIT"],
];

describe("signing in through each agency's identity provider, in a real browser", () => {
  test("the sign-in page: agency and purpose, labelled", async () => {
    await onPage(browser, async ({ page }) => {
      await page.goto(`${originOf(hub.url)}/app/`);
      const agencies = await page.getByLabel("Myndighet / Agency").locator("option").evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
      expect(agencies).toEqual(expect.arrayContaining(["social-services", "housing", "police-liaison", "child-services", "audit"]));
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, "sign-in");
    });
  });

  test.each(SIGN_INS)("%s: %s %s signs in, the hub knows her (Query.me), and she signs out", async (agency, role, staffId, purpose) => {
    await onPage(browser, async ({ page }) => {
      await signInThroughProvider(page, hub, { agency, staffId, purpose });
      // What the hub says of the caller, from the provider's access token.
      const me = page.getByTestId("me");
      if (role === "SOCIAL_SECRETARY" || role === "CONTACT_PERSON") {
        await me.waitFor();
        expect(await me.textContent()).toContain(`${staffId} · ${role} · ${agency}`);
        expect(await me.textContent()).toContain(purpose);
      }
      expect(await page.getByTestId("who").textContent()).toContain(role);
      if (role === "AUDITOR") expect(await page.getByRole("link", { name: "Granskning / Audit" }).count()).toBe(1);
      if (role === "SOCIAL_SECRETARY" || role === "CONTACT_PERSON") {
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, `caseload-${role.toLowerCase().replace(/_/g, "-")}`);
      }
      await signOutThroughProvider(page, hub);
      // Signed out is signed out: a reload does not bring her back.
      await page.reload();
      await page.getByRole("button", { name: "Logga in / Sign in" }).waitFor();
      expect(await page.getByTestId("who").count()).toBe(0);
    });
  });
});

describe("the app by keyboard alone", () => {
  test("sign in with Tab and Enter, skip to the content, and open a client from the caseload", async () => {
    await onPage(browser, async ({ page }) => {
      const origin = originOf(hub.url);
      await page.goto(`${origin}/app/`);
      // The form is there once the app has read its configuration.
      await page.getByLabel("Myndighet / Agency").waitFor();
      const focusedId = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? "");
      await page.keyboard.press("Tab");
      expect(await focusedId()).toBe("agency");
      await page.keyboard.press("Tab");
      expect(await focusedId()).toBe("purpose");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      // The provider's page: its staff list has the focus; cp-2001 is the first contact person.
      await page.locator('select[name="staffId"]').waitFor();
      await page.locator('select[name="staffId"]').selectOption("cp-2001");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.waitForURL(`${origin}/app/`);
      await page.getByTestId("me").waitFor();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent)).toBe("Till innehållet / Skip to content");
      await page.keyboard.press("Enter");
      expect(await focusedId()).toBe("main");
      // The first link in the content is the first client of her caseload.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/app\/clients\//);
      await page.getByRole("heading", { name: "Skydd och hantering / Protection and handling" }).waitFor();
    });
  });
});
