#!/usr/bin/env node
// Which of several builds costs a page load least (issue 22): each built extension folder given (a `dist` made by
// `vite build --outDir …`, or a copy with one part switched off), with the demo study and a running session, and a
// browser without the extension, load the same page one after another (not at once: this machine has two cores),
// in alternating order, `LOADS` times. Prints each build's median Chromium `ScriptDuration` and its median paired
// with the load without the extension. Run-to-run drift on this machine is ±0.5 ms: compare builds within a run.
// With SPLIT (ms after load), the time is also read then, and each side's medians before and after it are printed:
// SPLIT=1300 parts the load from the dead-end look at 1.5 s. Asserts nothing.
//
//   node bench/compare-builds.mjs dist /tmp/other-dist        LOADS=24 P=/minimal (or /,/cart) CLICKS=20 SETTLE=2500 SPLIT=1300
import { startDemoSite } from '../demo-site/server.mjs';
import { demoStudyWithSession, launch } from './lib/browser.mjs';
import { metricsOf, rageBurst } from './lib/page-benches.mjs';
import { median } from './lib/stats.mjs';
const dirs = process.argv.slice(2);
if (!dirs.length) {
  process.stderr.write('usage: node bench/compare-builds.mjs <built extension folder>…\n');
  process.exit(1);
}
const LOADS = Number(process.env.LOADS ?? 12);
const PATHS = (process.env.P ?? '/minimal').split(',');
const CLICKS = Number(process.env.CLICKS ?? 0);
const SETTLE_MS = Number(process.env.SETTLE ?? 2500);
const SPLIT_MS = process.env.SPLIT ? Number(process.env.SPLIT) : null;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
// The bench's own rage burst: 0.3 s after load, on the minimal page's button, a pixel or two apart.
const burst = rageBurst('#minimal-button', CLICKS);

const site = await startDemoSite({ port: 0 });
const sides = [...dirs.map((dist) => ({ name: dist, dist })), { name: 'no extension', dist: null }];
try {
  for (const side of sides) {
    side.browser = await launch({ dist: side.dist });
    if (side.dist) await (await demoStudyWithSession(side.browser, site.url)).page.close();
    side.page = await side.browser.context.newPage();
    side.cdp = await side.browser.context.newCDPSession(side.page);
    await side.cdp.send('Performance.enable');
    await side.page.goto(site.url + PATHS[0], { waitUntil: 'load' }); // warm-up, not counted
    side.samples = [];
    side.early = [];
  }
  for (let i = 0; i < LOADS; i++) {
    const url = site.url + PATHS[i % PATHS.length];
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      await side.page.goto(url, { waitUntil: 'load' });
      const loadedAt = Date.now();
      if (CLICKS) await burst(side.page);
      if (SPLIT_MS !== null) {
        await sleep(SPLIT_MS - (Date.now() - loadedAt));
        side.early.push((await metricsOf(side.cdp)).script);
      }
      await sleep(SETTLE_MS - (Date.now() - loadedAt));
      side.samples.push((await metricsOf(side.cdp)).script);
    }
  }
} finally {
  for (const side of sides) await side.browser?.close();
  await site.close();
}
const none = sides.at(-1).samples;
for (const side of sides) {
  const paired = median(side.samples.map((ms, i) => ms - none[i]));
  console.log(`${side.name.padEnd(40)} script ${median(side.samples).toFixed(2)} ms, paired ${paired.toFixed(2)} ms (${LOADS} loads)`);
  if (SPLIT_MS !== null) {
    const after = side.samples.map((ms, i) => ms - side.early[i]);
    console.log(`${''.padEnd(40)} before ${SPLIT_MS} ms ${median(side.early).toFixed(2)} ms, after ${median(after).toFixed(2)} ms`);
  }
}
process.exit(0);
