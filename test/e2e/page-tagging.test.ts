import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { readStore, waitUntil } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop, type StoredVisit } from './support/journey';

/**
 * Issue 22: a page's first hello proposes the visit of its load and the worker starts it, tagged by the page's URL
 * (query included) and title, so the page sends no first batch. A selector rule is the page's to apply: the page
 * retags the visit it was told of. Either way the stored visit carries the stage the page itself matched.
 */
describe('the visit of a page’s load, started by its hello', () => {
  const env = useShop();
  let shop: Page;
  let stages: { id: string }[];
  let worker: Worker;

  /** The messages pages sent the worker since the spy was installed, as JSON. */
  const sent = () => worker.evaluate(() => (globalThis as { __tagSpy?: string[] }).__tagSpy ?? []);

  async function visitOf(path: string): Promise<StoredVisit> {
    let found: StoredVisit | undefined;
    await shop.goto(`${env.site.url}${path}`);
    await waitUntil(async () => (found = (await readStore<StoredVisit>(env.ext, 'visits')).find((v) => v.url === `${env.site.url}${path.split('?')[0]}`)) !== undefined);
    return found!;
  }

  beforeAll(async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    const saved = await options.evaluate(async () => {
      const { data } = await chrome.runtime.sendMessage({ type: 'ui.overview' });
      const study = data.studies[0];
      const rule = (kind: string, pattern: string, stageId: string) => ({ id: crypto.randomUUID(), stageId, kind, pattern, keepQuery: false, label: '' });
      // First: a page with a store-stock button is Advocacy (only the page can tell), one reached from the newsletter Retention.
      const rules = [rule('selector', '#check-stock', study.stages[4].id), rule('regex', 'ref=newsletter', study.stages[3].id), ...study.rules];
      return chrome.runtime.sendMessage({ type: 'ui.study.save', study: { ...study, rules } });
    });
    expect(saved).toMatchObject({ ok: true });
    stages = saved.data.stages;
    shop = await startSessionOnShop(env);
    worker = await env.ext.worker();
    await worker.evaluate(() => {
      const spy: string[] = [];
      (globalThis as { __tagSpy?: string[] }).__tagSpy = spy;
      chrome.runtime.onMessage.addListener((message) => void spy.push(JSON.stringify(message)));
    });
  });

  it('starts with the hello, tagged by the query the page was reached with: no start and no retag from the page', async () => {
    const visit = await visitOf('/category/phones?ref=newsletter');
    expect(visit).toMatchObject({ stageId: stages[3]!.id, arrival: 'navigate' });
    const messages = await sent();
    expect(messages.some((m) => m.includes('"type":"content.hello"') && m.includes(`"id":"${visit.id}"`))).toBe(true);
    expect(messages.filter((m) => m.includes('"kind":"visit.start"') || m.includes('"kind":"visit.retag"'))).toEqual([]);
  });

  it('is retagged by the page where a selector rule tags it otherwise', async () => {
    const visit = await visitOf('/product/2');
    await waitUntil(async () => (await readStore<StoredVisit>(env.ext, 'visits')).find((v) => v.id === visit.id)?.stageId === stages[4]!.id);
    const messages = await sent();
    expect(messages.filter((m) => m.includes('"kind":"visit.retag"') && m.includes(visit.id))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('"kind":"visit.start"'))).toEqual([]);
  });
});
