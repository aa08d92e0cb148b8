import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../demo-site/server.mjs';
import { dumpStores, extensionWorlds, openPopup, readStore } from './support/browser';
import { createDemoStudy, useShop } from './support/journey';

/** Issue 2, acceptance 3 and 4: nothing is recorded outside a study's scope or a session, and bad messages write nothing. */
describe('what is never recorded', () => {
  const env = useShop();
  let elsewhere: DemoSite;

  beforeAll(async () => {
    elsewhere = await startDemoSite({ port: 0 });
    await createDemoStudy(env.ext, env.site.url);
  });
  afterAll(() => elsewhere?.close());

  async function counts() {
    return Object.fromEntries(Object.entries(await dumpStores(env.ext)).map(([store, records]) => [store, records.length]));
  }

  it('a page in scope with no session running produces no record, and says it is not recording', async () => {
    const before = await counts();
    const page = await env.ext.context.newPage();
    await page.goto(`${env.site.url}/product/2`);
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.waitForURL('**/cart');
    const popup = await openPopup(env.ext, page);
    await expect.poll(() => popup.getByTestId('current-stage').textContent()).toBe('Purchase');
    await expect.poll(() => popup.getByRole('button', { name: 'Start session' }).isVisible()).toBe(true);
    await popup.close();
    await page.close();
    expect(await counts()).toEqual(before);
  });

  it('a page outside every study’s scope produces no record even while a session runs', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(`${env.site.url}/`);
    const popup = await openPopup(env.ext, page);
    await popup.getByRole('button', { name: 'Start session' }).click();
    await expect.poll(async () => (await readStore(env.ext, 'visits')).length).toBe(1);
    await popup.close();
    const before = await counts();

    const outside = await env.ext.context.newPage();
    await outside.goto(`${elsewhere.url}/about`);
    await outside.getByRole('link', { name: 'Careers' }).click();
    await outside.goto(`${elsewhere.url}/help#/article/returns`);
    const outsidePopup = await openPopup(env.ext, outside);
    await expect.poll(() => outsidePopup.getByText('This page is not in any study').isVisible()).toBe(true);
    await outsidePopup.close();
    // No observer runs there at all (another port of the same host), while the in-scope page has one.
    expect(await extensionWorlds(env.ext, outside)).toBe(0);
    expect(await extensionWorlds(env.ext, page)).toBe(1);
    await outside.close();
    expect(await counts()).toEqual(before);
  });

  it('a malformed message (wrong shape, unknown type) is refused with its path and writes nothing', async () => {
    const before = await counts();
    const options = await env.ext.context.newPage();
    await options.goto(env.ext.url('src/ui/options/index.html'));
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
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: 'errorMalformedMessage' });
    expect(replies[0].issues[0].path).toBe('studyId');
    expect(replies[3].issues.map((i: { path: string }) => i.path)).toContain('persona.id');
    await options.close();
    expect(await counts()).toEqual(before);
  });

  it('a web page has no way to message the background', async () => {
    const before = await counts();
    const page = await env.ext.context.newPage();
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
    }, env.ext.id);
    expect(attempt).not.toBe('sent');
    await page.close();
    expect(await counts()).toEqual(before);
    const [session] = await readStore<{ endedAt: number | null }>(env.ext, 'sessions');
    expect(session!.endedAt).toBeNull();
  });

  it('the extension’s own pages run no inline script, no eval and no code from elsewhere (their CSP)', async () => {
    for (const path of ['src/ui/options/index.html', 'src/ui/popup/index.html']) {
      const page = await env.ext.context.newPage();
      await page.goto(env.ext.url(path));
      // Each way a stored string could become code, tried from inside the page; the policy refuses each.
      const outcome = await page.evaluate(async (remote) => {
        const ran: string[] = [];
        (window as unknown as { __jlRan: string[] }).__jlRan = ran;
        const refused: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => refused.push(`${e.effectiveDirective} ${e.blockedURI}`));
        // From a task of the page's own: code that DevTools evaluates may be exempt from the policy's eval rule.
        const evalError = await new Promise<string>((done) =>
          setTimeout(() => {
            try {
              (0, eval)('__jlRan.push("eval")');
              done('');
            } catch (error) {
              done((error as Error).name);
            }
          }),
        );
        const inline = document.createElement('script');
        inline.textContent = '__jlRan.push("inline script")';
        document.head.append(inline);
        const outside = document.createElement('script');
        outside.src = remote;
        const settled = new Promise((done) => (outside.onerror = outside.onload = done));
        document.head.append(outside);
        const image = document.createElement('img');
        image.setAttribute('onerror', '__jlRan.push("inline handler")');
        image.src = 'data:,';
        document.body.append(image);
        await settled;
        await new Promise((done) => setTimeout(done, 200));
        // Chromium enforces its own MV3 minimum beside the manifest's policy: a violation of both is reported twice.
        return { ran, evalError, refused: [...new Set(refused)].sort() };
      }, `${env.site.url}/remote-code.js`);
      expect(outcome.ran, path).toEqual([]);
      expect(outcome.evalError, path).toBe('EvalError');
      expect(outcome.refused, path).toEqual(['script-src eval', 'script-src-attr inline', 'script-src-elem inline', `script-src-elem ${env.site.url}/remote-code.js`].sort());
      await page.close();
    }
  });
});
