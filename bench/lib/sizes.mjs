// Gzip sizes of what the built extension puts into pages: the always-injected observer (one classic script, and any
// chunk it imports statically: none, test/e2e/bundle.test.ts checks), the page-world error script, and each part
// loaded only on demand (one classic script each, injected by the worker).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC = /(?:from\s*|import\s*)["'`]([\w./-]+\.js)["'`]/g;

const resolveSpec = (file, spec) => (spec.startsWith('.') ? normalize(join(file, '..', spec)) : normalize(spec.replace(/^\//, '')));

function staticGraph(dist, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = normalize(queue.shift());
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const [, spec] of code.matchAll(STATIC)) queue.push(resolveSpec(file, spec));
  }
  return [...seen];
}

const gzip = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** The file the worker registers as the observer (src/background/content-scripts.ts), relative to `dist`. */
export function injectedEntry(dist) {
  if (!existsSync(join(dist, 'observer.js'))) throw new Error(`No observer.js in ${dist}`);
  return 'observer.js';
}

export function injectedSizes(dist) {
  const injected = staticGraph(dist, [injectedEntry(dist)]);
  const observerGzip = injected.reduce((sum, f) => sum + gzip(dist, f), 0);
  // public/page-world.js runs in the page's own world at document_start on the same pages.
  let pageWorldGzip = 0;
  try {
    pageWorldGzip = gzip(dist, 'page-world.js');
  } catch {
    // not in this build
  }

  // On demand: each classic script in inpage/ the worker injects when the observer asks (scripts/observer-script.ts),
  // whole: it shares no chunk with the observer or with another part.
  const onDemand = readdirSync(join(dist, 'inpage'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ entry: `inpage/${f}`, files: [`inpage/${f}`], gzip: gzip(dist, `inpage/${f}`) }));
  return {
    observer: { files: injected.map((f) => ({ file: f, gzip: gzip(dist, f) })), gzip: observerGzip },
    pageWorld: { file: 'page-world.js', gzip: pageWorldGzip },
    alwaysInjectedGzip: observerGzip + pageWorldGzip,
    onDemand,
  };
}
