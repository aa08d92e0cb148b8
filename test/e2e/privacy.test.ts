import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { OUTBOX_PREFIX } from '../../src/core/outbox';
import { downloadFileFrom, dumpStores, readStore, waitUntil } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop, type StoredVisit } from './support/journey';

/**
 * What is typed or chosen on the demo site's checkout lab (/lab/checkout) and search page, one canary per field
 * kind, so a failure names the kind that leaked. The select's and the listbox's canaries are option labels of the
 * page: choosing one is what must leave no trace. Compared case-insensitively.
 */
const TYPED = {
  text: 'CANARY-text-a41f',
  email: 'canary-email-b52e',
  password: 'CANARY-pass-c63d',
  number: '918273645501',
  textarea: 'CANARY-notes-d74c',
  contenteditable: 'CANARY-bio-e85b',
  'contenteditable, second line': 'CANARY-line-f96a',
  'cc-number': '4929073055186601',
  'cc-exp': 'CANARY-exp-0a7b',
  'cc-csc': 'CANARY-csc-1b8c',
  'named cardholder': 'CANARY-holder-2c9d',
  'named cvv': 'CANARY-cvv-3d0e',
  select: 'CANARY-select-5d1e',
  listbox: 'CANARY-listbox-8c2b',
  search: 'CANARYsearch4e1f',
  'password typed after show': 'CANARY-shown-7a2c',
};

/** The field kinds whose canary is in `text`. */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return Object.entries(TYPED)
    .filter(([, canary]) => lower.includes(canary.toLowerCase()))
    .map(([kind]) => kind);
}

/** Fields that are sensitive for good: described without a name (PRODUCT.md §9). */
const SENSITIVE = ['#pv-word', '#pv-cc', '#pv-exp', '#pv-csc', '#pv-holder', '#pv-verify'];

interface Spy {
  messages: string[];
  ports: string[];
  session: string[];
}

interface StoredSignal {
  kind: string;
  visitId: string;
  element: { selector: string; name: string | null } | null;
  detail: Record<string, unknown>;
}

/**
 * Issue 8, PRODUCT.md §9 "Never stored": a canary typed into every kind of input (text, email, password, number,
 * textarea, contenteditable, card number, expiry and security code, fields named card and cvv, a search box whose
 * value goes into the URL) or chosen in a select and a listbox leaves no trace in IndexedDB, in any message a
 * content script sends the background, in chrome.storage.session (the outbox of closing pages) nor in any export;
 * and the descriptions of clicks on and around the filled fields and of the abandoned forms hold no value.
 */
