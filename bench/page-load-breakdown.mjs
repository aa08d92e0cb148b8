#!/usr/bin/env node
// Where the main-thread time a page load gains with the extension goes (PRODUCT.md §8: "main-thread time added per
// page load ≤ 2 ms"): a Chromium trace of each load, in three browsers — the shipped build with the demo study and
// a running session, the same build with the observer compiled but never run (bench/lib/floor.mjs), and no
// extension — loading the same pages one at a time, interleaved. Prints, per load, the main thread's task time and
// the trace events whose own time (minus what they contain) differs most between the observer running and only
// compiled. Tracing slows everything down a little, so these are shares, not the bench's figures; asserts nothing.
//
//   node bench/page-load-breakdown.mjs              build into bench/.build/dist, then measure
//   node bench/page-load-breakdown.mjs --no-build   measure bench/.build/dist as built (JL_DIST elsewhere)
//   node bench/page-load-breakdown.mjs --paths=/minimal   only these pages (comma-separated; the minimal page here)

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite } from '../demo-site/server.mjs';
import { demoStudyWithSession, launch } from './lib/browser.mjs';
import { FLOORS, floorBuild } from './lib/floor.mjs';
import { median, round } from './lib/stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const LOADS = 16;
// As the bench: the observer's start, first batch and dead-end check are in the window (2.5 s for the minimal page).
const SETTLE_MS = Number(process.env.JL_SETTLE_MS ?? 1900);
const PATHS = process.argv.find((a) => a.startsWith('--paths='))?.slice('--paths='.length).split(',') ?? ['/', '/product/2', '/guides/choosing-a-phone', '/cart'];
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'extensions', 'ipc', 'loading'];
const SHOWN = 25;

let DIST = resolve(process.env.JL_DIST ?? join(HERE, '.build', 'dist'));
if (!process.argv.includes('--no-build')) {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', DIST, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stdout + built.stderr);
}
if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST} has no manifest.json`);

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The trace events of one page load and the settle time after it. */
async function tracedLoad(browser, page, url) {
  const cdp = await browser.context.browser().newBrowserCDPSession();
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await sleep(SETTLE_MS);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

/**
 * The page's main thread (the renderer thread that parsed the most HTML), its tasks' total time, and each event
 * name's own time: its duration minus that of the events nested directly in it.
 */
function attribute(events) {
  const parsed = new Map();
  for (const e of events) if (e.name === 'ParseHTML') parsed.set(`${e.pid}:${e.tid}`, (parsed.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...parsed].sort((a, b) => b[1] - a[1])[0]?.[0];
  const spans = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const own = new Map();
  const add = (name, us) => own.set(name, (own.get(name) ?? 0) + us / 1000);
  let tasks = 0;
  const open = [];
  for (const e of spans) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    if (open.length) add(open.at(-1).name, -e.dur);
    else tasks += e.dur / 1000;
    add(e.name, e.dur);
    open.push(e);
  }
  return { tasks, own };
}

const site = await startDemoSite({ port: 0 });
const compiledOnly = FLOORS.find(([name]) => name === 'compiled');
const floor = await floorBuild(DIST, compiledOnly[2]);
const sides = [
  { name: 'observer', dist: DIST },
  { name: 'compiled, not run', dist: floor.dir },
  { name: 'no extension', dist: null },
];
try {
  for (const side of sides) {
    side.browser = await launch({ dist: side.dist });
    if (side.dist) await (await demoStudyWithSession(side.browser, site.url)).page.close();
    side.page = await side.browser.context.newPage();
    await side.page.goto(`${site.url}/`, { waitUntil: 'load' }); // warm-up, not counted
    side.loads = [];
  }
  for (let i = 0; i < LOADS; i++) {
    for (const side of i % 2 ? [...sides].reverse() : sides) side.loads.push(attribute(await tracedLoad(side.browser, side.page, site.url + PATHS[i % PATHS.length])));
  }
} finally {
  for (const side of sides) await side.browser?.close();
  await floor.remove();
  await site.close?.();
}

const ms = (value) => `${round(value, 2).toFixed(2)} ms`;
console.log(`Main-thread task time per page load, traced (${LOADS} loads each, medians):`);
for (const side of sides) console.log(`  ${side.name.padEnd(18)} ${ms(median(side.loads.map((l) => l.tasks)))}`);
const mean = (side, name) => side.loads.reduce((sum, l) => sum + (l.own.get(name) ?? 0), 0) / side.loads.length;
const names = new Set(sides.flatMap((side) => side.loads.flatMap((l) => [...l.own.keys()])));
const rows = [...names].map((name) => ({ name, values: sides.map((side) => mean(side, name)) })).sort((a, b) => b.values[0] - b.values[1] - (a.values[0] - a.values[1]));
console.log(`\nOwn time by trace event, mean per load, most added by running the observer first (${sides.map((s) => s.name).join(' / ')}):`);
for (const { name, values } of rows.slice(0, SHOWN)) console.log(`  ${values.map((v) => v.toFixed(2).padStart(6)).join(' ')}  ${name}`);
process.exit(0);
