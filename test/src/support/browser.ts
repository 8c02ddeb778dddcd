import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

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

/** A new context (no shared storage) and page, recording its problems and responses. */
export async function openPage(browser: Browser): Promise<PageRecord> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
  const page = await context.newPage();
  const record: PageRecord = { page, context, problems: [], bodies: [] };
  page.on("console", (message) => {
    if (message.type() === "error") record.problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => record.problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    void response.text().then(
      (body) => record.bodies.push({ url: response.url(), body }),
      () => undefined,
    );
  });
  return record;
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
