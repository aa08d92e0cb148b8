#!/usr/bin/env node
// npm run bench — every figure of PRODUCT.md §8, measured on the built extension in headless Chromium on the demo
// site, beside the same pages with no extension, in one run. Prints one table and writes bench/results.json.
// Nothing here asserts: it measures and says which budgets hold.
//
//   npm run bench                    build dist + the e2e build into bench/.build/, then measure
//   npm run bench -- --no-build      measure the dist/ and dist-test/ already built (npm run test:e2e makes both;
//                                    JL_DIST / JL_DIST_TEST point elsewhere)
//   npm run bench -- --full-import   import all 100k events through ui.import.apply (slow: see README)
//   npm run bench -- --quick         fewer repetitions, for trying the bench itself (medians are less stable)
//   npm run bench -- --only=ingest,map  only these parts (pages, clicks, heap, popup, map, dashboard, ingest, sync), to
//                                    compare one change before/after without loading the machine for minutes

import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withWebSocket } from './lib/cdp.mjs';

// The popup figure needs a raw DevTools WebSocket (lib/cdp.mjs): global in Node ≥ 22, behind a flag in Node 20.
withWebSocket(import.meta.url);

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const args = new Set(process.argv.slice(2));
const PARTS = ['pages', 'clicks', 'heap', 'popup', 'map', 'dashboard', 'ingest', 'sync'];
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const unknownPart = only?.find((part) => !PARTS.includes(part));
if (unknownPart) {
  process.stderr.write(`--only: no part "${unknownPart}" (parts: ${PARTS.join(', ')})\n`);
  process.exit(1);
}
const want = (part) => !only || only.includes(part);
const QUICK = args.has('--quick');
const REPS = QUICK ? 6 : 15;
const runStarted = Date.now();
const elapsed = () => `${((Date.now() - runStarted) / 1000).toFixed(0).padStart(3)} s`;
const log = (message) => process.stderr.write(`[bench ${elapsed()}] ${message}\n`);

const { startDemoSite } = await import('../demo-site/server.mjs');
const { launch, demoStudyWithSession, ui } = await import('./lib/browser.mjs');
const { injectedSizes } = await import('./lib/sizes.mjs');
const { FLOORS, floorBuild } = await import('./lib/floor.mjs');
const { pageLoadBench, minimalPageBench, clickBench, heapBench, pageLoadFigures, minimalPageFigures } = await import('./lib/page-benches.mjs');
const { ingestBench, loadStudy, mapMessageBench, dashboardPresent, dashboardBench, dropCachedMaps, popupBench } = await import('./lib/store-benches.mjs');
const { seedExport } = await import('./seed.mjs');
const { syncBench } = await import('./sync.mjs');
const { median, summary, round } = await import('./lib/stats.mjs');

// ---------------------------------------------------------------------------------------------------- build
let DIST = resolve(process.env.JL_DIST ?? join(ROOT, 'dist'));
let DIST_TEST = resolve(process.env.JL_DIST_TEST ?? join(ROOT, 'dist-test'));
if (!args.has('--no-build')) {
  DIST = join(HERE, '.build', 'dist');
  DIST_TEST = join(HERE, '.build', 'dist-test');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const [label, extra, out] of [
    ['vite build', [], DIST],
    ['vite build --mode e2e', ['--mode', 'e2e'], DIST_TEST],
  ]) {
    log(`${label} → ${out.slice(ROOT.length + 1)}`);
    const built = spawnSync(process.execPath, [vite, 'build', ...extra, '--outDir', out, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) {
      process.stderr.write(built.stdout + built.stderr);
      log(`${label} failed: nothing measured`);
      process.exit(1);
    }
  }
}
for (const dir of [DIST, DIST_TEST]) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    log(`${dir} has no manifest.json: build first (npm run test:e2e builds dist/ and dist-test/), or drop --no-build`);
    process.exit(1);
  }
}

const results = { figures: {}, raw: {}, notes: [] };
const note = (text) => {
  results.notes.push(text);
  log(`note: ${text}`);
};