describe('nothing typed or chosen is stored, sent or exported', () => {
  const env = useShop();
  let shop: Page;
  let spied: Worker;

  /** Records every runtime message, port message and storage.session change the worker gets, as JSON. */
  async function installSpy(): Promise<void> {
    spied = await env.ext.worker();
    await spied.evaluate(() => {
      const spy: Spy = { messages: [], ports: [], session: [] };
      (globalThis as { __privacySpy?: Spy }).__privacySpy = spy;
      chrome.runtime.onMessage.addListener((message) => void spy.messages.push(JSON.stringify(message)));
      chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((message) => void spy.ports.push(JSON.stringify(message))));
      chrome.storage.onChanged.addListener((changes, area) => area === 'session' && void spy.session.push(JSON.stringify(changes)));
    });
  }

  /** What the spy caught; throws if the worker was stopped since (a new worker has no spy, and would miss messages). */
  async function caught(): Promise<Spy> {
    const live = await env.ext.worker();
    const spy = await live.evaluate(() => (globalThis as { __privacySpy?: Spy }).__privacySpy ?? null);
    if (live !== spied || !spy) throw new Error('The service worker was restarted: its message spy is gone');
    return spy;
  }

  /** Everything in chrome.storage.session now, read in the worker. */
  function sessionStorageNow(): Promise<Record<string, unknown>> {
    return env.ext.worker().then((w) => w.evaluate(() => chrome.storage.session.get(null)));
  }

  async function visit(page: Page, path: string): Promise<StoredVisit> {
    const before = new Set((await readStore<StoredVisit>(env.ext, 'visits')).map((v) => v.id));
    await page.goto(`${env.site.url}${path}`);
    let fresh: StoredVisit | undefined;
    const mine = (v: StoredVisit) => !before.has(v.id) && v.url === `${env.site.url}${path}`;
    await waitUntil(async () => (fresh = (await readStore<StoredVisit>(env.ext, 'visits')).find(mine)) !== undefined);
    return fresh!;
  }

  const signals = () => readStore<StoredSignal>(env.ext, 'signals');

  /** Where clicks around the filled fields go: a hint, and wrappers in their padding, off the label and the field. */
  const AROUND: [string, { x: number; y: number } | undefined][] = [
    ['#pv-name-hint', undefined],
    ['#pv-cc-field', { x: 4, y: 4 }],
    ['#pv-notes-field', { x: 4, y: 4 }],
  ];
  /** Clicks on these place a caret or choose: the fields, a line of the gift message, an option of the listbox. */
  const IN_FIELDS = ['#pv-name', '#pv-word', '#pv-qty', '#pv-notes', '#pv-cc', '#pv-plan', '#pv-bio > div', '#pv-topics > option:nth-of-type(2)'];

  /** The selectors of the elements of the checkout visit's signals of `kind`. */
  async function describedSignals(kind: string): Promise<string[]> {
    return (await signals()).filter((s) => s.visitId === checkout.id && s.kind === kind).map((s) => s.element?.selector ?? '');
  }

  async function clickTimes(page: Page, selector: string, times: number, position?: { x: number; y: number }): Promise<void> {
    for (let i = 0; i < times; i++) await page.locator(selector).click({ delay: 20, position });
  }

  beforeAll(async () => {
    await createDemoStudy(env.ext, env.site.url);
    shop = await startSessionOnShop(env);
    await installSpy();
  });

  it('the spy catches what a page sends the background', async () => {
    await visit(shop, '/category/phones');
    const { messages } = await caught();
    expect(messages.some((m) => m.includes('"type":"content.hello"') && m.includes('/category/phones'))).toBe(true);
    // The visit of the page's load goes with the hello (its title, the referrer without its query), events after it.
    expect(messages.some((m) => m.includes('"type":"content.hello"') && m.includes('"visit":{"eventId"'))).toBe(true);
  });

  let checkout: StoredVisit;

  it('filling every field, clicking on and around them and leaving the form records signals without a value', async () => {
    await shop.setViewportSize({ width: 1280, height: 1600 });
    checkout = await visit(shop, '/lab/checkout');
    await shop.locator('#pv-name').pressSequentially(TYPED.text);
    await shop.locator('#pv-email').pressSequentially(`${TYPED.email}@example.com`);
    await shop.locator('#pv-word').pressSequentially(TYPED.password);
    await shop.locator('#pv-word-toggle').click(); // shown as text now: still a password field
    await shop.locator('#pv-word').press('End');
    await shop.keyboard.type('!');
    await shop.locator('#pv-word-toggle').click();
    await shop.locator('#pv-qty').pressSequentially(TYPED.number);
    await shop.locator('#pv-notes').pressSequentially(TYPED.textarea);
    await shop.locator('#pv-bio').click();
    await shop.keyboard.type(TYPED.contenteditable);
    await shop.keyboard.press('Enter');
    await shop.keyboard.type(TYPED['contenteditable, second line']);
    await shop.locator('#pv-cc').pressSequentially(TYPED['cc-number']);
    await shop.locator('#pv-exp').pressSequentially(TYPED['cc-exp']);
    await shop.locator('#pv-csc').pressSequentially(TYPED['cc-csc']);
    await shop.locator('#pv-holder').pressSequentially(TYPED['named cardholder']);
    // Chosen with the keyboard, as a person does: Playwright's selectOption dispatches untrusted events.
    await shop.locator('#pv-plan').focus();
    await shop.keyboard.press('ArrowDown');
    expect(await shop.locator('#pv-plan').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toContain(TYPED.select);
    await shop.locator('#pv-topics option', { hasText: TYPED.listbox }).click();
    expect(await shop.locator('#pv-topics').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toContain(TYPED.listbox);

    // Clicks in the filled fields and on their labels place a caret or choose: no signal. Around them they are
    // rage clicks, described by what was clicked; never dead clicks, as plain text and wrappers ask for nothing.
    // (The whole form is in view: no click scrolls, which would count as the page answering.)
    for (const selector of IN_FIELDS) await clickTimes(shop, selector, 4);
    for (const label of ['Full name', 'Card number', 'Delivery notes']) {
      for (let i = 0; i < 4; i++) await shop.getByText(label, { exact: true }).click({ delay: 20 });
    }
    // A focus change just before a click counts as its answer (focus moves on mousedown): the last label click's.
    await shop.waitForTimeout(1200);
    for (const [selector, position] of AROUND) await clickTimes(shop, selector, 4, position);
    const around = AROUND.map(([selector]) => selector);
    await expect.poll(() => describedSignals('rage_click'), { timeout: 15_000 }).toEqual(expect.arrayContaining(around));
    // The last field typed into is the one the abandoned form is described by: a cvv, sensitive by its name.
    await shop.locator('#pv-verify').pressSequentially(TYPED['named cvv']);
    await shop.getByRole('link', { name: 'Help', exact: true }).first().click();
    await shop.waitForURL('**/help');

    await expect.poll(async () => (await signals()).some((s) => s.kind === 'form_abandonment' && s.visitId === checkout.id), { timeout: 15_000 }).toBe(true);
    const here = (await signals()).filter((s) => s.visitId === checkout.id);
    expect(here.find((s) => s.element?.selector === '#pv-cc-field')!.element!.name).toMatch(/^Card number ?16 digits$/);
    // No click in a field or on its label is a signal: a caret is no frustration.
    expect(here.filter((s) => s.element && IN_FIELDS.includes(s.element.selector))).toEqual([]);
    expect(here.filter((s) => s.kind === 'dead_click')).toEqual([]);
    const abandoned = here.find((s) => s.kind === 'form_abandonment')!;
    expect(abandoned.element).toMatchObject({ selector: '#pv-verify', name: null });
    expect(abandoned.detail.fields).toBeGreaterThanOrEqual(13);
    for (const signal of here) {
      expect(leaks(JSON.stringify(signal)), `${signal.kind} on ${signal.element?.selector}`).toEqual([]);
      if (signal.element && SENSITIVE.includes(signal.element.selector)) expect(signal.element.name, signal.element.selector).toBeNull();
    }
  });

  it('a tab closed mid-typing leaves nothing typed in its outbox, and a password shown before typing stays sensitive', async () => {
    const tab = await env.ext.context.newPage();
    const before = (await caught()).session.length;
    const closing = await visit(tab, '/lab/checkout');
    await tab.locator('#pv-notes').pressSequentially(TYPED.textarea);
    // Shown before anything is typed: the field was a password field all the same.
    await tab.locator('#pv-word-toggle').click();
    await tab.locator('#pv-word').pressSequentially(TYPED['password typed after show']);
    await tab.close();
    expect(leaks(JSON.stringify(await sessionStorageNow()))).toEqual([]);

    await expect.poll(async () => (await signals()).find((s) => s.visitId === closing.id && s.kind === 'form_abandonment') ?? null, { timeout: 15_000 }).not.toBeNull();
    // The closing page wrote its outbox (the spy saw the write, and the form abandonment in it) …
    const written = (await caught()).session.slice(before);
    expect(written.some((change) => change.includes(OUTBOX_PREFIX) && change.includes('form_abandonment'))).toBe(true);
    expect(leaks(written.join('\n'))).toEqual([]);
    // … and the worker applied and removed it.
    await expect.poll(() => sessionStorageNow().then((all) => Object.keys(all).filter((k) => k.startsWith(OUTBOX_PREFIX)))).toEqual([]);
    const abandoned = (await signals()).find((s) => s.visitId === closing.id && s.kind === 'form_abandonment')!;
    expect(abandoned.element).toMatchObject({ selector: '#pv-word', name: null });
  });

  it('a search typed into the search box is neither in a visit URL nor in a title', async () => {
    await visit(shop, '/search');
    await shop.locator('#search-q').pressSequentially(TYPED.search);
    await shop.locator('#search-q').press('Enter');
    await shop.waitForURL(`**/search?q=${TYPED.search}`);
    expect(await shop.title()).toContain(TYPED.search);
    // Loaded again with the query: a new visit, whose title the page writes the search into.
    const reloaded = (await readStore(env.ext, 'visits')).length;
    await shop.reload();
    await expect.poll(async () => (await readStore(env.ext, 'visits')).length).toBe(reloaded + 1);
    const searches = (await readStore<StoredVisit & { title: string }>(env.ext, 'visits')).filter((v) => v.url.endsWith('/search'));
    expect(searches.length).toBe(2);
    expect(searches.map((v) => v.title)).toContain('Search results for “•••” – Northwind Phones');
    for (const v of await readStore<StoredVisit>(env.ext, 'visits')) expect(v.url).not.toContain('?');
  });

  it('no canary in IndexedDB, in any message or port message, nor in storage.session', async () => {
    const dump = JSON.stringify(await dumpStores(env.ext));
    expect(dump).toContain('form_abandonment');
    expect(leaks(dump)).toEqual([]);
    const spy = await caught();
    // Every kind of event went by: visits (proposed with a page's hello), signals of both kinds of element, leaves.
    const sent = spy.messages.join('\n');
    for (const kind of ['"visit":{"eventId"', 'visit.leave', 'rage_click', 'form_abandonment']) expect(sent).toContain(kind);
    expect(leaks(sent)).toEqual([]);
    expect(leaks(spy.ports.join('\n'))).toEqual([]);
    expect(leaks(spy.session.join('\n'))).toEqual([]);
    expect(leaks(JSON.stringify(await sessionStorageNow()))).toEqual([]);
  });

  it('no canary in any export: JSON, each CSV, the Markdown report and the SVG map', async () => {
    // A page that downloads many files in a row may be held back by the browser (automatic downloads): each file
    // is downloaded from a fresh map tab.
    const mapTab = async () => {
      const options = await env.ext.context.newPage();
      await options.goto(env.ext.url('src/ui/options/index.html'));
      await options.getByRole('tab', { name: 'Journey map' }).click();
      await options.getByTestId('journey-map').waitFor();
      return options;
    };
    const listing = await mapTab();
    const names = await listing.getByRole('button', { name: /^Download (JSON|CSV: .+|Markdown report|SVG)$/ }).allInnerTexts();
    await listing.close();
    expect(names).toHaveLength(11); // JSON, 8 CSVs (visits, signals, responses, notes, feedback, sessions, personas, off-site), the report, the SVG
    for (const name of names) {
      const options = await mapTab();
      const file = await downloadFileFrom(env.ext, options, () => options.getByRole('button', { name, exact: true }).click());
      const text = file.data.toString('utf8');
      expect(text.length, name).toBeGreaterThan(50);
      expect(leaks(text), `${name} (${file.name})`).toEqual([]);
      if (name === 'Download CSV: signals') expect(text).toContain('form_abandonment');
      await options.close();
    }
    await caught(); // the worker ran all along: the message checks above saw every message
  });
});
