// Gzip sizes of what the built extension puts into pages: the always-injected observer (one classic script, and any
// chunk it imports statically: none, test/e2e/bundle.test.ts checks), the page-world error script, and each part
// loaded only on demand (dynamic imports reachable from the observer: by URL from it, relative between the parts).
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC = /(?:from\s*|import\s*)["'`]([\w./-]+\.js)["'`]/g;
const DYNAMIC = /import\(\s*(?:\w+\(\s*)?["'`]([\w./-]+\.js)["'`]\s*\)/g;

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

  // On demand: every chunk reachable by a dynamic import from the injected graph (and from those chunks, in turn),
  // counted as what it adds beyond what is already in the page.
  const loaded = new Set(injected);
  const onDemand = [];
  const queue = [...injected];
  while (queue.length) {
    const file = queue.shift();
    const code = readFileSync(join(dist, file), 'utf8');
    for (const [, spec] of code.matchAll(DYNAMIC)) {
      const target = resolveSpec(file, spec);
      if (loaded.has(target) || onDemand.some((d) => d.entry === target)) continue;
      const graph = staticGraph(dist, [target]).filter((f) => !loaded.has(f));
      onDemand.push({ entry: target, files: graph, gzip: graph.reduce((sum, f) => sum + gzip(dist, f), 0), from: file });
      queue.push(...graph);
    }
  }
  return {
    observer: { files: injected.map((f) => ({ file: f, gzip: gzip(dist, f) })), gzip: observerGzip },
    pageWorld: { file: 'page-world.js', gzip: pageWorldGzip },
    alwaysInjectedGzip: observerGzip + pageWorldGzip,
    onDemand,
  };
}
