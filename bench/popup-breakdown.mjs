#!/usr/bin/env node
// Where the popup's first render goes (PRODUCT.md §8: "popup first render ≤ 100 ms"): from the popup document's
// navigation start, when its HTML has arrived, when its first script can run, when each of its first questions to
// the worker is asked and answered, and when the page is drawn. Other builds given (an e2e build's folder) are
// measured beside it, opens alternating in blocks. Prints medians; asserts nothing.
//
//   node bench/popup-breakdown.mjs               build the e2e build into bench/.build/dist-test, then measure
//   node bench/popup-breakdown.mjs --no-build    measure bench/.build/dist-test as built (JL_DIST_TEST elsewhere)
//   node bench/popup-breakdown.mjs --store=100k  with the 100k-event study stored (as the bench's popup figure)
//   node bench/popup-breakdown.mjs --after-write  each open after a write (the maps the worker keeps dropped, as a
//                                                walk's events drop them)
//   node bench/popup-breakdown.mjs --no-build /tmp/other-dist-test   that build beside this one

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite } from '../demo-site/server.mjs';
import { demoStudyWithSession, launch } from './lib/browser.mjs';
import { withWebSocket } from './lib/cdp.mjs';
import { dropCachedMaps, loadStudy, popupBench } from './lib/store-benches.mjs';
import { median } from './lib/stats.mjs';
import { seedExport } from './seed.mjs';

// The popup figure needs a raw DevTools WebSocket (lib/cdp.mjs): global in Node ≥ 22, behind a flag in Node 20.
withWebSocket(import.meta.url);

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const ROUNDS = 4;
const BLOCK = 4;
const BIG_STORE = process.argv.includes('--store=100k');
const AFTER_WRITE = process.argv.includes('--after-write');
const DIST_TEST = resolve(process.env.JL_DIST_TEST ?? join(HERE, '.build', 'dist-test'));
if (!process.argv.includes('--no-build')) {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--mode', 'e2e', '--outDir', DIST_TEST, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stdout + built.stderr);
}
if (!existsSync(join(DIST_TEST, 'manifest.json'))) throw new Error(`${DIST_TEST} has no manifest.json`);

/**
 * Run first in the popup: when it can run at all, and each runtime message's ask and answer by type (the first of
 * each). The page's own code asks through the polyfill, which passes a callback; early.js gets a promise.
 */
const PHASES = `;(() => {
  const phases = (window.__benchPhases = { documentStart: performance.now(), asks: {} });
  const runtime = chrome.runtime;
  const send = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (...args) => {
    const entry = (phases.asks[args[0]?.type] ??= { asked: performance.now() });
    const answered = () => { entry.answered ??= performance.now(); };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = (...reply) => { answered(); return callback(...reply); };
    }
    const reply = send(...args);
    reply?.then?.(answered, () => undefined);
    return reply;
  };
})();`;
const FIELDS = `phases: window.__benchPhases, htmlReceived: performance.getEntriesByType('navigation')[0]?.responseEnd`;
/** The popup's first questions (src/ui/popup/ask-early.ts). */
const ASKS = ['ui.store.health', 'ui.overview', 'ui.tab.state'];

const site = await startDemoSite({ port: 0 });
const sides = [DIST_TEST, ...process.argv.slice(2).filter((a) => !a.startsWith('--')).map((dir) => resolve(dir))].map((dist) => ({ name: relative(ROOT, dist) || dist, dist }));
try {
  for (const side of sides) {
    side.ext = await launch({ dist: side.dist });
    const setup = await demoStudyWithSession(side.ext, site.url);
    if (BIG_STORE) await loadStudy({ ext: side.ext, uiPage: setup.page, file: seedExport({ study: setup.study, origin: site.url, events: 100_000 }), importEvents: 10_000 });
    side.beforeOpen = AFTER_WRITE ? () => dropCachedMaps(setup.page) : undefined;
    side.demoPage = await side.ext.context.newPage();
    await side.demoPage.goto(`${site.url}/product/1`, { waitUntil: 'load' });
    side.runs = [];
  }
  await new Promise((done) => setTimeout(done, 1000));
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const { runs } = await popupBench({ ext: side.ext, demoPage: side.demoPage, reps: BLOCK, min: BLOCK, probe: PHASES, fields: FIELDS, beforeOpen: side.beforeOpen });
      side.runs.push(...runs);
    }
  }
} finally {
  for (const side of sides) await side.ext?.close();
  await site.close?.();
}

const rows = [
  ['HTML received', (r) => r.htmlReceived],
  ['first script can run', (r) => r.phases?.documentStart],
  ...ASKS.flatMap((type) => [
    [`${type} asked`, (r) => r.phases?.asks[type]?.asked],
    [`${type} answered`, (r) => r.phases?.asks[type]?.answered],
  ]),
  ['rendered', (r) => r.rendered],
  ['painted', (r) => r.painted],
];
console.log(`The popup over a demo-site page, ${BIG_STORE ? '100k events stored' : 'the demo study only'}${AFTER_WRITE ? ', each open after a write' : ''}: ms after its navigation start, medians of ${sides[0].runs.length} opens each`);
console.log(`  ${''.padEnd(26)}${sides.map((s) => s.name.slice(-21).padStart(23)).join('')}`);
for (const [label, pick] of rows) {
  console.log(`  ${label.padEnd(26)}${sides.map((s) => (median(s.runs.map(pick))?.toFixed(1) ?? '–').padStart(23)).join('')}`);
}
process.exit(0);
