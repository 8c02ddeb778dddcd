import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { DEMO_STAFF, type RunningHub, STAFF } from "@skyddsnat/hub";
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

/**
 * Every person role of the demo staff directory: where she signs in, as whom, with which purpose,
 * and the first screen the app shows her (its heading). A role added to the directory without a
 * row here fails the first test below.
 */
const ROLES: Record<Exclude<Role, "POPULATION_REGISTER">, { agency: Agency; staffId: string; purpose: Purpose; lands: string; screenshot: string }> = {
  SOCIAL_SECRETARY: { agency: "social-services", staffId: "ss-1001", purpose: "CASE_WORK", lands: "Mina klienter / My caseload", screenshot: "caseload-social-secretary" },
  CONTACT_PERSON: { agency: "social-services", staffId: "cp-2001", purpose: "COORDINATED_SUPPORT", lands: "Mina klienter / My caseload", screenshot: "caseload-contact-person" },
  HOUSING_OFFICER: { agency: "housing", staffId: "ho-3001", purpose: "CASE_WORK", lands: "Mina klienter / My caseload", screenshot: "caseload-housing-officer" },
  POLICE_LIAISON: { agency: "police-liaison", staffId: "pl-4001", purpose: "CASE_WORK", lands: "Mina klienter / My caseload", screenshot: "caseload-police-liaison" },
  CHILD_SERVICES_OFFICER: { agency: "child-services", staffId: "cs-5001", purpose: "CASE_WORK", lands: "Mina klienter / My caseload", screenshot: "caseload-child-services-officer" },
  AUDITOR: { agency: "audit", staffId: "au-6001", purpose: "AUDIT", lands: "Loggranskning / Audit", screenshot: "home-auditor" },
  TEAM_LEAD: { agency: "social-services", staffId: "tl-7001", purpose: "CASE_WORK", lands: "Arbetsledning / Team lead", screenshot: "home-team-lead" },
  PERSONAL_SECURITY: { agency: "police-liaison", staffId: "ps-9101", purpose: "CASE_WORK", lands: "Personsäkerhet / Personal security", screenshot: "home-personal-security" },
  SOCIAL_ON_CALL: { agency: "social-services", staffId: "oc-9001", purpose: "EMERGENCY", lands: "Socialjouren: väntande nödbegäranden / On-call: pending emergency requests", screenshot: "on-call-home" },
};
/** Machine clients, not persons: they sign in with client credentials (test/src/oidc-sign-in.test.ts), never through the page. */
const MACHINE_ROLES: Role[] = ["POPULATION_REGISTER"];
const CASELOAD_ROLES: Role[] = ["SOCIAL_SECRETARY", "CONTACT_PERSON", "HOUSING_OFFICER", "POLICE_LIAISON", "CHILD_SERVICES_OFFICER"];
const SIGN_INS = Object.entries(ROLES) as [Exclude<Role, "POPULATION_REGISTER">, (typeof ROLES)[keyof typeof ROLES]][];

describe("signing in through each agency's identity provider, in a real browser", () => {
  test("every role of the demo staff directory has a row here, and each row names a member of that role and agency", () => {
    expect([...Object.keys(ROLES), ...MACHINE_ROLES].sort()).toEqual(Object.keys(DEMO_STAFF).sort());
    for (const [role, row] of SIGN_INS) {
      expect(STAFF.find((member) => member.id === row.staffId)).toMatchObject({ role, agency: row.agency });
      expect(DEMO_STAFF[role]).toContain(row.staffId);
    }
  });

  test("the sign-in page: agency and purpose, labelled", async () => {
    await onPage(browser, async ({ page }) => {
      await page.goto(`${originOf(hub.url)}/app/`);
      // The choices come from /app/config.json after the page has loaded: wait for the last one.
      await page.getByLabel("Myndighet / Agency").locator('option[value="audit"]').waitFor({ state: "attached" });
      const agencies = await page.getByLabel("Myndighet / Agency").locator("option").evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
      expect(agencies).toEqual(expect.arrayContaining(["social-services", "housing", "police-liaison", "child-services", "audit"]));
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, "sign-in");
    });
  });

  test.each(SIGN_INS)("%s signs in through her provider, lands on her first screen, and signs out", async (role, { agency, staffId, purpose, lands, screenshot: name }) => {
    await onPage(browser, async ({ page }) => {
      await signInThroughProvider(page, hub, { agency, staffId, purpose });
      // What the hub says of the caller, from the provider's access token.
      expect(await page.getByTestId("who").textContent()).toContain(`${staffId} · ${role} · ${purpose}`);
      // The screen her role works from, loaded (no error, no spinner left).
      await page.getByRole("heading", { level: 1, name: lands, exact: true }).waitFor();
      await page.locator(".loading").waitFor({ state: "detached" });
      expect(await page.locator("main [role=alert]").count()).toBe(0);
      if (CASELOAD_ROLES.includes(role)) {
        const me = page.getByTestId("me");
        await me.waitFor();
        expect(await me.textContent()).toContain(`${staffId} · ${role} · ${agency}`);
        expect(await me.textContent()).toContain(purpose);
      }
      expect(await page.getByRole("link", { name: "Granskning / Audit" }).count()).toBe(role === "AUDITOR" ? 1 : 0);
      // Who works a caseload may break the glass; the on-call decides, the others never ask.
      expect(await page.getByRole("link", { name: "Nödåtkomst / Break the glass" }).count()).toBe(CASELOAD_ROLES.includes(role) ? 1 : 0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, name);
      await signOutThroughProvider(page, hub);
      // Signed out is signed out: a reload does not bring her back.
      await page.reload();
      await page.getByRole("button", { name: "Logga in / Sign in" }).waitFor();
      expect(await page.getByTestId("who").count()).toBe(0);
    });
  });
});

describe("a console error fails the test, on every page a test visits", () => {
  test("on the web app's page and on the provider's sign-in page", async () => {
    const origin = originOf(hub.url);
    await expect(
      onPage(browser, async ({ page }) => {
        await page.goto(`${origin}/app/`);
        await page.evaluate(() => console.error("an error in the app"));
      }),
    ).rejects.toThrow(/console error: an error in the app/);
    await expect(
      onPage(browser, async ({ page }) => {
        await page.goto(`${origin}/app/`);
        await page.getByRole("button", { name: "Logga in / Sign in" }).click();
        await page.locator('select[name="staffId"]').waitFor();
        await page.evaluate(() => console.error("an error on the provider's page"));
      }),
    ).rejects.toThrow(/console error: an error on the provider's page/);
  });

  test("in a second tab the page opens", async () => {
    await expect(
      onPage(browser, async ({ page }) => {
        await page.goto(`${originOf(hub.url)}/app/`);
        const [tab] = await Promise.all([page.context().waitForEvent("page"), page.evaluate(() => (globalThis as unknown as { open(url: string, target: string): unknown }).open("/app/", "_blank"))]);
        await tab.waitForLoadState();
        await tab.evaluate(() => console.error("an error in the second tab"));
      }),
    ).rejects.toThrow(/console error: an error in the second tab/);
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
