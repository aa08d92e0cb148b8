#!/usr/bin/env node
// Which of the extension's tasks a page load (or a load and a rage burst) pays for, and in which of our functions
// (issue 22): V8's sampling profiler over each load of the minimal page, in the built extension with the demo study
// and a running session. Every sample inside our scripts is charged to the task it ran in (the outermost frame of
// ours: the script's first run, the hello's answer, a timer, a listener) and to the function of ours it was in,
// with the native it was in, such as an API's first use (V8 often misnames the extension API's bindings, e.g.
// `setUninstallURL` for sendMessage). The build is unminified, so our names and lines are the source's.
// The profiler slows the page down, and first uses fall wherever they come first: these are shares, not the
// bench's figures; asserts nothing.
//
//   node bench/load-profile.mjs              build unminified into bench/.build/dist-plain, then profile loads
//   node bench/load-profile.mjs --burst      each load followed by the bench's 20-click rage burst
//   node bench/load-profile.mjs --no-build   profile bench/.build/dist-plain as built (JL_DIST elsewhere)
//   LOADS=16 TOP=40 node bench/load-profile.mjs

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite } from '../demo-site/server.mjs';
import { demoStudyWithSession, launch } from './lib/browser.mjs';
import { rageBurst } from './lib/page-benches.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const LOADS = Number(process.env.LOADS ?? 16);
const TOP = Number(process.env.TOP ?? 40);
/** As the bench reads the minimal page: 2.5 s after the load event, the 1.5 s dead-end look included. */
const SETTLE_MS = 2500;
const SAMPLE_US = 50;
const DIST = resolve(process.env.JL_DIST ?? join(HERE, '.build', 'dist-plain'));
if (!process.argv.includes('--no-build')) {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', DIST, '--minify', 'false', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stdout + built.stderr);
}
const burst = process.argv.includes('--burst') ? rageBurst('#minimal-button', 20) : null;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const ours = (frame) => frame.url.startsWith('chrome-extension://');
const where = (frame) => `${frame.url.split('/').pop()}:${frame.lineNumber < 0 ? '(top level)' : `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`}`;

/** Adds one profile's samples in our scripts to `charged`, by task and function; returns the ms charged. */
function charge(profile, charged) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const sampled = nodes.get(id);
    let inOurs = sampled;
    while (inOurs && !ours(inOurs.callFrame)) inOurs = parents.get(inOurs.id);
    if (!inOurs) return;
    let task = inOurs;
    for (let up = inOurs; up; up = parents.get(up.id)) if (ours(up.callFrame)) task = up;
    const native = ours(sampled.callFrame) ? '' : `[${sampled.callFrame.functionName || 'native'}] `;
    const key = `${where(task.callFrame)}  ←  ${native}${where(inOurs.callFrame)}`;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    charged.set(key, (charged.get(key) ?? 0) + ms);
    total += ms;
  });
  return total;
}

const site = await startDemoSite({ port: 0 });
const ext = await launch({ dist: DIST });
const charged = new Map();
let total = 0;
try {
  await demoStudyWithSession(ext, site.url);
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
  await page.goto(`${site.url}/minimal`, { waitUntil: 'load' }); // warm-up, not counted
  await sleep(SETTLE_MS);
  for (let i = 0; i < LOADS; i++) {
    // Left first, so the minimal page's pagehide falls outside the profile.
    await page.goto('about:blank');
    await cdp.send('Profiler.start');
    await page.goto(`${site.url}/minimal`, { waitUntil: 'load' });
    const loadedAt = Date.now();
    await burst?.(page);
    await sleep(SETTLE_MS - (Date.now() - loadedAt));
    total += charge((await cdp.send('Profiler.stop')).profile, charged);
  }
} finally {
  await ext.close();
  await site.close();
}
console.log(`Samples in our scripts, mean per load of ${LOADS} minimal-page loads${burst ? ' with a 20-click burst' : ''}: ${(total / LOADS).toFixed(2)} ms`);
console.log('  ms/load  task  ←  function of ours (and the native it was in)');
for (const [key, ms] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(ms / LOADS).toFixed(3).padStart(9)}  ${key}`);
process.exit(0);