// ---------------------------------------------------------------------------------------------------- sizes
const sizes = injectedSizes(DIST);
results.raw.sizes = sizes;

// ---------------------------------------------------------------------------------------------------- pages
/** Runs one benchmark; a failure is recorded and printed as "not measured", and the others still run. */
async function measure(name, fn) {
  try {
    return await fn();
  } catch (error) {
    const message = String(error?.message ?? error).split('\n')[0];
    results.raw[name] = { error: message };
    log(`${name} failed: ${message}`);
    return null;
  }
}

const site = await startDemoSite({ port: 0 });
log(`demo site on ${site.url}`);
let withExt;
let without;
let testExt;
let storeExt;
try {
  const pagesWanted = want('pages') || want('clicks') || want('heap');
  const storeWanted = want('popup') || want('map') || want('dashboard');
  if (pagesWanted) {
    [withExt, without] = await Promise.all([launch({ dist: DIST }), launch()]);
    results.chromium = withExt.version;
  }
  const setup = withExt && (await demoStudyWithSession(withExt, site.url));
  if (setup) log(`Chromium ${withExt.version}; extension ${withExt.id}; demo study and a running session set up`);

  if (want('pages')) log(`page loads: ${REPS + 1} per browser, interleaved`);
  if (want('pages')) await measure('pageLoad', async () => {
    results.raw.pageLoad = await pageLoadBench({ withExt, without, siteUrl: site.url, paths: ['/', '/product/2', '/guides/choosing-a-phone', '/cart'], reps: REPS + 1 });
    results.figures.pageLoad = pageLoadFigures(results.raw.pageLoad);
  });
  if (want('pages')) log(`minimal page: ${REPS + 1} loads alone and ${REPS + 1} with a rage burst, per browser, interleaved`);
  if (want('pages')) await measure('minimalPage', async () => {
    results.raw.minimalPage = await minimalPageBench({ withExt, without, siteUrl: site.url, reps: REPS + 1 });
    results.figures.minimalPage = minimalPageFigures(results.raw.minimalPage);
  });

  // The floor: the same loads with the observer's code replaced (same registration, study and session), each
  // against the same browser without the extension. What the page-load figure holds above it is ours.
  if (want('pages')) for (const [name, what, code, pageWorld] of FLOORS) {
    log(`floor, ${what}: ${REPS + 1} page loads per browser, interleaved`);
    await measure(`floor.${name}`, async () => {
      const build = await floorBuild(DIST, code, pageWorld);
      const ext = await launch({ dist: build.dir });
      try {
        await demoStudyWithSession(ext, site.url);
        const raw = await pageLoadBench({ withExt: ext, without, siteUrl: site.url, paths: ['/', '/product/2', '/guides/choosing-a-phone', '/cart'], reps: REPS + 1 });
        (results.raw.floor ??= {})[name] = raw;
        const minimal = await minimalPageBench({ withExt: ext, without, siteUrl: site.url, reps: REPS + 1 });
        (results.raw.floor ??= {})[name].minimalPage = minimal;
        (results.figures.floor ??= {})[name] = { what, ...pageLoadFigures(raw), minimalPage: minimalPageFigures(minimal) };
      } finally {
        await ext.close();
        await build.remove();
      }
    });
  }

  if (want('clicks')) log(`click bursts: ${REPS} × 100 clicks per browser, interleaved`);
  if (want('clicks')) await measure('clicks', async () => {
    const clicks = await clickBench({ withExt, without, siteUrl: site.url, path: '/about', selector: 'p.lede', bursts: REPS });
    results.raw.clicks = clicks;
    const perClick = (list, key) => list.map((b) => (b[key] / clicks.clicks) * 1000); // µs per click
    const fig = {};
    for (const key of ['script', 'task']) {
      const w = summary(perClick(clicks.with, key));
      const wo = summary(perClick(clicks.without, key));
      fig[key] = { with: w, without: wo, added: w.median - wo.median, ratio: w.median / wo.median };
    }
    const longWith = clicks.with.reduce((n, b) => n + b.longTasks.length, 0);
    const longWithout = clicks.without.reduce((n, b) => n + b.longTasks.length, 0);
    fig.longTasks = { with: longWith, without: longWithout, added: longWith - longWithout, bursts: clicks.with.length };
    fig.burstMs = { with: median(clicks.with.map((b) => b.burstMs)), without: median(clicks.without.map((b) => b.burstMs)) };
    results.figures.clicks = fig;
  });

  const routes = QUICK ? 100 : 200;
  if (want('heap')) log(`heap: ${routes} hash-route changes in one tab, both browsers`);
  if (want('heap')) await measure('heap', async () => {
    const heap = await heapBench({ withExt, without, siteUrl: site.url, routes });
    results.raw.heap = heap;
    const growth = (s) => s.at(-1).used - s[0].used;
    // After the first 50 routes (code compiled, caches filled): what each further route leaves behind.
    const steady = (s) => (s.at(-1).used - s[1].used) / (s.at(-1).routes - s[1].routes);
    results.figures.heap = {
      routes: heap.routes,
      growthWith: growth(heap.with),
      growthWithout: growth(heap.without),
      added: growth(heap.with) - growth(heap.without),
      perRouteWith: steady(heap.with),
      perRouteWithout: steady(heap.without),
      startWith: heap.with[0].used,
      startWithout: heap.without[0].used,
    };
  });
  await without?.close();
  without = null;
  // Proof that the extension was recording while the page figures were taken, not idle.
  if (pagesWanted) await measure('recorded', async () => {
    const visits = await ui(setup.page, { type: 'ui.session.visits', sessionId: setup.session.id });
    const { active } = await ui(setup.page, { type: 'ui.overview' });
    const signals = Object.values(active?.signalCounts ?? {}).reduce((a, b) => a + b, 0);
    results.raw.recorded = { visits: visits.length, signals, signalCounts: active?.signalCounts ?? {} };
    note(`while the page figures were taken the running session recorded ${visits.length} visits and ${signals} signals (${Object.entries(active?.signalCounts ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  });

  await withExt?.close();
  withExt = null;

  // ------------------------------------------------------------------------------------------ popup, map
  // The e2e build: the same code, plus the hook that stores 90k of the 100k events quickly (see loadStudy).
  let storeSetup = null;
  if (storeWanted) {
    storeExt = await launch({ dist: DIST_TEST });
    results.chromium = storeExt.version;
    storeSetup = await demoStudyWithSession(storeExt, site.url);
    log(`popup and map on the e2e build (extension ${storeExt.id}); demo study and a running session set up`);
  }
  const demoPage = storeWanted ? await storeExt.context.newPage() : null;
  if (demoPage) {
    await demoPage.goto(`${site.url}/product/1`, { waitUntil: 'load' });
    await new Promise((done) => setTimeout(done, 1000));
  }
  if (want('popup')) log(`popup first render, small store: ${REPS} opens`);
  if (want('popup')) await measure('popupSmall', async () => {
    results.raw.popupSmall = await popupBench({ ext: storeExt, demoPage, reps: REPS });
  });

  const loadedOk = storeWanted && await measure('load', async () => {
    const seedStarted = Date.now();
    const file = seedExport({ study: storeSetup.study, origin: site.url, events: 100_000 });
    log(`seeded a study export of 100k events (${(JSON.stringify(file).length / 1e6).toFixed(1)} MB) in ${Date.now() - seedStarted} ms; storing it`);
    results.raw.load = await loadStudy({ ext: storeExt, uiPage: storeSetup.page, file, importEvents: 10_000, fullImport: args.has('--full-import') });
    if (results.raw.load.bulk.events) {
      note(
        `100k events stored: ${results.raw.load.import.events} through ui.import.apply (timed), ${results.raw.load.bulk.events} written straight into IndexedDB from the worker (bench shortcut; --full-import imports all)`,
      );
    }
    return true;
  });
  if (loadedOk) {
    if (want('map')) log(`ui.map with 100k events, cold (after a write): up to ${REPS} replies`);
    if (want('map')) await measure('map', async () => {
      results.raw.map = await mapMessageBench({ uiPage: storeSetup.page, studyId: storeSetup.study.id, reps: REPS });
    });
    if (!want('dashboard')) {
      // not asked for
    } else if (await dashboardPresent(storeExt)) {
      log(`dashboard (options page, map tab) with 100k events, cold: up to ${REPS} renders`);
      await measure('dashboard', async () => {
        results.raw.dashboard = await dashboardBench({ ext: storeExt, uiPage: storeSetup.page, reps: REPS });
      });
    } else {
      results.raw.dashboard = { absent: true, error: 'not in this build (no data-testid="journey-map")' };
      note('the dashboard is not in this build: the map budget is checked against the ui.map reply');
    }
    if (want('popup')) log(`popup first render with 100k events: ${REPS} opens`);
    if (want('popup')) await measure('popup', async () => {
      results.raw.popup = await popupBench({ ext: storeExt, demoPage, reps: REPS });
    });
    // As a walk opens it: after the page's events, which drop the maps the worker keeps (the page panel's health is one).
    if (want('popup')) log(`popup first render with 100k events, each open after a write: ${REPS} opens`);
    if (want('popup')) await measure('popupAfterWrite', async () => {
      results.raw.popupAfterWrite = await popupBench({ ext: storeExt, demoPage, reps: REPS, beforeOpen: () => dropCachedMaps(storeSetup.page) });
    });
  }
  await storeExt?.close();
  storeExt = null;

  // ------------------------------------------------------------------------------------------ ingest
  if (want('ingest')) log('store ingest (the e2e build, a fresh profile)');
  if (want('ingest')) await measure('ingest', async () => {
    testExt = await launch({ dist: DIST_TEST });
    results.chromium ??= testExt.version;
    const testSetup = await demoStudyWithSession(testExt, site.url);
    const ingest = await ingestBench({ ext: testExt, study: testSetup.study, session: testSetup.session, siteUrl: site.url, runs: REPS });
    results.raw.ingest = ingest;
    if (ingest.error) throw new Error(ingest.error);
  });

  // ------------------------------------------------------------------------------------------ team sync
  if (want('sync')) log('team sync: 100k events from a loopback pouchdb-server into an empty profile (the shipped build)');
  if (want('sync')) await measure('sync', async () => {
    const { progress, ...sync } = await syncBench({ dist: DIST, siteUrl: site.url, log });
    results.raw.sync = { ...sync, progress };
  });
} finally {
  await withExt?.close();
  await without?.close();
  await storeExt?.close();
  await testExt?.close();
  await site.close();
}

// ---------------------------------------------------------------------------------------------------- table
const KB = 1024;
const rows = [];
const row = (figure, value, budget, verdict) => rows.push({ figure, value, budget, verdict });
const verdict = (ok) => (ok ? 'within' : 'over');
const ms = (v, d = 1) => `${round(v, d)} ms`;
const f = results.figures;
const raw = results.raw;
const missing = (name) => (raw[name]?.error ? `not measured: ${raw[name].error}` : 'not measured');
const n = (s, capped) => `n=${s.n}${capped ? ', capped by time' : ''}`;

row(
  'content script always injected, gzip',
  `${round(sizes.alwaysInjectedGzip / KB, 2)} KB (observer ${round(sizes.observer.gzip / KB, 2)} KB in ${sizes.observer.files.length} file${sizes.observer.files.length > 1 ? 's' : ''} + page-world.js ${round(sizes.pageWorld.gzip / KB, 2)} KB)`,
  '≤ 12 KB',
  verdict(sizes.alwaysInjectedGzip <= 12 * KB),
);
for (const chunk of sizes.onDemand) {
  row(`  on demand: ${chunk.entry.replace(/^inpage\//, '').replace(/(-[\w-]{8})?\.js$/, '')}, gzip`, `${round(chunk.gzip / KB, 2)} KB (one script)`, '—', 'info');
}

if (f.pageLoad) {
  const { task, script } = f.pageLoad;
  row('main-thread time added per page load (tasks)', `${ms(task.added, 2)} (with ${ms(task.with.median)} / without ${ms(task.without.median)}, ×${round(task.ratio, 2)}; n=${task.with.n})`, '≤ 2 ms median', verdict(task.added <= 2));
  const long = (side) => results.raw.pageLoad[side].reduce((n, m) => n + m.longTasks, 0);
  row('  long tasks in the page loads', `${long('with')} with / ${long('without')} without (${task.with.n} loads each)`, '0 caused', verdict(long('with') - long('without') <= 0));
  row('  of which script', `${ms(script.added, 2)} (with ${ms(script.with.median, 2)} / without ${ms(script.without.median, 2)}, ×${round(script.ratio, 2)}; paired ${ms(script.paired, 2)})`, '≤ 2 ms median', verdict(script.added <= 2));
} else if (want('pages')) row('main-thread time added per page load', missing('pageLoad'), '≤ 2 ms median', 'n/a');
for (const [name] of FLOORS) {
  const floor = f.floor?.[name];
  if (!floor) continue;
  const { task, script } = floor;
  const ours = f.pageLoad ? `; ours above it: ${ms(f.pageLoad.script.paired - script.paired, 2)} script, ${ms(f.pageLoad.task.paired - task.paired, 1)} tasks, paired` : '';
  row(`  floor: ${floor.what} adds`, `${ms(script.added, 2)} script, paired ${ms(script.paired, 2)} (with ${ms(script.with.median, 2)} / without ${ms(script.without.median, 2)}); tasks ${ms(task.added, 1)}, paired ${ms(task.paired, 1)}${ours}`, '—', 'info');
}

if (f.minimalPage) {
  const { alone, burst, perClick, longTasks, clicks } = f.minimalPage;
  // Each floor's figure of the minimal page, as `read` gives it from the floor's minimal-page figures.
  const floorFigures = (read) => FLOORS.map(([name]) => f.floor?.[name]?.minimalPage && `${name} ${read(f.floor[name].minimalPage)}`).filter(Boolean).join(', ');
  const floorsOf = (key) => floorFigures((figures) => ms(figures[key].script.paired, 2));
  const loadRow = (figure, fig, key) =>
    row(figure, `${ms(fig.script.added, 2)} (with ${ms(fig.script.with.median, 2)} / without ${ms(fig.script.without.median, 2)}; paired ${ms(fig.script.paired, 2)}${floorsOf(key) && `; floors, paired: ${floorsOf(key)}`}; tasks paired ${ms(fig.task.paired, 1)}; n=${fig.script.with.n})`, '≤ 2 ms median', verdict(fig.script.paired <= 2));
  loadRow('minimal page: script added per load', alone, 'alone');
  loadRow(`minimal page: script added, load + ${clicks}-click rage burst`, burst, 'burst');
  const floorClicks = floorFigures((figures) => `${round(figures.perClick.script, 0)} µs`);
  row(`  per click inside the ${clicks}-click burst, script`, `${round(perClick.script, 0)} µs (paired, burst load minus load alone${floorClicks && `; floors: ${floorClicks}`}; tasks ${round(perClick.task, 0)} µs)`, '≤ 50 µs median', verdict(perClick.script <= 50));
  row('  long tasks in the minimal-page loads', `${longTasks.with} with / ${longTasks.without} without (${longTasks.loads} loads each)`, '0 caused', verdict(longTasks.with - longTasks.without <= 0));
} else if (want('pages')) row('minimal page: script added per load', missing('minimalPage'), '≤ 2 ms median', 'n/a');

if (f.clicks) {
  const { script, task, longTasks } = f.clicks;
  row('per-click handling, script (bursts of 100)', `${round(script.added, 0)} µs (with ${round(script.with.median, 0)} / without ${round(script.without.median, 0)} µs, ×${round(script.ratio, 1)}; n=${script.with.n} bursts)`, '≤ 50 µs median', verdict(script.added <= 50));
  row('  all main-thread tasks per click', `${round(task.added, 0)} µs (with ${round(task.with.median, 0)} / without ${round(task.without.median, 0)} µs)`, '—', 'info');
  row('long tasks in the click bursts', `${longTasks.with} with / ${longTasks.without} without (${longTasks.bursts} bursts each)`, '0 caused', verdict(longTasks.added <= 0));
} else if (want('clicks')) row('per-click handling', missing('clicks'), '≤ 50 µs median; 0 long tasks', 'n/a');

if (raw.ingest && !raw.ingest.error) {
  const rate = summary(raw.ingest.runs.map((r) => r.eventsPerSecond));
  f.ingest = { eventsPerSecond: rate, msPerRun: summary(raw.ingest.runs.map((r) => r.ms)), events: raw.ingest.events, batchSize: raw.ingest.perBatch };
  row('store ingest, batched, in the worker (acknowledged)', `${round(rate.median, 0)} events/s (${raw.ingest.batches} batches × ${raw.ingest.perBatch} signals in ${ms(f.ingest.msPerRun.median, 0)}; ${n(rate, raw.ingest.capped)})`, '≥ 20k events/s', verdict(rate.median >= 20_000));
  const applied = summary(raw.ingest.runs.map((r) => r.appliedPerSecond));
  f.ingest.appliedPerSecond = applied;
  row('  applied into visits, signals, rollups', `${round(applied.median, 0)} events/s (the burst in ${ms(median(raw.ingest.runs.map((r) => r.appliedMs)), 0)})`, '—', 'info');
} else if (want('ingest')) row('store ingest, batched, in the worker', missing('ingest'), '≥ 20k events/s', 'n/a');
if (raw.load && !raw.load.error) {
  const imp = raw.load.import;
  row('  import via ui.import.apply', `${round(imp.eventsPerSecond, 0)} events/s (${imp.events} events, ${round(imp.bytes / 1e6, 1)} MB in ${ms(imp.ms, 0)})`, '—', 'info');
}

const hasDashboard = raw.dashboard && !raw.dashboard.error;
if (hasDashboard) {
  const painted = summary(raw.dashboard.runs.map((r) => r.painted));
  f.dashboard = { painted, rendered: summary(raw.dashboard.runs.map((r) => r.rendered)) };
  row('journey map (dashboard) with 100k events', `${ms(painted.median, 0)} from navigation to the map drawn (${n(painted, raw.dashboard.capped)})`, '≤ 200 ms', verdict(painted.median <= 200));
} else if (raw.dashboard && !raw.dashboard.absent) row('journey map (dashboard) with 100k events', missing('dashboard'), '≤ 200 ms', 'n/a');
if (raw.map && !raw.map.error) {
  const mapMs = summary(raw.map.runs.map((r) => r.ms));
  f.mapMessage = { ms: mapMs, replyBytes: raw.map.runs[0]?.replyBytes ?? null };
  row(
    hasDashboard ? '  of which the ui.map reply' : 'journey map with 100k events: ui.map reply',
    `${ms(mapMs.median, 0)} (reply ${round((f.mapMessage.replyBytes ?? 0) / 1e6, 2)} MB; ${n(mapMs, raw.map.capped)})${hasDashboard ? '' : '; no dashboard in this build'}`,
    '≤ 200 ms',
    hasDashboard ? 'info' : verdict(mapMs.median <= 200),
  );
} else if (want('map')) row('journey map with 100k events', missing(raw.load?.error ? 'load' : 'map'), '≤ 200 ms', 'n/a');

if (raw.popup && !raw.popup.error) {
  const popup = summary(raw.popup.runs.map((r) => r.painted));
  const small = raw.popupSmall && !raw.popupSmall.error ? summary(raw.popupSmall.runs.map((r) => r.painted)) : null;
  f.popup = { painted: popup, rendered: summary(raw.popup.runs.map((r) => r.rendered)), smallStore: small };
  row('popup first render with 100k events', `${ms(popup.median, 0)} (${n(popup, raw.popup.capped)}${small ? `; small store ${ms(small.median, 0)}` : ''})`, '≤ 100 ms', verdict(popup.median <= 100));
  if (raw.popupAfterWrite && !raw.popupAfterWrite.error) {
    f.popup.afterWrite = summary(raw.popupAfterWrite.runs.map((r) => r.painted));
    row('  each open after a write (as in a walk)', `${ms(f.popup.afterWrite.median, 0)} (${n(f.popup.afterWrite, raw.popupAfterWrite.capped)})`, '—', 'info');
  }
} else if (want('popup')) row('popup first render with 100k events', missing(raw.load?.error ? 'load' : 'popup'), '≤ 100 ms', 'n/a');
if (raw.sync && !raw.sync.error) {
  const s = raw.sync;
  f.sync = { ms: s.ms, eventsPerSecond: s.eventsPerSecond };
  row('team sync: 100k events into an empty profile', `${round(s.ms / 1000, 1)} s from Join to every event stored (${round(s.eventsPerSecond, 0)} events/s, ${s.documents} documents; sync idle at ${round(s.idleMs / 1000, 1)} s; its map then ${ms(s.mapMs, 0)})`, '≤ 60 s', verdict(s.ms <= 60_000));
} else if (want('sync')) row('team sync: 100k events into an empty profile', missing('sync'), '≤ 60 s', 'n/a');

if (f.heap) {
  const h = f.heap;
  row(
    `content-script heap after ${h.routes} route changes`,
    `+${round(h.added / KB, 0)} KB kept (growth ${round(h.growthWith / KB, 0)} KB with / ${round(h.growthWithout / KB, 0)} KB without; after the first 50 routes ${round(h.perRouteWith, 0)} B/route with / ${round(h.perRouteWithout, 0)} without; at start +${round((h.startWith - h.startWithout) / KB, 0)} KB)`,
    '—',
    'info',
  );
} else if (want('heap')) row('content-script heap after a 200-route walk', missing('heap'), '—', 'n/a');

const HEAD = ['figure', 'value', 'budget', 'within/over'];
const KEYS = ['figure', 'value', 'budget', 'verdict'];
const widths = KEYS.map((k, i) => Math.max(HEAD[i].length, ...rows.map((r) => r[k].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
const table = [line(HEAD), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(KEYS.map((k) => r[k])))].join('\n');

// ---------------------------------------------------------------------------------------------------- record
const git = (...a) => {
  try {
    return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};
const totalSeconds = (Date.now() - runStarted) / 1000;
results.table = rows;
results.run = {
  at: new Date().toISOString(),
  seconds: round(totalSeconds, 1),
  repetitions: REPS,
  quick: QUICK,
  built: !args.has('--no-build'),
  commit: git('rev-parse', 'HEAD'),
  uncommittedChanges: (git('status', '--porcelain') ?? '').split('\n').filter(Boolean).length,
};
results.machine = {
  nproc: os.availableParallelism?.() ?? os.cpus().length,
  cpu: os.cpus()[0]?.model ?? null,
  memoryGB: round(os.totalmem() / 1024 ** 3, 1),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: results.chromium ?? null,
};
writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

process.stdout.write(`\nJourney Lens benchmarks — ${results.machine.nproc} CPUs, Chromium ${results.machine.chromium}, ${REPS} repetitions, ${round(totalSeconds, 0)} s\n\n${table}\n\n`);
for (const text of results.notes) process.stdout.write(`note: ${text}\n`);
process.stdout.write(`raw figures: bench/results.json\n`);
// Budgets over are findings, not failures; a figure that could not be measured is a broken benchmark.
if (rows.some((r) => r.verdict === 'n/a')) process.exitCode = 1;
