import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../demo-site/server.mjs';
import { axeViolations } from './support/axe';
import { DIST_TEST, launchExtension, openPopup, readStore, readStoreKeys, waitUntil, type Extension } from './support/browser';
import { createDemoStudy, startSessionOnShop } from './support/journey';
import { contextMenu, writeNote } from './support/page-tools';
import { shadowBoxes } from './support/shadow';
import { composeReady, panelFor } from './support/compose';
import { startTeamServer, type TeamServer } from '../../scripts/team-server.mjs';

const DATABASE = 'northwind-team';

interface Stored {
  id: string;
  text?: string;
  name?: string;
  studyId?: string;
  screenshotId?: string | null;
  sessionId?: string;
}

/** The options page's Team sync tab, filled in for the test server, and submitted. */
/** `study` is a study's id, or 'join'. */
async function turnOnSync(options: Page, server: TeamServer, study: string): Promise<void> {
  await options.getByRole('tab', { name: 'Team sync' }).click();
  await options.getByLabel('Study', { exact: true }).selectOption(study);
  await options.getByLabel(/^Server address/).fill(server.url);
  await options.getByLabel('Database name').fill(DATABASE);
  await options.getByLabel('Also send feedback screenshots').check();
  expect(await options.getByTestId('sync-what-is-sent').innerText()).toContain('and the screenshots of its feedback reports');
  await options.getByRole('button', { name: study === 'join' ? 'Join and sync' : 'Turn on sync' }).click();
  await options.getByTestId('sync-state').filter({ hasText: 'Up to date' }).waitFor({ timeout: 20_000 }).catch(async (error) => {
    console.log('SYNC TAB', await options.locator('main, body').first().innerText());
    throw error;
  });
}

/** Renames the study in the options page's study editor, as a person does. */
async function renameStudy(options: Page, name: string): Promise<void> {
  await options.getByRole('tab', { name: 'Studies' }).click();
  await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
  await options.getByLabel('Study name').fill(name);
  await options.getByRole('button', { name: 'Save study' }).click();
  await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
}

/**
 * Issue 20: two browser profiles sync one study through a CouchDB-protocol server on loopback (pouchdb-server in
 * memory): what A records reaches B's map, pins and feedback list; B records while the server is down and both
 * catch up; a concurrent rename is a conflict both show; a hostile document is refused and stored nowhere.
 */
