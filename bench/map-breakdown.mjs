#!/usr/bin/env node
// Where a cold journey map's time goes with 100k events (PRODUCT.md §8: "map/dashboard ≤ 200 ms to render"): the
// worker's phases (IndexedDB read, aggregation, serialising the reply), the ui.map round trip, and on the options
// page each request from navigation to the drawn map, the render, the layout it forces and the paint — with the
// worker running, and with it stopped first (a fresh worker); and the first map after the running session recorded
// a batch of events. Prints medians; asserts nothing.
//
//   node bench/map-breakdown.mjs              build the e2e build into bench/.build/dist-test, then measure
//   node bench/map-breakdown.mjs --no-build   measure bench/.build/dist-test as built (JL_DIST_TEST elsewhere)

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite } from '../demo-site/server.mjs';
import { demoStudyWithSession, launch } from './lib/browser.mjs';
import { dropCachedMaps, loadStudy } from './lib/store-benches.mjs';
import { median, round } from './lib/stats.mjs';
import { seedExport } from './seed.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const REPS = 9;
/** Events in the batch the running session records before the first map after recording. */
const RECORDED = 200;
let DIST_TEST = resolve(process.env.JL_DIST_TEST ?? join(HERE, '.build', 'dist-test'));
if (!process.argv.includes('--no-build')) {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--mode', 'e2e', '--outDir', DIST_TEST, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stdout + built.stderr);
}
if (!existsSync(join(DIST_TEST, 'manifest.json'))) throw new Error(`${DIST_TEST} has no manifest.json`);

/**
 * On the options page from its first script: each runtime message's send and reply time and reply size, and when
 * the map table is there (not busy), how long the layout it needs takes (forced at once), and the next frame.
 */
const PROBE = `(() => {
  const log = (window.__benchMessages = []);
  const wrap = (runtime) => {
    if (!runtime || runtime.sendMessage.__benchWrapped) return;
    const send = runtime.sendMessage;
    runtime.sendMessage = function (message, ...rest) {
      const entry = { type: message?.type, sent: performance.now() };
      log.push(entry);
      const reply = send.call(this, message, ...rest);
      reply?.then?.((data) => { entry.replied = performance.now(); entry.bytes = JSON.stringify(data ?? null).length; });
      return reply;
    };
    runtime.sendMessage.__benchWrapped = true;
  };
  wrap(globalThis.chrome?.runtime);
  wrap(globalThis.browser?.runtime);
  const ready = () => {
    const el = document.querySelector('[data-testid="journey-map"]');
    const busy = el?.closest('[aria-busy]');
    return el && (!busy || busy.getAttribute('aria-busy') !== 'true');
  };
  const watch = new MutationObserver(() => {
    if (window.__benchRendered !== undefined || !ready()) return;
    watch.disconnect();
    window.__benchRendered = performance.now();
    void document.body.offsetHeight;
    window.__benchLaidOut = performance.now();
    window.__benchNodes = document.getElementsByTagName('*').length;
    requestAnimationFrame(() => setTimeout(() => { window.__benchPainted = performance.now(); }, 0));
  });
  watch.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
})();`;

