import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { buildPopulation, mintToken, type RunningHub } from "@skyddsnat/hub";
import type { Browser, Page } from "playwright-core";
import { accessibilityViolations, decideOnCall, launchBrowser, onPage, originOf, type PageRecord, type SignInAs, screenshot, signInThroughProvider, startBrowserHub } from "../support/browser.js";
import { SCENARIOS } from "../support/scenarios.js";

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

/** The web app's sign-in form, then the agency's provider's page, back to the app as her. */
const signIn = (page: Page, as: SignInAs) => signInThroughProvider(page, hub, as);

async function openAudit(page: Page, view: string): Promise<void> {
  await page.getByRole("link", { name: "Granskning / Audit" }).click();
  await page.getByRole("heading", { level: 1, name: "Granskning / Audit" }).waitFor();
  await page.getByRole("navigation", { name: "Granskningens delar / Parts of the audit console" }).getByRole("button", { name: view }).click();
}

const AUDITOR_1: SignInAs = { agency: "audit", staffId: "au-6001", purpose: "AUDIT" };
const AUDITOR_2: SignInAs = { agency: "audit", staffId: "au-6002", purpose: "AUDIT" };

/** Her record's protected values: none may reach an auditor's page, its DOM or what it fetched. */
function personValues(personId: string): string[] {
  const person = buildPopulation().socialServices.persons.find((p) => p.id === personId);
  if (!person) throw new Error(`${personId} is not in the seed`);
  return [person.identityNumber, `${person.givenName} ${person.familyName}`, person.streetAddress, person.phone].filter((v): v is string => Boolean(v));
}

async function expectNoPersonData({ page, bodies }: PageRecord, values: string[]): Promise<void> {
  const dom = await page.content();
  const fetched = bodies.filter(({ url }) => url.includes("/graphql") || url.includes("/audit/export")).map(({ body }) => body);
  for (const value of values) {
    expect(dom).not.toContain(value);
    for (const body of fetched) expect(body).not.toContain(value);
  }
}

describe("an auditor finds a contact person's access in the console and in the export", () => {
  const client = SCENARIOS.CONFIDENTIALITY_MARKED.adult;
  let requestId = "";

  test("the contact person opens her client in the app; the hub answers with a request id", async () => {
    await onPage(browser, async ({ page }) => {
      await signIn(page, { agency: "social-services", staffId: "cp-2001", purpose: "CASE_WORK" });
      const answered = page.waitForResponse((response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("ClientView"));
      await page.goto(`${originOf(hub.url)}/app/clients/${client}`);
      requestId = (await answered).headers()["x-request-id"] ?? "";
      expect(requestId).not.toBe("");
    });
  });

  test("the search, by actor and person, shows that request's records — ids and field paths only", async () => {
    await onPage(browser, async (record) => {
      const { page } = record;
      await signIn(page, AUDITOR_1);
      await openAudit(page, "Sök / Search");
      await page.getByLabel("Vem (personal-id) / Actor (staff id)").fill("cp-2001");
      await page.getByLabel("Person-id / Subject id").fill(client);
      await page.getByRole("button", { name: "Sök poster / Find records" }).click();
      const rows = page.locator(`tr[data-request-id="${requestId}"]`);
      await rows.first().waitFor();
      const cells = await rows.first().getByRole("cell").allTextContents();
      expect(cells.join(" ")).toContain("cp-2001");
      expect(cells.join(" ")).toContain(client);
      expect(cells.join(" ")).toMatch(/person\./);
      // Column headers name every cell (a screen reader reads them with the cell).
      expect(await page.getByRole("columnheader").allTextContents()).toEqual(expect.arrayContaining(["Vem / Actor", "Fält / Fields", "Beslut / Decision"]));
      await screenshot(page, "audit-search");
      expect(await accessibilityViolations(page)).toEqual([]);
      await expectNoPersonData(record, personValues(client));

      // A criterion the hub refuses is told in words, not as an empty list.
      await page.getByLabel("Person-id / Subject id").fill("no such id!");
      await page.getByRole("button", { name: "Sök poster / Find records" }).click();
      const refusal = page.getByRole("alert");
      await refusal.waitFor();
      expect(await refusal.getAttribute("data-refusal")).toBe("BAD_USER_INPUT");
      expect(await refusal.textContent()).toContain("could not be used as entered");
    });
  });

  test("the export, fetched with the auditor's token, holds the same request and is downloaded as a file", async () => {
    await onPage(browser, async (record) => {
      const { page } = record;
      await signIn(page, AUDITOR_1);
      await openAudit(page, "Export");
      await page.getByLabel("Vem (personal-id) / Actor (staff id)").fill("cp-2001");
      await page.getByLabel("Person-id / Subject id").fill(client);
      await page.getByRole("button", { name: "Exportera / Export" }).click();
      const summary = page.getByTestId("export-summary");
      await summary.waitFor();
      await summary.locator(`tr[data-request-id="${requestId}"]`).first().waitFor();
      expect(await summary.textContent()).toMatch(/\d+ records, seq \d+–\d+/);
      await screenshot(page, "audit-export");
      expect(await accessibilityViolations(page)).toEqual([]);

      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: /Ladda ner \/ Download audit-export-.*\.ndjson/ }).click();
      const file = await (await download).path();
      const rows = (await readFile(file, "utf8"))
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { requestId: string; actorStaffId: string; subjectId: string; fieldPaths: string[] });
      const ofTheAccess = rows.filter((row) => row.requestId === requestId);
      expect(ofTheAccess.length).toBeGreaterThan(0);
      expect(ofTheAccess.every((row) => row.actorStaffId === "cp-2001" && row.subjectId === client)).toBe(true);
      await expectNoPersonData(record, personValues(client));
    });
  });
});

