#!/usr/bin/env node
// What the first use of each API costs a content script on a page load (issue 22). Every page load gives the
// observer a new isolated world, and the first use of an extension API or a kind of DOM object in it builds its
// bindings afresh: that, more than our own code, is what a page load pays. A probe script stands in for the
// observer (registered the same way, bench/lib/floor.mjs) and times each API's first call on the minimal page.
// The timer is coarse in an isolated world (0.1 ms): these are means over many loads, shares, not the bench's
// figures; asserts nothing.
//
//   node bench/first-use.mjs              build into bench/.build/dist, then measure
//   node bench/first-use.mjs --no-build   measure bench/.build/dist as built (JL_DIST elsewhere)

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite } from '../demo-site/server.mjs';
import { demoStudyWithSession, launch } from './lib/browser.mjs';
import { floorBuild } from './lib/floor.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const LOADS = 16;
const DIST = resolve(process.env.JL_DIST ?? join(HERE, '.build', 'dist'));
if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', DIST, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stdout + built.stderr);
}

/** What the observer touches as a page loads, in the order it does (the later ones find the earlier built). */
const PROBES = {
  'chrome.runtime': 'chrome.runtime.id',
  'runtime.onMessage.addListener': 'chrome.runtime.onMessage.addListener(() => {})',
  'runtime.sendMessage (the hello)': 'chrome.runtime.sendMessage({ type: "content.hello", url: location.origin + location.pathname }).catch(() => {})',
  AbortController: 'new AbortController().signal',
  'addEventListener with a signal': 'addEventListener("wheel", () => {}, { passive: true, capture: true, signal: new AbortController().signal })',
  MutationObserver: 'new MutationObserver(() => {}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true })',
  'PerformanceObserver (resource)': 'new PerformanceObserver(() => {}).observe({ type: "resource" })',
  ResizeObserver: 'new ResizeObserver(() => {}).observe(document.documentElement)',
  'navigation (Navigation API)': 'globalThis.navigation?.addEventListener("navigate", () => {})',
  'performance.getEntriesByType': 'performance.getEntriesByType("navigation")[0]?.type',
  'crypto.randomUUID': 'crypto.randomUUID()',
  URL: 'new URL(location.href).pathname',
  'scrollHeight, scrollY, innerHeight': 'document.documentElement.scrollHeight + scrollY + innerHeight',
  'body.innerText': 'document.body.innerText.length',
  'checkVisibility': 'document.querySelector("button").checkVisibility({ visibilityProperty: true })',
  'getClientRects': 'document.querySelector("button").getClientRects().length',
  getComputedStyle: 'getComputedStyle(document.querySelector("button")).visibility',
  'chrome.storage.session': 'chrome.storage.session',
};
const names = Object.keys(PROBES);
const probe = `(() => {
  const spent = {};
  ${names.map((name) => `{ const at = performance.now(); ${PROBES[name]}; spent[${JSON.stringify(name)}] = performance.now() - at; }`).join('\n  ')}
  console.log('jl-first-use' + JSON.stringify(spent));
})();\n`;

const site = await startDemoSite({ port: 0 });
const build = await floorBuild(DIST, () => probe);
const ext = await launch({ dist: build.dir });
const sums = Object.fromEntries(names.map((name) => [name, 0]));
let heard = 0;
try {
  await demoStudyWithSession(ext, site.url);
  const page = await ext.context.newPage();
  page.on('console', (message) => {
    if (!message.text().startsWith('jl-first-use')) return;
    heard++;
    for (const [name, ms] of Object.entries(JSON.parse(message.text().slice('jl-first-use'.length)))) sums[name] += ms;
  });
  for (let i = 0; i <= LOADS; i++) {
    if (i === 1) for (const name of names) sums[name] = 0; // the first load warms the browser up, not counted
    if (i === 1) heard = 0;
    await page.goto(`${site.url}/minimal`, { waitUntil: 'load' });
    await new Promise((done) => setTimeout(done, 700));
  }
} finally {
  await ext.close();
  await build.remove();
  await site.close();
}
console.log(`First use in a page's isolated world, mean of ${heard} loads of the minimal page (timer 0.1 ms):`);
for (const name of names) console.log(`  ${(sums[name] / heard).toFixed(3).padStart(6)} ms  ${name}`);
process.exit(0);
