import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { DIST_TEST, downloadFileFrom, dumpStores, openPopup, readStore, waitUntil } from './support/browser';
import { addSurvey, createDemoStudy, startSessionOnShop, useShop } from './support/journey';
import { writeNote } from './support/page-tools';
import { hasShadowHost } from './support/shadow';

/**
 * Issue 6, acceptance 3: after a recorded walk with signals, a survey answer and a note, the dashboard shows every
 * stage, the emotion curve, the pain points and the worst touchpoint first; the SVG and PNG downloads are valid
 * images of the map; a malformed import is refused by path and changes nothing.
 */
describe('the journey map dashboard', () => {
  const env = useShop({ dist: DIST_TEST });
  let shop: Page;
  let options: Page;

  beforeAll(async () => {
    options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(options, 'Emotion — five faces', 'After a friction signal', ['Signal', 'Rage click']);
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();

    shop = await startSessionOnShop(env);
    // The walk: a product, the cart where "Apply coupon" does nothing however often it is clicked.
    await shop.getByRole('link', { name: 'Pulse 12' }).first().click();
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    await shop.waitForTimeout(500);
    const coupon = shop.getByRole('button', { name: 'Apply coupon' });
    for (let i = 0; i < 4; i++) await coupon.click({ delay: 20 });
    await waitUntil(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-SURVEY'));
    await shop.keyboard.press('1');
    await shop.keyboard.press('Enter');
    await waitUntil(async () => (await readStore(env.ext, 'responses')).length === 1);
    // A note on the coupon button, through the context-menu path.
    await writeNote(env.ext, shop, '#apply-coupon', 'Coupons silently fail');
    await waitUntil(async () => (await readStore(env.ext, 'annotations')).length === 1);
    await shop.getByRole('link', { name: 'Help', exact: true }).first().click();
    await shop.waitForURL('**/help');
    const end = await openPopup(env.ext, shop);
    await end.getByRole('button', { name: 'Stop: abandoned' }).click();
    await end.getByTestId('last-session').waitFor();
    await end.close();
  });

  it('shows every stage, the emotion curve, the pain points and the worst touchpoint first', async () => {
    await options.getByRole('tab', { name: 'Journey map' }).click();
    const map = options.getByTestId('journey-map');
    await map.waitFor();
    const [study] = await readStore<{ stages: { name: string }[] }>(env.ext, 'studies');
    const columns = await options.getByTestId('map-stage-column').allInnerTexts();
    expect(columns).toHaveLength(study!.stages.length);
    study!.stages.forEach((stage, i) => expect(columns[i]).toContain(stage.name));
    await expect.poll(() => options.getByTestId('emotion-curve').count()).toBeGreaterThan(0);
    expect(await options.getByTestId('emotion-curve').first().locator('circle').count()).toBeGreaterThan(0);
    const pain = (await options.getByTestId('pain-points').allInnerTexts()).join('\n');
    expect(pain).toMatch(/Rage click/);
    expect(pain).toMatch(/Coupons silently fail/);
    const rows = options.getByTestId('touchpoint-table').getByTestId('touchpoint-row');
    // The table under the map is built once the map's first frame is drawn.
    await rows.first().waitFor();
    const healths = await rows.evaluateAll((trs) => trs.map((tr) => Number(/\b(\d{1,3})\b/.exec(tr.querySelectorAll('td')[1]?.textContent ?? tr.textContent ?? '')?.[1] ?? NaN)));
    expect(await rows.first().innerText()).toContain('/cart');
    const scored = healths.filter((h) => !Number.isNaN(h));
    expect(scored[0]).toBe(Math.min(...scored));
  });

  it('lists every walk in its session fields, named by persona, goal, date and outcome, and narrows to one chosen by keyboard', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(env.ext.url('src/ui/options/index.html#map'));
    await page.getByTestId('journey-map').waitFor();
    const [session] = await readStore<{ id: string; personaId: string | null }>(env.ext, 'sessions');
    const mapSession = page.getByLabel('Session', { exact: true });
    // Reached by keyboard before the page was idle or after: the walks are there either way.
    await mapSession.focus();
    await page.keyboard.press('ArrowDown');
    expect(await mapSession.inputValue()).toBe(session!.id);
    expect(await mapSession.locator('option').allInnerTexts()).toEqual(['All sessions', expect.stringMatching(/^.+ · .+ · .*\d.* · abandoned$/)]);
    await expect.poll(() => page.getByText('Updating the map…').count()).toBe(0);
    expect(await page.getByTestId('map-stage-column').allInnerTexts()).toEqual(await options.getByTestId('map-stage-column').allInnerTexts());
    // The off-site form's walk names its persona: choosing it there fixes the persona field.
    const offsiteSession = page.getByLabel('Session (optional)');
    await offsiteSession.focus();
    await page.keyboard.press('ArrowDown');
    expect(await offsiteSession.inputValue()).toBe(session!.id);
    const persona = page.getByLabel('Persona', { exact: true });
    expect(await persona.isDisabled()).toBe(true);
    expect(await persona.inputValue()).toBe(session!.personaId ?? '');
    await page.close();
  });

  it('opened again on the map, asks for it as it starts, not after the overview, and draws it', async () => {
    const page = await env.ext.context.newPage();
    await page.addInitScript(() => {
      const log: string[] = [];
      (window as { sent?: string[] }).sent = log;
      // Whichever namespace the polyfill calls, Chromium's own `browser` or `chrome`; one may call the other.
      let inner = false;
      for (const runtime of [chrome.runtime, (globalThis as { browser?: typeof chrome }).browser?.runtime]) {
        if (!runtime) continue;
        const send = runtime.sendMessage.bind(runtime) as (message: { type: string }) => Promise<unknown>;
        runtime.sendMessage = ((message: { type: string }) => {
          if (inner) return send(message);
          inner = true;
          log.push(`sent ${message.type}`);
          try {
            return send(message).then((reply) => (log.push(`replied ${message.type}`), reply));
          } finally {
            inner = false;
          }
        }) as never;
      }
    });
    await page.goto(env.ext.url('src/ui/options/index.html#map'));
    await page.getByTestId('journey-map').waitFor();
    const sent = await page.evaluate(() => (window as { sent?: string[] }).sent!);
    expect(sent.indexOf('sent ui.map')).toBeGreaterThanOrEqual(0);
    expect(sent.indexOf('sent ui.map')).toBeLessThan(sent.indexOf('replied ui.overview'));
    // The early answer is the one drawn: the map is not asked for twice.
    expect(sent.filter((line) => line === 'sent ui.map')).toHaveLength(1);
    expect(await page.getByTestId('map-stage-column').allInnerTexts()).toEqual(await options.getByTestId('map-stage-column').allInnerTexts());
    await page.close();
  });

  it('passes axe-core and works by keyboard alone: a cell opens its evidence, Esc gives focus back', async () => {
    await options.getByRole('tab', { name: 'Journey map' }).click();
    await options.getByTestId('journey-map').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    // From the top of the page, Tab alone reaches a cell of the map.
    await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let cell = '';
    for (let i = 0; i < 80 && !cell; i++) {
      await options.keyboard.press('Tab');
      cell = await options.evaluate(() => (document.activeElement?.closest('.journey-map .cell-button') ? document.activeElement!.textContent ?? '' : ''));
    }
    expect(cell, 'Tab reaches a map cell').not.toBe('');
    await options.keyboard.press('Enter');
    const panel = options.getByTestId('evidence-panel');
    await panel.waitFor();
    expect(await options.evaluate(() => !!document.activeElement?.closest('[data-testid="evidence-panel"]'))).toBe(true);
    // Audited once it has slid in: mid-animation its text is see-through, and axe would judge that contrast.
    await panel.evaluate((el) => Promise.all(el.ownerDocument.getAnimations().map((a) => a.finished)));
    expect(await axeViolations(options)).toEqual([]);
    await options.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent ?? '')).toBe(cell);
    await options.getByRole('tab', { name: 'Feedback reports' }).click();
    expect(await axeViolations(options)).toEqual([]);
    await options.getByRole('tab', { name: 'Journey map' }).click();
  });

  it('downloads the map as a valid SVG and PNG', async () => {
    const svg = await downloadFileFrom(env.ext, options, () => options.getByRole('button', { name: 'Download SVG' }).click());
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.data.toString('utf8');
    expect(text).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text.trim().endsWith('</svg>')).toBe(true);
    for (const stage of ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']) expect(text).toContain(stage);
    // The browser itself must accept it as an image.
    const size = await options.evaluate(async (markup) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    }, text);
    expect(size[0]).toBeGreaterThan(400);

    const png = await downloadFileFrom(env.ext, options, () => options.getByRole('button', { name: 'Download PNG' }).click());
    expect(png.name).toMatch(/\.png$/);
    expect([...png.data.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.data.readUInt32BE(16)).toBeGreaterThan(400);
    expect(png.data.readUInt32BE(20)).toBeGreaterThan(200);
  });

  it('refuses a malformed import by path and leaves the data as it was', async () => {
    const before = JSON.stringify(await dumpStores(env.ext));
    const exported = JSON.parse((await downloadFileFrom(env.ext, options, () => options.getByRole('button', { name: 'Download JSON' }).click())).data.toString('utf8'));
    await options.getByRole('tab', { name: 'Studies' }).click();
    const input = options.getByLabel('Import a study file (JSON)');
    const attempts: Array<[unknown, RegExp]> = [
      [{ ...exported, version: 7 }, /newer Journey Lens \(file version 7/],
      [{ ...exported, visits: exported.visits.map((v: Record<string, unknown>, i: number) => (i === 0 ? { ...v, sessionId: undefined } : v)) }, /Visits, item 1 › session id/],
      [{ ...exported, annotations: [{ ...exported.annotations[0], text: '<img src=x onerror=alert(1)>', type: '<script>' }] }, /Notes, item 1 › type/],
    ];
    for (const [file, path] of attempts) {
      await input.setInputFiles({ name: 'study.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      const errors = options.getByTestId('import-errors');
      await expect.poll(async () => ((await errors.count()) ? errors.innerText() : '')).toMatch(path);
      expect(await options.locator('img[src="x"]').count()).toBe(0);
    }
    expect(JSON.stringify(await dumpStores(env.ext))).toBe(before);
  });
});
