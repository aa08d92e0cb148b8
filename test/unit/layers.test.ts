import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, edgesOf, graph, isAsset, isPackage, reachable, SRC, type Edge } from './module-graph';

/**
 * The code is split by where it runs; these edges keep it that way (STYLE.md). An import is "runtime" unless it
 * is `import type`, which the build erases; dynamic `import()` is runtime too (it becomes a chunk loaded later).
 */
const edges = graph();
const part = (path: string) => (path.startsWith('..') ? 'outside' : path.split('/')[0]!);

/** Which parts and packages each part may import at run time. */
const ALLOWED: Record<string, { parts: string[]; packages: RegExp }> = {
  // approx-string-match: the fuzzy quote search Hypothesis uses (core/anchoring/quote.ts), DOM-free.
  core: { parts: ['core'], packages: /^(zod|approx-string-match)$/ },
  platform: { parts: ['platform'], packages: /^webextension-polyfill$/ },
  content: { parts: ['content', 'core', 'platform', 'inpage'], packages: /^$/ },
  // pouchdb-*: a team sync's CouchDB replication (background/sync/pouchdb.ts), the only network code.
  background: { parts: ['background', 'core', 'platform'], packages: /^(idb|zod|pouchdb-(core|adapter-indexeddb|adapter-http|replication))$/ },
  // What extension pages and the UI we put into pages both show: messages, formatting, the survey card.
  shared: { parts: ['shared', 'core', 'platform'], packages: /^(preact|preact\/hooks|preact\/jsx-runtime)$/ },
  // fflate: the report bundle's zip, made in the Feedback tab.
  ui: { parts: ['ui', 'shared', 'core', 'platform'], packages: /^(preact|preact\/hooks|preact\/jsx-runtime|zod|fflate)$/ },
  // UI we put into pages, loaded on demand by the observer (never part of the script injected into every page).
  inpage: { parts: ['inpage', 'shared', 'core', 'platform'], packages: /^(preact|preact\/hooks|preact\/jsx-runtime)$/ },
};

/** The observer's parts loaded when first shown: on-demand.ts's `import()` targets (scripts/observer-script.ts builds each as an entry). */
const onDemandEntries = edgesOf(join(SRC, 'content/on-demand.ts'))
  .filter((e) => e.dynamic)
  .map((e) => e.to);

/** What the observer's one classic script holds: static imports only, the on-demand parts are fetched by URL. */
function injected(): Set<string> {
  return reachable(
    edges.filter((e) => !e.dynamic),
    'content/observer.ts',
  );
}

/** What the options page opened on the map loads before its first frame: its entry and the map tab, static imports only. */
function optionsOnTheMap(): Set<string> {
  const loadedAtOnce = edges.filter((e) => !e.typeOnly && !e.dynamic);
  return new Set([...reachable(loadedAtOnce, 'ui/options/main.tsx'), ...reachable(loadedAtOnce, 'ui/dashboard/DashboardTab.tsx')]);
}

