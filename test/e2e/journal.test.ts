import { describe, expect, it } from 'vitest';
import { DIST_TEST, readStore, workerStopper } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop } from './support/journey';

/**
 * PRODUCT.md §9 with the journal (src/background/journal.ts): a batch the worker acknowledged is in the store even
 * when the worker is stopped before applying it. An options page holds the signals store in a read-write
 * transaction, so the worker can acknowledge (the journal is free) but not apply; then the worker is stopped.
 */
describe('an acknowledged burst', () => {
  const env = useShop({ dist: DIST_TEST });

  it('survives a worker stop before it is applied, and is applied once by the next worker', async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    const shop = await startSessionOnShop(env);
    const [session] = await readStore<{ id: string; studyId: string; endedAt: number | null }>(env.ext, 'sessions');
    const [study] = await readStore<{ id: string; stages: { id: string }[] }>(env.ext, 'studies');

    // Held by the page, not the worker: a stream of reads keeps the transaction open until told to stop.
    await options.evaluate(
      () =>
        new Promise<void>((held, fail) => {
          const open = indexedDB.open('journey-lens');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('signals', 'readwrite');
            const w = window as { holding?: boolean; released?: Promise<void> };
            w.holding = true;
            w.released = new Promise((done) => (tx.oncomplete = () => done()));
            const spin = () => {
              if (w.holding) tx.objectStore('signals').get('none').onsuccess = spin;
            };
            spin();
            held();
          };
        }),
    );

    const worker = await env.ext.worker();
    const url = `${env.site.url}/product/3`;
    const visitId = crypto.randomUUID();
    const signals = Array.from({ length: 400 }, (_, i) => ({
      kind: 'signal',
      eventId: crypto.randomUUID(),
      signal: { id: crypto.randomUUID(), studyId: study!.id, sessionId: session!.id, visitId, pageKey: '/product/:id', stageId: study!.stages[1]!.id, kind: 'dead_click', at: Date.now() + i, element: null, detail: { clicks: 1 } },
    }));
    const start = {
      kind: 'visit.start',
      eventId: crypto.randomUUID(),
      visit: { id: visitId, studyId: study!.id, sessionId: session!.id, url, title: 'Aurora X', pageKey: '/product/:id', stageId: study!.stages[1]!.id, ruleId: null, arrival: 'navigate', enteredAt: Date.now() - 1 },
      referred: false,
    };
    const batches = [[start, ...signals.slice(0, 199)], signals.slice(199)];
    const pending = await worker.evaluate(
      async ([b, page]) => {
        await (globalThis as unknown as { __jlTestHooks: { ingest: (b: unknown[][], p: unknown) => Promise<number> } }).__jlTestHooks.ingest(b, page);
        return new Promise<number>((done) => {
          const open = indexedDB.open('journey-lens');
          open.onsuccess = () => {
            const count = open.result.transaction('journal').objectStore('journal').count();
            count.onsuccess = () => done(count.result);
          };
        });
      },
      [batches, { url, tabId: 4242 }] as const,
    );
    // Both batches acknowledged, neither applied (the apply waits for the page's transaction).
    expect(pending).toBe(2);

    const stopper = await workerStopper(env.ext);
    await stopper.stop();
    await stopper.close();
    await options.evaluate(() => {
      const w = window as { holding?: boolean; released?: Promise<void> };
      w.holding = false;
      return w.released;
    });

    // The next worker (woken by the popup's kind of request) applies the journal before it answers.
    const overview = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ui.overview' }));
    expect(overview.data.active.signalCounts).toEqual({ dead_click: 400 });
    const stored = (await readStore<{ id: string; visitId: string }>(env.ext, 'signals')).filter((s) => s.visitId === visitId);
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(signals.map((s) => s.signal.id)));
    expect(stored).toHaveLength(400);
    expect((await readStore<{ id: string }>(env.ext, 'visits')).filter((v) => v.id === visitId)).toHaveLength(1);
    expect(await readStore(env.ext, 'journal')).toEqual([]);
    await shop.close();
  });
});
