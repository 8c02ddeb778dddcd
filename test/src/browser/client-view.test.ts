import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { buildPopulation, type RunningHub } from "@skyddsnat/hub";
import type { Browser } from "playwright-core";
import { accessibilityViolations, launchBrowser, onPage, originOf, type PageRecord, screenshot, signInThroughProvider, startBrowserHub } from "../support/browser.js";
import { SCENARIOS } from "../support/scenarios.js";

// She lives with protected registration; cp-2001 is the contact person on her open case.
const her = SCENARIOS.PROTECTED_REGISTRATION;
const seeded = buildPopulation();
const herRecord = seeded.socialServices.persons.find((p) => p.id === her.adult)!;
const herSchool = seeded.childServices.placements.find((p) => p.childId === her.child)!;
const herTenancy = seeded.housing.tenancies.find((t) => t.id === her.activeTenancy)!;
const herFlat = seeded.housing.flats.find((f) => f.id === herTenancy.flatId)!;
/** Everything that would tell someone where she is (as leak-hunting.test.ts finds it). */
const SECRETS = [herRecord.streetAddress, herRecord.phone, herRecord.residenceMunicipality, herSchool.schoolName, herFlat.streetAddress].filter(
  (s): s is string => typeof s === "string" && s.length > 0,
);

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

/** From her caseload to her page, as a user goes. */
async function openHer({ page }: PageRecord) {
  await page.getByRole("link", { name: her.adult }).click();
  await page.waitForURL(`${originOf(hub.url)}/app/clients/${her.adult}`);
  await page.getByRole("heading", { name: "Skydd och hantering / Protection and handling" }).waitFor();
  await page.getByRole("heading", { name: /Skolor \/ Schools/ }).first().waitFor();
}

/** Every place a value could have reached: the page's DOM and every response body the browser received. */
async function everythingSeen(record: PageRecord): Promise<string> {
  return [await record.page.content(), ...record.bodies.map((response) => response.body)].join("\n");
}

describe("the client view in a real browser", () => {
  test("the control: the secrets are real, and her own social secretary sees them on the same page", async () => {
    expect(SECRETS.length).toBeGreaterThanOrEqual(4);
    await onPage(browser, async (record) => {
      await signInThroughProvider(record.page, hub, { agency: "social-services", staffId: "ss-1001", purpose: "CASE_WORK" });
      await openHer(record);
      expect(await record.page.content()).toContain(herRecord.streetAddress as string);
      await screenshot(record.page, "client-view-social-secretary");
    });
  });

  test("the contact person: protection first, allowed values shown, withheld ones marked with the reason, and no withheld value anywhere in the DOM or the network", async () => {
    await onPage(browser, async (record) => {
      const { page } = record;
      // Her consent shares where she lives with the contact person for coordinated support only:
      // for case work it is withheld.
      await signInThroughProvider(page, hub, { agency: "social-services", staffId: "cp-2001", purpose: "CASE_WORK" });
      await openHer(record);

      // Protection level and handling instructions stand first, before anything else about her.
      const sections = page.locator("main section h2");
      expect(await sections.first().textContent()).toBe("Skydd och hantering / Protection and handling");
      expect(await page.locator("section.protection").textContent()).toContain("Skyddad folkbokföring / Protected registration");

      // Allowed: her status records (the contact person coordinates her case).
      const cases = page.locator("section", { has: page.getByRole("heading", { name: /^Ärenden \/ Cases/ }) });
      expect(await cases.locator("tbody tr").count()).toBeGreaterThan(0);
      expect(await cases.textContent()).toContain("OPEN");

      // Withheld: her address and phone, each marked with the reason in Swedish and English.
      const identity = page.locator("section", { has: page.getByRole("heading", { name: "Person", exact: true }) });
      const address = identity.locator("dt", { hasText: "Adress / Street address" }).locator("xpath=following-sibling::dd[1]");
      expect(await address.locator(".withheld").count()).toBe(1);
      const marked = (await address.textContent()) ?? "";
      expect(marked).toContain("WITHHELD");
      expect(marked).toMatch(/[åäö]/);
      expect(await address.locator('[lang="en"]').textContent()).not.toBe("");
      const withheld = await page.locator(".withheld").count();
      expect(withheld).toBeGreaterThanOrEqual(3);
      // A plain null is not a withheld value: her open case has no closing date, and says so.
      expect(await page.locator(".absent").count()).toBeGreaterThan(0);
      expect(await page.locator(".withheld .absent, .absent .withheld").count()).toBe(0);

      // The network was looked at (her own page came back), and nothing withheld is anywhere.
      expect(record.bodies.some((response) => response.url.endsWith("/graphql") && response.body.includes(her.adult))).toBe(true);
      const seen = await everythingSeen(record);
      for (const secret of SECRETS) expect(seen.includes(secret) ? secret : null).toBeNull();
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, "client-view-contact-person");
    });
  });

  test("her team lead opens her from the first screen by id: protection and handling stand first, where she lives is nowhere", async () => {
    await onPage(browser, async (record) => {
      const { page } = record;
      // tl-7001 leads the unit that holds her case; a team lead holds no caseload of her own.
      await signInThroughProvider(page, hub, { agency: "social-services", staffId: "tl-7001", purpose: "CASE_WORK" });
      await page.getByLabel("Klientens id / Client id").fill(her.adult);
      await page.getByRole("button", { name: "Öppna / Open" }).click();
      await page.waitForURL(`${originOf(hub.url)}/app/clients/${her.adult}`);
      await page.getByRole("heading", { name: "Skydd och hantering / Protection and handling" }).waitFor();
      await page.getByRole("heading", { name: /Skolor \/ Schools/ }).first().waitFor();
      expect(await page.locator("section.protection").textContent()).toContain("Skyddad folkbokföring / Protected registration");
      expect(await page.locator(".withheld").count()).toBeGreaterThan(0);
      const seen = await everythingSeen(record);
      for (const secret of SECRETS) expect(seen.includes(secret) ? secret : null).toBeNull();
      await screenshot(page, "client-view-team-lead");
    });
  });
});