describe('layer boundaries', () => {
  it('finds the parts it guards, and dynamic imports among the edges', () => {
    expect(new Set(edges.map((e) => part(e.from)))).toEqual(new Set(Object.keys(ALLOWED)));
    expect(edges.filter((e) => e.dynamic).length).toBeGreaterThan(onDemandEntries.length);
    expect(onDemandEntries).toContain('inpage/show-survey.tsx');
  });

  for (const [name, rule] of Object.entries(ALLOWED)) {
    it(`${name} imports only ${rule.parts.join(', ')} and its packages`, () => {
      const bad = edges
        .filter((e) => part(e.from) === name && !e.typeOnly && !isAsset(e.to))
        .filter((e) => (isPackage(e.to) ? !rule.packages.test(e.to) : !rule.parts.includes(part(e.to))));
      expect(bad).toEqual([]);
    });
  }

  it('content loads the UI it puts into pages only on demand: no static import of inpage', () => {
    expect(edges.filter((e) => part(e.from) === 'content' && part(e.to) === 'inpage' && !e.typeOnly && !e.dynamic)).toEqual([]);
  });

  it('keeps zod, Preact and idb out of the script injected into every page', () => {
    const reached = injected();
    expect([...reached].filter((f) => /^(zod|preact|idb|webextension-polyfill)/.test(f))).toEqual([]);
    expect(reached.has('core/journey/page-rules.ts')).toBe(true);
    // Patterns become expressions in the worker (the hello carries them); the page only tests them.
    expect(reached.has('core/journey/stage-match.ts')).toBe(false);
    expect(reached.has('core/journey/scope.ts')).toBe(false);
    expect(reached.has('inpage/show-survey.tsx')).toBe(false);
  });

  it('keeps zod out of the popup and the side panel: its module and every schema would run before their first render', () => {
    const runtime = edges.filter((e) => !e.typeOnly);
    for (const entry of ['ui/popup/main.tsx', 'ui/panel/main.tsx']) {
      const reached = reachable(runtime, entry);
      expect([...reached].filter((f) => f === 'zod' || f.startsWith('core/records/') || f === 'core/messages.ts'), entry).toEqual([]);
      expect(reached.has('ui/popup/Popup.tsx'), entry).toBe(true);
    }
  });

  it('keeps zod out of the options page as it opens on the map: the other tabs and the schemas load when used', () => {
    const reached = optionsOnTheMap();
    expect([...reached].filter((f) => f === 'zod' || f.startsWith('core/records/') || f === 'core/messages.ts')).toEqual([]);
    expect(reached.has('ui/dashboard/JourneyMap.tsx')).toBe(true);
    expect(reached.has('ui/options/StudiesTab.tsx')).toBe(false);
    expect(edges.some((e) => e.dynamic && e.from === 'ui/options/Options.tsx' && e.to === 'ui/dashboard/DashboardTab.tsx')).toBe(true);
  });

  it('keeps the text analysis out of the options page as it opens on the map: the worker sends what people wrote summed up', () => {
    const reached = optionsOnTheMap();
    expect([...reached].filter((f) => /^core\/text\/(summary|sentiment|themes|lexicon)/.test(f))).toEqual([]);
    expect(reached.has('core/text/voice.ts')).toBe(true);
    expect(reachable(edges.filter((e) => !e.typeOnly && !e.dynamic), 'core/journey-map/map-data.ts').has('core/text/summary.ts')).toBe(true);
  });

  it('keeps the UI pages’ first scripts to the browser’s own API: no polyfill, zod or Preact to wait for', () => {
    for (const entry of ['ui/options/ask-early.ts', 'ui/popup/ask-early.ts']) {
      const reached = reachable(edges.filter((e) => !e.typeOnly), entry);
      expect([...reached].filter((f) => isPackage(f)), entry).toEqual([]);
      expect(reached.has('ui/early-replies.ts'), entry).toBe(true);
    }
  });

  it('keeps zod, idb and the polyfill out of the parts pages load on demand (the built chunks’ modules)', () => {
    for (const entry of onDemandEntries) {
      const reached = reachable(edges, entry);
      expect([...reached].filter((f) => /^(zod|idb|webextension-polyfill)$/.test(f) || /^(ui|background)\//.test(f)), entry).toEqual([]);
    }
    // The survey card reaches the messages through the polyfill-free seam.
    expect(reachable(edges, 'inpage/show-survey.tsx').has('platform/i18n.ts')).toBe(true);
  });
});

describe('import cycles', () => {
  it('there are none, type-only imports included', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('are found, through dynamic and type-only imports too', () => {
    const edge = (from: string, to: string, over: Partial<Edge> = {}): Edge => ({ from, to, typeOnly: false, dynamic: false, ...over });
    expect(cycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts', { dynamic: true }), edge('c.ts', 'a.ts', { typeOnly: true }), edge('c.ts', 'd.ts')])).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles([edge('a.ts', 'a.ts')])).toEqual([['a.ts']]);
    expect(cycles([edge('a.ts', 'b.ts'), edge('b.ts', 'zod')])).toEqual([]);
  });

  it('reads every form of import, and none in comments', () => {
    const text = readFileSync(join(SRC, 'content/annotate-flow.ts'), 'utf8');
    const found = edgesOf(join(SRC, 'content/annotate-flow.ts'), text);
    expect(found.some((e) => e.dynamic && e.to === 'inpage/annotate/picker.ts')).toBe(true);
    expect(found.some((e) => e.typeOnly && e.to === 'inpage/annotate/types.ts')).toBe(true);
    const commented = edgesOf(join(SRC, 'x.ts'), "// import('./nowhere')\n/* import { a } from './neither'; */\nexport { b } from './somewhere';\n");
    expect(commented.map((e) => e.to)).toEqual(['somewhere']);
  });
});
