import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../demo-site/server.mjs';
import { extensionWorlds, launchExtension, openPopup, readStore, type Extension } from './support/browser';
import { createDemoStudy } from './support/journey';

/** Issue 2, acceptance 3 and 4: nothing is recorded outside a study's scope or a session, and bad messages write nothing. */
describe('what is never recorded', () => {
  let site: DemoSite;
  let elsewhere: DemoSite;
  let ext: Extension;

  beforeAll(async () => {
    site = await startDemoSite({ port: 0 });
    elsewhere = await startDemoSite({ port: 0 });
    ext = await launchExtension();
    await createDemoStudy(ext, site.url);
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await elsewhere?.close();
  });

  async function counts() {
    const stores = ['studies', 'personas', 'sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite', 'meta'];
    return Object.fromEntries(await Promise.all(stores.map(async (s) => [s, (await readStore(ext, s)).length])));
  }

  it('a page in scope with no session running produces no record, and says it is not recording', async () => {
    const before = await counts();
    const page = await ext.context.newPage();
    await page.goto(`${site.url}/product/2`);
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.waitForURL('**/cart');
    const popup = await openPopup(ext, page);
    await expect.poll(() => popup.getByTestId('current-stage').textContent()).toBe('Purchase');
    await expect.poll(() => popup.getByRole('button', { name: 'Start session' }).isVisible()).toBe(true);
    await popup.close();
    await page.close();
    expect(await counts()).toEqual(before);
  });

  it('a page outside every study’s scope produces no record even while a session runs', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${site.url}/`);
    const popup = await openPopup(ext, page);
    await popup.getByRole('button', { name: 'Start session' }).click();
    await expect.poll(async () => (await readStore(ext, 'visits')).length).toBe(1);
    await popup.close();
    const before = await counts();

    const outside = await ext.context.newPage();
    await outside.goto(`${elsewhere.url}/about`);
    await outside.getByRole('link', { name: 'Careers' }).click();
    await outside.goto(`${elsewhere.url}/help#/article/returns`);
    const outsidePopup = await openPopup(ext, outside);
    await expect.poll(() => outsidePopup.getByText('This page is not in any study').isVisible()).toBe(true);
    await outsidePopup.close();
    // No observer runs there at all (another port of the same host), while the in-scope page has one.
    expect(await extensionWorlds(ext, outside)).toBe(0);
    expect(await extensionWorlds(ext, page)).toBe(1);
    await outside.close();
    expect(await counts()).toEqual(before);
  });

  it('a malformed message (wrong shape, unknown type) is refused with its path and writes nothing', async () => {
    const before = await counts();
    const options = await ext.context.newPage();
    await options.goto(ext.url('src/ui/options/index.html'));
    const replies = await options.evaluate(async () => {
      const send = (message: unknown) => chrome.runtime.sendMessage(message);
      return Promise.all([
        send({ type: 'ui.study.delete' }),
        send({ type: 'ui.study.wipe', studyId: crypto.randomUUID() }),
        send({ type: 'content.events', events: [{ kind: 'visit.start', eventId: crypto.randomUUID(), visit: {} }] }),
        send({ type: 'ui.persona.save', persona: { id: 'not-a-uuid', name: '<img src=x onerror=alert(1)>' } }),
        send('<script>'),
      ]);
    });
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: 'Malformed message' });
    expect(replies[0].issues[0].path).toBe('studyId');
    expect(replies[3].issues.map((i: { path: string }) => i.path)).toContain('persona.id');
    await options.close();
    expect(await counts()).toEqual(before);
  });

  it('a web page has no way to message the background', async () => {
    const before = await counts();
    const page = await ext.context.newPage();
    await page.goto(`${elsewhere.url}/`);
    const attempt = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime';
      try {
        await runtime.sendMessage(id, { type: 'ui.session.stop', outcome: 'abandoned' });
        return 'sent';
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    }, ext.id);
    expect(attempt).not.toBe('sent');
    await page.close();
    expect(await counts()).toEqual(before);
    const [session] = await readStore<{ endedAt: number | null }>(ext, 'sessions');
    expect(session!.endedAt).toBeNull();
  });
});