describe('team sync', () => {
  let server: TeamServer;
  let site: DemoSite;
  let a: Extension;
  let b: Extension;
  let optionsA: Page;
  let optionsB: Page;
  let studyId: string;

  beforeAll(async () => {
    server = await startTeamServer();
    site = await startDemoSite({ port: 0 });
    a = await launchExtension({ dist: DIST_TEST });
    b = await launchExtension({ dist: DIST_TEST });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await site?.close();
    await server?.close();
  });

  it('sends nothing until turned on, then says what is sent and joins B to A’s study', async () => {
    optionsA = await createDemoStudy(a, site.url);
    studyId = (await readStore<Stored>(a, 'studies'))[0]!.id;
    expect(((await server.request('/_all_dbs')) as string[]).filter((name) => !name.startsWith('_'))).toEqual([]);
    await turnOnSync(optionsA, server, studyId);
    optionsB = await b.context.newPage();
    await optionsB.goto(b.url('src/ui/options/index.html'));
    await turnOnSync(optionsB, server, 'join');
    await waitUntil(async () => (await readStore<Stored>(b, 'studies')).some((s) => s.id === studyId));
  });

  it('a session, a note and a report with its screenshot made in A appear in B’s map, pins and feedback list within 10 s', async () => {
    const shop = await startSessionOnShop({ site, ext: a });
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    await writeNote(a, shop, '#apply-coupon', 'Coupon box hides the total');
    await contextMenu(a, shop, 'feedback', '#apply-coupon');
    // Written where the extension's pages are, never in the shop (the side panel, or its window).
    const form = (await composeReady(a, shop)).page;
    await form.keyboard.type('Apply coupon does nothing');
    await form.keyboard.press('Control+Enter');
    await waitUntil(async () => (await readStore<Stored>(a, 'feedback')).length === 1);
    const popup = await openPopup(a, shop);
    await popup.getByRole('button', { name: /Stop: goal reached/ }).click();
    await popup.getByTestId('last-session').waitFor();
    await popup.close();
    await waitUntil(async () => (await readStore<{ endedAt: number | null }>(a, 'sessions'))[0]?.endedAt != null);
    const made = Date.now();

    const [report] = await readStore<Stored>(a, 'feedback');
    await waitUntil(async () => {
      const [sessions, notes, reports, shots] = await Promise.all([readStore<{ endedAt: number | null }>(b, 'sessions'), readStore(b, 'annotations'), readStore(b, 'feedback'), readStoreKeys(b, 'screenshots')]);
      return sessions[0]?.endedAt != null && notes.length === 1 && reports.length === 1 && shots.includes(report!.screenshotId!);
    }, 10_000);
    const took = Date.now() - made;
    console.log(`[sync] A's session, note and report with screenshot stored in B after ${took} ms`);
    expect(took).toBeLessThan(10_000);

    // B's feedback list, its journey map and the pin on B's own visit of the page.
    await optionsB.reload();
    await optionsB.getByRole('tab', { name: 'Feedback' }).click();
    await optionsB.getByText('Apply coupon does nothing').first().waitFor();
    await optionsB.getByRole('tab', { name: 'Journey map' }).click();
    await optionsB.getByText('Coupon box hides the total').first().waitFor({ state: 'attached' });
    const shopB = await b.context.newPage();
    await shopB.goto(`${site.url}/cart`);
    await expect.poll(async () => (await shadowBoxes(b, shopB, 'JOURNEY-LENS-PINS', 'pin').catch(() => [])).length).toBe(1);
    await shopB.close();
    await shop.close();
  });

  it('B keeps recording while the server is down, and both catch up when it returns', async () => {
    await optionsB.getByRole('tab', { name: 'Team sync' }).click();
    await server.stop();
    // The status says why, in plain words.
    await expect.poll(() => optionsB.getByTestId('sync-state').innerText(), { timeout: 15_000 }).toContain('Not syncing — the server cannot be reached');
    // B walks and A writes a note while neither can reach the server.
    const shopB = await startSessionOnShop({ site, ext: b });
    // The side panel beside the walk says so too.
    const panelB = await panelFor(b, shopB);
    await expect.poll(() => panelB.getByTestId('panel-sync').innerText(), { timeout: 15_000 }).toContain('Not syncing');
    await panelB.close();
    await shopB.getByRole('link', { name: /^Cart/ }).click();
    await shopB.waitForURL('**/cart');
    const popup = await openPopup(b, shopB);
    await popup.getByRole('button', { name: /Stop: goal reached/ }).click();
    await popup.getByTestId('last-session').waitFor();
    await popup.close();
    await waitUntil(async () => (await readStore<{ endedAt: number | null }>(b, 'sessions')).filter((s) => s.endedAt != null).length === 2, 20_000);
    const shopA = await a.context.newPage();
    await shopA.goto(`${site.url}/product/1`);
    await writeNote(a, shopA, 'h1', 'Nobody reads the spec sheet');
    await shopA.close();
    await shopB.close();

    // An in-memory server comes back empty: the database is created again, and both copies fill it.
    await server.start();
    await server.request(`/${DATABASE}`, { method: 'PUT' });
    const back = Date.now();
    await waitUntil(async () => {
      const [sessionsA, notesB] = await Promise.all([readStore(a, 'sessions'), readStore(b, 'annotations')]);
      return sessionsA.length === 2 && notesB.length === 2;
    }, 30_000).catch(async (error) => {
      for (const [name, ext, options] of [['A', a, optionsA], ['B', b, optionsB]] as const) {
        const status = await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'ui.sync.get', studyId: id }), studyId);
        console.log(name, JSON.stringify(status), (await readStore(ext, 'sessions')).length, (await readStore(ext, 'annotations')).length);
      }
      console.log('SERVER', JSON.stringify(await server.request(`/${DATABASE}/_all_docs`)).slice(0, 2000));
      throw error;
    });
    console.log(`[sync] caught up ${Date.now() - back} ms after the server returned`);
    await optionsB.getByTestId('sync-state').filter({ hasText: 'Up to date' }).waitFor({ timeout: 15_000 });
  });

  it('a study renamed in A and in B at the same time is a conflict both show, with the same version kept', async () => {
    await server.stop();
    await renameStudy(optionsA, 'Northwind (from A)');
    await renameStudy(optionsB, 'Northwind (from B)');
    await server.start();
    await server.request(`/${DATABASE}`, { method: 'PUT' });
    for (const options of [optionsA, optionsB]) {
      await options.getByRole('tab', { name: 'Team sync' }).click();
      await options.getByTestId('sync-conflict').waitFor({ timeout: 30_000 });
    }
    const versions = (options: Page) => options.getByTestId('sync-conflict').getByTestId('sync-version').allInnerTexts();
    expect((await versions(optionsA)).sort()).toEqual(['Northwind (from A)', 'Northwind (from B)']);
    expect(await versions(optionsB)).toEqual(await versions(optionsA));
    // The tab with its status and the conflict passes axe-core with nothing serious or critical.
    expect(await axeViolations(optionsA)).toEqual([]);
    const [kept] = await versions(optionsA);
    await waitUntil(async () => (await readStore<Stored>(a, 'studies'))[0]!.name === kept && (await readStore<Stored>(b, 'studies'))[0]!.name === kept);

    // Picking the other version in B makes it the one everywhere, and the conflict goes in both.
    const other = (await versions(optionsB))[1]!;
    await optionsB.getByTestId('sync-conflict').getByRole('listitem').filter({ hasText: other }).getByRole('button', { name: 'Keep this version' }).click();
    await waitUntil(async () => (await readStore<Stored>(a, 'studies'))[0]!.name === other && (await readStore<Stored>(b, 'studies'))[0]!.name === other, 15_000);
    for (const options of [optionsA, optionsB]) await options.getByTestId('sync-conflict').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('refuses and reports a hostile document put straight into the team database, and stores nothing of it', async () => {
    const [session] = await readStore<Stored>(a, 'sessions');
    const [visit] = await readStore<Stored & Record<string, unknown>>(a, 'visits');
    const otherStudy = crypto.randomUUID();
    const hostile = [
      // Not a visit at all.
      { _id: `visits:${crypto.randomUUID()}`, studyId, record: { id: 'x', script: '<img src=x onerror=alert(1)>' } },
      // A well-formed visit filed under another study.
      { _id: `visits:${crypto.randomUUID()}`, studyId, record: { ...visit, id: undefined, studyId: otherStudy } },
      // Someone else's study id on the document.
      { _id: `sessions:${crypto.randomUUID()}`, studyId: otherStudy, record: { ...session, studyId: otherStudy } },
    ].map((doc) => ({ ...doc, record: { ...doc.record, id: doc.record.id === 'x' ? 'x' : doc._id.split(':')[1] } }));
    await server.request(`/${DATABASE}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: hostile }) });
    for (const [ext, options] of [[a, optionsA], [b, optionsB]] as const) {
      await options.getByTestId('sync-refused').waitFor({ timeout: 15_000 });
      await expect.poll(() => options.getByTestId('sync-refused').innerText()).toContain(hostile[2]!._id);
      const text = await options.getByTestId('sync-refused').innerText();
      expect(text).toContain(`${hostile[0]!._id}: Invalid visits: id: Invalid UUID`);
      expect(text).toContain(`${hostile[1]!._id}: Belongs to another study`);
      expect(text).toContain(`${hostile[2]!._id}: Belongs to another study`);
      const ids = [...(await readStoreKeys(ext, 'visits')), ...(await readStoreKeys(ext, 'sessions'))];
      for (const doc of hostile) expect(ids).not.toContain(doc._id.split(':')[1]);
    }
  });
});
