import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../demo-site/server.mjs';
import type { StoredVisit } from '../e2e/support/journey';
import { clickButton, fillByLabel, firefoxMissing, launchFirefoxExtension, readStore, tabIdOf, testIdText, type FirefoxExtension } from './support/firefox';

const missing = firefoxMissing();
if (missing) console.warn(missing);

/**
 * Issue 9: the Firefox build (dist-firefox/, the shipped one) in Firefox ESR. A researcher sets up the demo study
 * and a persona in the options page, starts a session from the popup and walks the shop: the visits are stored
 * by the background page and the popup lists them.
 */
describe.skipIf(missing)('the extension in Firefox', () => {
  let site: DemoSite;
  let otherPort: DemoSite;
  let ext: FirefoxExtension;
  let options: Page;

  beforeAll(async () => {
    site = await startDemoSite({ port: 0 });
    otherPort = await startDemoSite({ port: 0 });
    ext = await launchFirefoxExtension();
    options = await ext.openPage('src/ui/options/index.html');
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await otherPort?.close();
  });

  it('holds its loopback host permissions from install, without a prompt', async () => {
    const granted = await options.evaluate(() => chrome.permissions.getAll());
    expect(granted.origins?.sort()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('records a persona walk-through and shows it in the popup', async () => {
    await options.locator('[data-testid="create-demo-study"]').click();
    await clickButton(options, 'Edit', '[data-testid="study-item"]');
    await fillByLabel(options, 'Pages in scope (one match pattern per line)', `${site.url}/*`);
    await clickButton(options, 'Save study');
    await expect.poll(() => testIdText(options, 'options-status')).toMatch(/saved/);

    // The observer in the page's isolated world and the page-world script in its main world. Firefox matches no
    // pattern with a port, so they are registered for the host; the background still checks the port.
    const registered = await options.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered.map((script) => [script.id, script.world ?? 'ISOLATED', script.matches])).toEqual([
      ['journey-lens-observer', 'ISOLATED', ['http://127.0.0.1/*']],
      ['journey-lens-page-world', 'MAIN', ['http://127.0.0.1/*']],
    ]);

    await options.locator('[role="tab"]::-p-text(Personas)').click();
    await clickButton(options, 'New persona');
    await fillByLabel(options, 'Name', 'Minji');
    await fillByLabel(options, 'Goals', 'Buy a first smartphone');
    await clickButton(options, 'Save persona');
    await options.locator('[data-testid="persona-item"]::-p-text(Minji)').wait();

    const shop = await ext.browser.newPage();
    await shop.goto(`${site.url}/`);
    const popupPath = `src/ui/popup/index.html?tab=${await tabIdOf(options, `${site.url}/`)}`;

    const popup = await ext.openPage(popupPath);
    await expect.poll(() => testIdText(popup, 'current-stage')).toBe('Awareness');
    await popup.select('#session-persona', await popup.$eval('#session-persona', (select) => [...(select as HTMLSelectElement).options].find((o) => o.text === 'Minji')!.value));
    await popup.locator('#session-goal').fill('Buy a phone as a first-time buyer');
    await clickButton(popup, 'Start session');
    await expect.poll(() => testIdText(popup, 'session-visit-count')).toBe('1');
    await popup.close();

    for (const path of ['/category/phones', '/product/1', '/cart']) {
      await Promise.all([shop.waitForNavigation(), shop.locator(`a[href="${path}"]`).click()]);
    }
    await expect.poll(async () => (await readStore(options, 'visits')).length, { timeout: 15_000 }).toBe(4);

    // Another port of the same host is outside the study: the observer runs there (see above) but records nothing.
    const elsewhere = await ext.browser.newPage();
    await elsewhere.goto(`${otherPort.url}/category/phones`);
    const elsewhereTab = await tabIdOf(options, `${otherPort.url}/category/phones`);
    await expect.poll(() => options.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'tab.describe' }, { frameId: 0 }).then(() => 'answers', String), elsewhereTab)).toBe('answers');
    await Promise.all([shop.waitForNavigation(), shop.locator('a[href="/help"]').click()]);
    await expect.poll(async () => (await readStore(options, 'visits')).length, { timeout: 15_000 }).toBe(5);

    const visits = (await readStore<StoredVisit>(options, 'visits')).sort((a, b) => a.enteredAt - b.enteredAt);
    const [study] = await readStore<{ stages: { id: string; name: string }[] }>(options, 'studies');
    const stage = (id: string | null) => study!.stages.find((s) => s.id === id)?.name ?? 'untagged';
    expect(visits.map((v) => [v.url, stage(v.stageId), v.arrival])).toEqual([
      [`${site.url}/`, 'Awareness', 'session_start'],
      [`${site.url}/category/phones`, 'Consideration', 'navigate'],
      [`${site.url}/product/1`, 'Consideration', 'navigate'],
      [`${site.url}/cart`, 'Purchase', 'navigate'],
      [`${site.url}/help`, 'Retention', 'navigate'],
    ]);

    const during = await ext.openPage(popupPath);
    await expect.poll(() => testIdText(during, 'session-visit-count')).toBe('5');
    await expect.poll(() => testIdText(during, 'current-stage')).toBe('Retention');
    const listed = await during.$$eval('[data-testid="session-visits"] li', (items) => items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(listed).toEqual(visits.map((v) => `${v.pageKey} ${stage(v.stageId)}`).reverse());

    // The survey card is not in the injected script: the observer imports it from the add-on's files when shown.
    const prompt = {
      surveyId: crypto.randomUUID(),
      instrument: 'csat',
      trigger: 'on_demand',
      signalId: null,
      question: 'How easy was that?',
      options: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value), symbol: null })),
      lowLabel: 'Hard',
      highLabel: 'Easy',
    };
    const helpTab = await tabIdOf(options, `${site.url}/help`);
    await options.evaluate((id, spec) => chrome.tabs.sendMessage(id, { type: 'tab.prompt', prompt: spec }, { frameId: 0 }), helpTab, prompt);
    await expect.poll(() => shop.evaluate(() => document.querySelector('journey-lens-survey') !== null)).toBe(true);
  });

  // Issue 17, acceptance 4: the popup's "Side panel" opens Firefox's sidebar (a click is the user action Firefox
  // asks for), and the sidebar's page follows the live page: its stage and touchpoint through a navigation.
  it('opens the sidebar from the popup, and the sidebar shows the live page', async () => {
    const shop = (await ext.browser.pages()).find((page) => page.url() === `${site.url}/help`)!;
    const tabId = await tabIdOf(options, `${site.url}/help`);
    // Firefox opens an add-on's sidebar as it is installed: closed first, so the popup's button is seen opening it.
    // Closing takes a user action too: a button of the test's own, clicked.
    await options.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'test-close-sidebar';
      button.textContent = 'close sidebar';
      button.addEventListener('click', () => void (browser as unknown as { sidebarAction: { close(): Promise<void> } }).sidebarAction.close());
      document.body.prepend(button);
    });
    await options.locator('#test-close-sidebar').click();
    await expect.poll(() => options.evaluate(() => (browser as unknown as { sidebarAction: { isOpen(d: object): Promise<boolean> } }).sidebarAction.isOpen({}))).toBe(false);
    const popup = await ext.openPage(`src/ui/popup/index.html?tab=${tabId}`);
    await clickButton(popup, 'Side panel');
    await expect.poll(() => options.evaluate(() => (browser as unknown as { sidebarAction: { isOpen(d: object): Promise<boolean> } }).sidebarAction.isOpen({}))).toBe(true);

    // The sidebar's own document is out of WebDriver's reach: its page, opened in a tab told which tab to follow.
    const sidebar = await ext.openPage(`src/ui/panel/index.html?tab=${tabId}`);
    await expect.poll(() => testIdText(sidebar, 'current-page-key')).toBe('/help');
    await expect.poll(() => testIdText(sidebar, 'current-stage')).toBe('Retention');
    await shop.goto(`${site.url}/cart`);
    await expect.poll(() => testIdText(sidebar, 'current-page-key'), { timeout: 10_000 }).toBe('/cart');
    await expect.poll(() => testIdText(sidebar, 'current-stage')).toBe('Purchase');
    await expect.poll(() => testIdText(sidebar, 'session-visit-count')).toBe('6');
  });
});
