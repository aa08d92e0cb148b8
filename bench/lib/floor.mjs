// The floors under the page-load figure: what a content script costs a page whatever it does, registered the way
// ours is (same worker, same matches, same run_at). The built extension is copied and its always-injected
// scripts' code replaced; everything else (the study, the session, the worker) stays as it is.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { injectedEntry } from './sizes.mjs';

/**
 * The least an observer can do and still record a visit's friction (issue 22): each browser API it cannot do
 * without, used once, the way ours uses it — the hello to the worker and the worker's messages; route changes
 * and navigations (Navigation API); the load's timing and largest paint; a random id; per click, the element
 * clicked and whether the page changes after it; a burst's one signal (a timer from its first click, one message
 * once it is over: what a recorder finds, it sends); the look at the settled page for a dead end (its text and
 * whether a control shows). In the page's own world, its errors. Every page load builds these bindings afresh in
 * a new isolated world, and that, not our code, is most of what a load pays: this floor says how much.
 */
const NEEDED_APIS = `(() => {
  chrome.runtime.onMessage.addListener(() => undefined);
  chrome.runtime.sendMessage({ type: 'content.hello', url: location.origin + location.pathname }).catch(() => undefined);
  const signal = new AbortController().signal;
  globalThis.navigation?.addEventListener('currententrychange', () => undefined, { signal });
  performance.getEntriesByType('navigation')[0]?.responseStatus;
  new PerformanceObserver(() => undefined).observe({ type: 'largest-contentful-paint', buffered: true });
  crypto.randomUUID();
  let changes;
  let burstEnd;
  addEventListener('click', (event) => {
    const target = event.composedPath()[0];
    if (!event.isTrusted || !(target instanceof Element)) return;
    target.closest('a, button');
    (changes ??= new MutationObserver(() => undefined)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    burstEnd ??= setTimeout(() => {
      burstEnd = undefined;
      const element = { tag: target.tagName.toLowerCase(), name: target.textContent.trim().slice(0, 100) };
      chrome.runtime.sendMessage({ type: 'content.events', events: [{ kind: 'signal', signal: { kind: 'rage_click', at: Date.now(), element } }] }).catch(() => undefined);
    }, 1500);
  }, { capture: true, signal });
  setTimeout(() => document.body.innerText.length + Number(document.querySelector('button, a[href]')?.checkVisibility()), 1500);
})();
`;
const PAGE_ERRORS = `addEventListener('error', () => undefined);
addEventListener('unhandledrejection', () => undefined);
`;

/**
 * What stands in for the observer in each floor build, from its built code, and for page-world.js (an empty
 * statement unless said). The second keeps the observer's code, compiled and evaluated but never run: what its
 * size and parsing cost, apart from what it does.
 */
export const FLOORS = [
  ['empty', 'an empty content script', () => 'void 0;\n'],
  ['compiled', 'the observer compiled, not run', (observer) => `if (globalThis.__jlBenchNeverSet) ${observer}`],
  ['apis', 'the browser APIs an observer needs, each used once', () => NEEDED_APIS, PAGE_ERRORS],
];

/** A copy of `dist` whose observer is `code(itsCode)`, and page-world `pageWorld`. Returns its folder and a way to remove it. */
export async function floorBuild(dist, code, pageWorld = 'void 0;\n') {
  const dir = await mkdtemp(join(tmpdir(), 'jl-floor-'));
  await cp(dist, dir, { recursive: true });
  const observer = join(dir, injectedEntry(dist));
  await writeFile(observer, code(await readFile(observer, 'utf8')));
  await writeFile(join(dir, 'page-world.js'), pageWorld);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
