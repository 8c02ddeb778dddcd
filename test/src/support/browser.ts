import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { OPEN_FRONT_DOOR, parseManifest } from "@skyddsnat/gateway";
import type { RunningHub } from "@skyddsnat/hub";
import type { Agency, Purpose } from "@skyddsnat/schema";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { startExtraHub } from "./extra-hub.js";

/** Debian's Chromium (.ci/run installs it); the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where the tests write a screenshot of each screen (the README links them). */
export const SCREENSHOTS_DIR = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** What a page did that a test looks at: its console errors and uncaught errors, and every response body from the hub. */
export interface PageRecord {
  page: Page;
  context: BrowserContext;
  problems: string[];
  /** Bodies of every response the page received (documents, scripts, GraphQL, config). */
  bodies: { url: string; body: string }[];
}

/**
 * A new context (no shared storage) and page, recording its problems and responses. Every page of
 * the context is watched from its first moment (popups and new tabs too), and a page's listeners
 * stay through navigations: the web app, the providers' sign-in pages and GraphiQL alike.
 */
export async function openPage(browser: Browser): Promise<PageRecord> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
  const problems: string[] = [];
  const bodies: PageRecord["bodies"] = [];
  context.on("page", (page) => watch(page, problems, bodies));
  const page = await context.newPage();
  return { page, context, problems, bodies };
}

function watch(page: Page, problems: string[], bodies: PageRecord["bodies"]): void {
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    void response.text().then(
      (body) => bodies.push({ url: response.url(), body }),
      () => undefined,
    );
  });
}

/**
 * Runs `body` on a fresh page and fails if the page logged any console error or threw, even
 * when `body` itself passed: a screen that works only with errors in the console does not work.
 */
export async function onPage(browser: Browser, body: (record: PageRecord) => Promise<void>): Promise<void> {
  const record = await openPage(browser);
  try {
    await body(record);
  } catch (error) {
    // What the page showed when it failed, for whoever reads the failure.
    await record.page.screenshot({ path: `${process.env.TMPDIR ?? "/tmp"}/skyddsnat-browser-failure.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n(page problems: ${record.problems.join("; ") || "none"}; screenshot in /tmp/skyddsnat-browser-failure.png)`);
  } finally {
    await record.context.close();
  }
  if (record.problems.length > 0) throw new Error(`the page reported errors:\n${record.problems.join("\n")}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const path = `${SCREENSHOTS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The hub's origin (http://host:port), from the GraphQL URL the suite runs against. */
export const originOf = (graphqlUrl: string): string => new URL(graphqlUrl).origin;

/** The web app's trusted-documents manifest, as codegen writes it. */
export const WEB_MANIFEST = fileURLToPath(new URL("../../../web/src/gql/persisted-documents.json", import.meta.url));

/**
 * A hub of the browser suites' own on the seeded databases, with what `npm start` adds (the
 * development identity providers and the built web app) and a production front door: only the
 * web app's registered documents run (TRUSTED_DOCUMENTS=allow-listed).
 */
export async function startBrowserHub(door: "allow-listed" | "open" = "allow-listed", accessTokenTtlSeconds?: number): Promise<RunningHub> {
  const manifest = parseManifest(JSON.parse(await readFile(WEB_MANIFEST, "utf8")));
  return startExtraHub({
    identityProviders: accessTokenTtlSeconds ? { accessTokenTtlSeconds } : true,
    webApp: {},
    // GraphiQL is for a development door: it runs any document and reads the schema.
    ...(door === "allow-listed" ? { frontDoor: { ...OPEN_FRONT_DOOR, trustedDocuments: { mode: "allow-listed", manifest } } } : {}),
  });
}

export interface SignInAs {
  agency: Agency;
  staffId: string;
  purpose: Purpose;
}

/**
 * Signs in the way a user does: the web app's form (agency, purpose), the agency's provider's
 * page (staff member, "Sign in"), back to the app, which shows who she is.
 */
export async function signInThroughProvider(page: Page, hub: RunningHub, as: SignInAs): Promise<void> {
  const origin = originOf(hub.url);
  await page.goto(`${origin}/app/`);
  await page.getByLabel("Myndighet / Agency").selectOption(as.agency);
  await page.getByLabel("Ändamål / Purpose").selectOption(as.purpose);
  await page.getByRole("button", { name: "Logga in / Sign in" }).click();
  const issuer = hub.identityProviders?.issuers.find((choice) => choice.agency === as.agency)?.issuer;
  if (!issuer) throw new Error(`the hub runs no provider for ${as.agency}`);
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('select[name="staffId"]').selectOption(as.staffId);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${origin}/app/`);
  await page.getByTestId("who").filter({ hasText: as.staffId }).waitFor();
}

/** Signs out: the app forgets the tokens, the provider asks once and ends its session, and the app's sign-in is back. */
export async function signOutThroughProvider(page: Page, hub: RunningHub): Promise<void> {
  await page.getByRole("button", { name: "Logga ut / Sign out" }).click();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await page.waitForURL(`${originOf(hub.url)}/app/`);
  await page.getByRole("button", { name: "Logga in / Sign in" }).waitFor();
}

const require = createRequire(import.meta.url);

/**
 * The WCAG 2 A and AA rules axe-core checks (labels, landmarks, contrast, names, ARIA), on the page
 * as it stands: the violations, by rule and element. axe is evaluated through the debugging
 * protocol, which the page's CSP does not govern; nothing is added to the page's own scripts.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return violations;
}

/**
 * Social services' on-call decides a pending break-the-glass request on her first screen (the page
 * is signed in as her with the purpose EMERGENCY): grants it for NECESSITY and `minutes`, or refuses
 * it, with `note`; waits until the decision is recorded and the request has left the pending list.
 */
export async function decideOnCall(page: Page, requestId: string, decision: "grant" | "refuse", note: string, minutes = 1): Promise<void> {
  const request = page.locator(`article[data-request="${requestId}"]`);
  await request.waitFor();
  await request.getByLabel("Anteckning / Note").fill(note);
  if (decision === "grant") {
    await request.getByLabel("Grund / Ground").selectOption("NECESSITY");
    await request.getByLabel("Minuter / Minutes").fill(String(minutes));
    await request.getByRole("button", { name: "Bevilja / Grant" }).click();
  } else {
    await request.getByRole("button", { name: "Avslå / Refuse" }).click();
  }
  await page.getByRole("status").filter({ hasText: `Beslut registrerat / Decision recorded: ${requestId}` }).waitFor();
  await request.waitFor({ state: "detached" });
}