describe("a break-the-glass disclosure is queued for review and reviewed by another auditor", () => {
  const subject = SCENARIOS.PROTECTED_REGISTRATION.adult;
  let grantId = "";

  test("a police liaison asks in the app; social services' on-call grants it in hers", async () => {
    await onPage(browser, async ({ page }) => {
      await signIn(page, { agency: "police-liaison", staffId: "pl-4004", purpose: "EMERGENCY" });
      await page.getByRole("link", { name: "Nödåtkomst / Break the glass" }).click();
      await page.getByLabel("Personens id / Person id").fill(subject);
      await page.getByLabel("Skäl / Reason").fill("Larm om pågående hot i bostaden; patrullen behöver veta var hon bor nu.");
      await page.getByRole("button", { name: "Begär nödåtkomst / Request emergency access" }).click();
      const sent = page.getByRole("status").filter({ hasText: "Begäran skickad / Request sent:" });
      await sent.waitFor();
      grantId = /egr_[a-z0-9]+/.exec((await sent.textContent()) ?? "")?.[0] ?? "";
      expect(grantId).not.toBe("");
    });
    // The second person of break-the-glass, in her own browser: social services' on-call signs in
    // through her provider and grants it on her first screen.
    await onPage(browser, async ({ page }) => {
      await signIn(page, { agency: "social-services", staffId: "oc-9002", purpose: "EMERGENCY" });
      await decideOnCall(page, grantId, "grant", "Larmet bekräftat.");
    });
  });

  test("the first auditor sees it in the queue: who asked, who granted, on which ground", async () => {
    await onPage(browser, async (record) => {
      const { page } = record;
      await signIn(page, AUDITOR_1);
      await openAudit(page, "Granskningskö / Review queue");
      const grant = page.locator(`article[data-grant="${grantId}"]`);
      await grant.waitFor();
      expect(await grant.getByTestId("requested-by").textContent()).toBe("pl-4004");
      expect(await grant.getByTestId("granted-by").textContent()).toBe("oc-9002");
      expect(await grant.textContent()).toContain("NECESSITY");
      await screenshot(page, "audit-review-queue");
      expect(await accessibilityViolations(page)).toEqual([]);
      await expectNoPersonData(record, personValues(subject));
    });
  });

  test("the one who granted it, holding an auditor's token, is refused — and the console says why in plain words", async () => {
    // The providers' directory has no auditor who also asked or granted: the hub's dev issuer
    // mints an auditor's token for the granter's staff id (as the API suite does), put where
    // the app keeps its signed-in user.
    const token = await mintToken({ agency: "audit", role: "AUDITOR", sub: "oc-9002" });
    await onPage(browser, async ({ page }) => {
      const origin = originOf(hub.url);
      await page.goto(`${origin}/app/`);
      const config = (await (await fetch(`${origin}/app/config.json`)).json()) as { signIn: { clientId: string; issuers: { agency: string; issuer: string }[] } };
      const issuer = config.signIn.issuers.find((choice) => choice.agency === "audit")?.issuer;
      const user = { access_token: token, token_type: "Bearer", scope: "openid purpose:AUDIT", profile: { sub: "oc-9002" }, expires_at: Math.floor(Date.now() / 1000) + 600 };
      await page.evaluate(
        ([key, value]) => {
          const { sessionStorage } = globalThis as unknown as { sessionStorage: { setItem(name: string, text: string): void } };
          sessionStorage.setItem("skyddsnat.agency", "audit");
          sessionStorage.setItem(key as string, value as string);
        },
        [`oidc.user:${issuer}:${config.signIn.clientId}`, JSON.stringify(user)],
      );
      await page.goto(`${origin}/app/audit?view=queue`);
      const grant = page.locator(`article[data-grant="${grantId}"]`);
      await grant.waitFor();
      await grant.getByLabel("Granskningsanteckning / Review note").fill("Jag granskar mitt eget beslut.");
      await grant.getByRole("button", { name: "Registrera granskning / Record review" }).click();
      const refusal = grant.getByRole("alert");
      await refusal.waitFor();
      expect(await refusal.getAttribute("data-refusal")).toBe("OWN_EMERGENCY_DISCLOSURE");
      expect(await refusal.textContent()).toContain("You cannot review an emergency disclosure you granted yourself");
      await screenshot(page, "audit-review-refused");
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  test("another auditor reviews it (a second sign-in); it leaves the queue for both", async () => {
    await onPage(browser, async ({ page }) => {
      await signIn(page, AUDITOR_2);
      await openAudit(page, "Granskningskö / Review queue");
      const grant = page.locator(`article[data-grant="${grantId}"]`);
      await grant.waitFor();
      await grant.getByLabel("Befogad / Justified").check();
      await grant.getByLabel("Granskningsanteckning / Review note").fill("Larmet bekräftat av LKC; utlämnandet var befogat.");
      await grant.getByRole("button", { name: "Registrera granskning / Record review" }).click();
      await page.getByRole("status").filter({ hasText: `Granskning registrerad / Review recorded: ${grantId}` }).waitFor();
      await grant.waitFor({ state: "detached" });
      await screenshot(page, "audit-reviewed");
    });
    await onPage(browser, async ({ page }) => {
      await signIn(page, AUDITOR_1);
      await openAudit(page, "Granskningskö / Review queue");
      await page.getByTestId("unreviewed").waitFor();
      expect(await page.locator(`article[data-grant="${grantId}"]`).count()).toBe(0);
      // Her access history tells the whole disclosure: asked, granted, reviewed — by three people.
      await page.getByRole("navigation", { name: "Granskningens delar / Parts of the audit console" }).getByRole("button", { name: "Personhistorik / Person history" }).click();
      await page.getByLabel("Person-id / Person id").fill(subject);
      await page.getByRole("button", { name: "Visa historik / Show history" }).click();
      // Newest first: the first of each kind is this disclosure's.
      const of = (kind: string) => page.locator(`tr[data-kind="${kind}"]`);
      await of("EMERGENCY_REVIEWED").first().waitFor();
      expect(await of("EMERGENCY_REVIEWED").first().textContent()).toContain("au-6002");
      expect(await of("EMERGENCY_GRANTED").first().textContent()).toContain("oc-9002");
      expect(await of("EMERGENCY_REQUESTED").first().textContent()).toContain("pl-4004");
      await screenshot(page, "audit-person-history");
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });
});

describe("the chain's verification", () => {
  test("the console shows the chain verified, with its records and signed checkpoints", async () => {
    await onPage(browser, async ({ page }) => {
      await signIn(page, AUDITOR_1);
      await openAudit(page, "Sök / Search");
      // By keyboard alone: the console's parts are buttons in its own navigation.
      await page.getByRole("button", { name: "Kedjan / Chain" }).focus();
      await page.keyboard.press("Enter");
      const chain = page.locator("[data-chain]");
      await chain.waitFor();
      expect(await chain.getAttribute("data-chain")).toBe("verified");
      expect(await chain.textContent()).toContain("Verifierad / Verified");
      expect(Number(await page.getByTestId("chain-records").textContent())).toBeGreaterThan(0);
      expect(Number(await page.getByTestId("chain-checkpoints").textContent())).toBeGreaterThanOrEqual(0);
      await screenshot(page, "audit-chain");
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });
});
