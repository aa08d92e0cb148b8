import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { waitUntil } from '../../e2e/support/browser';
import { readAllInBrowser } from '../../e2e/support/store-read';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = resolve(import.meta.dirname, '../../../dist-firefox');

/** Why the Firefox tests are skipped, or null when they can run. */
export function firefoxMissing(): string | null {
  return existsSync(FIREFOX_PATH) ? null : `Firefox tests skipped: no Firefox at ${FIREFOX_PATH} (apt-get install firefox-esr, or set FIREFOX_PATH)`;
}

export interface FirefoxExtension {
  browser: Browser;
  url: (path: string) => string;
  /** Opens one of the extension's pages in a new tab. */
  openPage: (path: string) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Debian's Firefox ESR over WebDriver BiDi with the build installed as a temporary add-on. The add-on's
 * moz-extension UUID is random per profile unless the `extensions.webextensions.uuids` pref names it: the test
 * picks it, so it can open the extension's pages.
 */
export async function launchFirefoxExtension(dist = DIST_FIREFOX): Promise<FirefoxExtension> {
  const manifest = JSON.parse(readFileSync(resolve(dist, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without it WebDriver BiDi refuses to navigate a tab to a moz-extension: address.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: uuid }) },
  });
  await browser.installExtension(dist);
  const url = (path: string) => `moz-extension://${uuid}/${path}`;
  return {
    browser,
    url,
    openPage: async (path) => {
      const page = await browser.newPage();
      await loadExtensionPage(page, url(path));
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Firefox's WebDriver BiDi reports no navigation or load events for moz-extension: documents, so `goto` never
 * settles there (it times out, and that rejection is dropped): the page itself says when it has loaded.
 */
async function loadExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => undefined);
  await waitUntil(async () => (await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '')) === `${url} complete`);
}

/** Reads one object store of the extension's database from one of its pages (same origin), for assertions only. */
export async function readStore<T = Record<string, unknown>>(extensionPage: Page, store: string): Promise<T[]> {
  return (await extensionPage.evaluate(readAllInBrowser, [store, 'getAll'] as const)) as T[];
}

/** The id of the tab showing `url`, asked from one of the extension's pages. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  // tabs.query({ url }) takes a match pattern, and Firefox matches none with a port.
  const id = await extensionPage.evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url);
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

/** Types into the field a <label> with exactly this text names. */
export async function fillByLabel(page: Page, label: string, text: string): Promise<void> {
  const id = await page.$$eval('label', (labels, wanted) => labels.find((l) => l.textContent?.trim() === wanted)?.htmlFor ?? null, label);
  if (!id) throw new Error(`No field labelled "${label}"`);
  await page.locator(`[id="${id}"]`).fill(text);
}

/** Clicks the button whose text is exactly this. */
export async function clickButton(page: Page, text: string, within = ''): Promise<void> {
  await page.locator(`${within} button::-p-text(${text})`.trim()).click();
}

/** The text of an element by test id, once it exists. */
export async function testIdText(page: Page, testId: string): Promise<string> {
  return page.$eval(`[data-testid="${testId}"]`, (el) => (el as HTMLElement).innerText).catch(() => '');
}