const site = await startDemoSite({ port: 0 });
const ext = await launch({ dist: DIST_TEST });
try {
  const setup = await demoStudyWithSession(ext, site.url);
  const studyId = setup.study.id;
  const file = seedExport({ study: setup.study, origin: site.url, events: 100_000 });
  await loadStudy({ ext, uiPage: setup.page, file, importEvents: 10_000 });
  process.stderr.write('100k events stored; measuring\n');
  const worker = () => ext.worker();

  // As a write to a session rollup does: the study summary is added up again by the next whole-study map.
  const dropSummary = async () =>
    (await worker()).evaluate(
      (id) =>
        new Promise((done, fail) => {
          const opening = indexedDB.open('journey-lens');
          opening.onsuccess = () => {
            const tx = opening.result.transaction('rollups', 'readwrite');
            // Whatever its revision (src/core/health/merged-rollups.ts).
            tx.objectStore('rollups').delete(IDBKeyRange.bound(`study|${id}|`, `study|${id}|\uffff`));
            tx.oncomplete = () => (opening.result.close(), done());
            tx.onerror = () => fail(tx.error);
          };
        }),
      studyId,
    );
  const phasesOf = async (stale) => {
    const list = [];
    for (let i = 0; i < REPS; i++) {
      await dropCachedMaps(setup.page);
      if (stale) await dropSummary();
      list.push(await (await worker()).evaluate((id) => globalThis.__jlTestHooks.mapPhases(id), studyId));
    }
    return list;
  };
  const stalePhases = await phasesOf(true);
  const phases = await phasesOf(false);

  // The first map after recording: a map read (its summary current), then a batch of the running session's events
  // through the worker's content.events path (`__jlTestHooks.ingest`), then the next map — in the worker, and as
  // the ui.map round trip from an extension page.
  const recordBatch = () => {
    const stage = setup.study.stages[1] ?? setup.study.stages[0];
    const url = `${site.url}/product/3`;
    const visit = { id: crypto.randomUUID(), studyId, sessionId: setup.session.id, url, title: 'Aurora X', pageKey: '/product/:id', stageId: stage.id, ruleId: null, arrival: 'navigate', enteredAt: Date.now() };
    const signals = Array.from({ length: RECORDED - 1 }, (_, i) => ({
      kind: 'signal',
      eventId: crypto.randomUUID(),
      signal: { id: crypto.randomUUID(), studyId, sessionId: setup.session.id, visitId: visit.id, pageKey: visit.pageKey, stageId: stage.id, kind: i % 2 ? 'rage_click' : 'dead_click', at: Date.now(), element: null, detail: {} },
    }));
    const events = [{ kind: 'visit.start', eventId: crypto.randomUUID(), visit, referred: false }, ...signals];
    return worker().then((w) => w.evaluate(([batch, page]) => globalThis.__jlTestHooks.ingest([batch], page), [events, { url, tabId: 4343 }]));
  };
  const afterRecording = [];
  for (let i = 0; i < REPS; i++) {
    await (await worker()).evaluate((id) => globalThis.__jlTestHooks.mapPhases(id), studyId);
    await recordBatch();
    const worked = await (await worker()).evaluate((id) => globalThis.__jlTestHooks.mapPhases(id), studyId);
    await recordBatch();
    const roundTripMs = await setup.page.evaluate(async (id) => {
      const started = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'ui.map', studyId: id, filter: {} });
      if (!reply?.ok) throw new Error(`ui.map refused: ${reply?.error}`);
      return performance.now() - started;
    }, studyId);
    afterRecording.push({ ...worked, roundTripMs });
  }
  const roundTrips = [];
  for (let i = 0; i < REPS; i++) {
    await dropCachedMaps(setup.page);
    roundTrips.push(
      await setup.page.evaluate(async (id) => {
        const started = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'ui.map', studyId: id, filter: {} });
        const ms = performance.now() - started;
        const text = JSON.stringify(reply);
        const parseStarted = performance.now();
        JSON.parse(text);
        return { ms, parseMs: performance.now() - parseStarted, bytes: text.length };
      }, studyId),
    );
  }

  const cdpPage = await ext.context.newPage();
  await cdpPage.goto(ext.url('src/ui/options/index.html#studies'));
  const cdp = await ext.context.newCDPSession(cdpPage);
  await cdp.send('ServiceWorker.enable');
  const stopWorker = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((done) => setTimeout(done, 300));
  };

  const page = await ext.context.newPage();
  await page.addInitScript(PROBE);
  const dashboard = async (fresh) => {
    const runs = [];
    for (let i = 0; i < REPS; i++) {
      await page.goto('about:blank');
      await dropCachedMaps(setup.page);
      if (fresh) await stopWorker();
      await page.goto(ext.url('src/ui/options/index.html#map'), { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__benchPainted !== undefined, null, { timeout: 20_000, polling: 20 });
      runs.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
          return {
            responseEnd: nav.responseEnd,
            scriptsLoaded: Math.max(...scripts.map((r) => r.responseEnd)),
            domContentLoaded: nav.domContentLoadedEventEnd,
            messages: window.__benchMessages,
            rendered: window.__benchRendered,
            laidOut: window.__benchLaidOut,
            painted: window.__benchPainted,
            nodes: window.__benchNodes,
          };
        }),
      );
    }
    return runs;
  };
  const warm = await dashboard(false);
  const fresh = await dashboard(true);

  const med = (list, fn) => round(median(list.map(fn)), 1);
  const p = (key) => `${med(phases, (x) => x[key])} (summary dropped first: ${med(stalePhases, (x) => x[key])})`;
  const out = [];
  const line = (label, value) => out.push(`${label.padEnd(58)} ${value}`);
  out.push(`Cold journey map, 100k events (study summary ${round(phases[0].summaryBytes / 1e6, 2)} MB as JSON); medians of ${REPS}`);
  out.push('', 'worker (__jlTestHooks.mapPhases):');
  line('  IndexedDB read (study, sessions, summary, notes, off-site)', `${p('readMs')} ms`);
  line('  aggregation + map build (buildJourneyMap)', `${p('buildMs')} ms`);
  line('  JSON.stringify of the reply', `${p('jsonMs')} ms (${round(phases[0].replyBytes / 1e6, 2)} MB)`);
  line('  structuredClone of the reply', `${p('cloneMs')} ms`);
  line('ui.map round trip from an extension page', `${med(roundTrips, (x) => x.ms)} ms`);
  line('  JSON.parse of the reply in the page', `${med(roundTrips, (x) => x.parseMs)} ms`);
  out.push('', `first map after the running session recorded ${RECORDED} events (the map before it read):`);
  line('  worker: IndexedDB read', `${med(afterRecording, (x) => x.readMs)} ms`);
  line('  worker: aggregation + map build', `${med(afterRecording, (x) => x.buildMs)} ms`);
  line('  ui.map round trip from an extension page', `${med(afterRecording, (x) => x.roundTripMs)} ms`);
  for (const [name, runs] of [['options page #map, worker running', warm], ['options page #map, worker stopped first (fresh)', fresh]]) {
    out.push('', `${name} (ms from navigation start):`);
    const msg = (type, key) => (r) => r.messages.find((m) => m.type === type)?.[key];
    line('  document received (responseEnd)', med(runs, (r) => r.responseEnd));
    line('  scripts loaded', med(runs, (r) => r.scriptsLoaded));
    line('  DOMContentLoaded', med(runs, (r) => r.domContentLoaded));
    for (const type of [...new Set(runs[0].messages.map((m) => m.type))]) {
      line(`  ${type} sent → replied`, `${med(runs, msg(type, 'sent'))} → ${med(runs, msg(type, 'replied'))} (${med(runs, (r) => msg(type, 'replied')(r) - msg(type, 'sent')(r))} ms, ${med(runs, msg(type, 'bytes'))} B)`);
    }
    line('  map in the DOM (preact render done)', `${med(runs, (r) => r.rendered)} (render ${med(runs, (r) => r.rendered - msg('ui.map', 'replied')(r))} ms after the ui.map reply)`);
    line('  layout forced at once', `${med(runs, (r) => r.laidOut)} (${med(runs, (r) => r.laidOut - r.rendered)} ms)`);
    line('  next frame painted', `${med(runs, (r) => r.painted)} (${med(runs, (r) => r.painted - r.laidOut)} ms)`);
    line('  elements in the page', med(runs, (r) => r.nodes));
  }
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  await ext.close();
  await site.close();
}
