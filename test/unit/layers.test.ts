import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The code is split by where it runs; these edges keep it that way (STYLE.md). An import is "runtime" unless it
 * is `import type`, which the build erases.
 */
const SRC = resolve(import.meta.dirname, '../../src');

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    const spec = match[3] ?? match[4]!;
    const to = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec;
    edges.push({ from: relative(SRC, file), to, typeOnly: Boolean(match[2]) });
  }
  return edges;
}

const edges = sourceFiles(SRC).flatMap(edgesOf);
const part = (path: string) => (path.startsWith('..') ? 'outside' : path.split('/')[0]!);
const isPackage = (to: string) => !to.startsWith('.') && !/^(core|content|background|ui|platform|inpage)(\/|$)/.test(to);

/** Which parts and packages each part may import at run time. */
const ALLOWED: Record<string, { parts: string[]; packages: RegExp }> = {
  core: { parts: ['core'], packages: /^zod$/ },
  platform: { parts: ['platform'], packages: /^webextension-polyfill$/ },
  content: { parts: ['content', 'core', 'platform'], packages: /^$/ },
  background: { parts: ['background', 'core', 'platform'], packages: /^(idb|zod)$/ },
  ui: { parts: ['ui', 'core', 'platform', 'inpage'], packages: /^(preact|preact\/hooks|preact\/jsx-runtime|zod)$/ },
  // UI we put into pages, loaded on demand by the observer (never part of the script injected into every page).
  inpage: { parts: ['inpage', 'core', 'platform', 'ui'], packages: /^(preact|preact\/hooks|preact\/jsx-runtime)$/ },
};

describe('layer boundaries', () => {
  it('finds the parts it guards', () => {
    expect(new Set(edges.map((e) => part(e.from)))).toEqual(new Set(Object.keys(ALLOWED)));
  });

  for (const [name, rule] of Object.entries(ALLOWED)) {
    it(`${name} imports only ${rule.parts.join(', ')} and its packages`, () => {
      const bad = edges
        .filter((e) => part(e.from) === name && !e.typeOnly)
        .filter((e) => {
          if (/\.(css|json)(\?inline)?$/.test(e.to)) return false;
          return isPackage(e.to) ? !rule.packages.test(e.to) : !rule.parts.includes(part(e.to));
        });
      expect(bad).toEqual([]);
    });
  }

  it('keeps zod and preact out of what the page loads (the content script and everything it reaches)', () => {
    const runtime = new Map<string, string[]>();
    for (const e of edges) if (!e.typeOnly) runtime.set(e.from, [...(runtime.get(e.from) ?? []), e.to]);
    const reached = new Set<string>();
    const visit = (file: string) => {
      for (const candidate of [file, `${file}.ts`, `${file}.tsx`]) {
        if (!runtime.has(candidate) && !candidate.endsWith('.ts') && !candidate.endsWith('.tsx')) continue;
        if (reached.has(candidate)) return;
        reached.add(candidate);
        for (const to of runtime.get(candidate) ?? []) (isPackage(to) ? reached.add(to) : visit(to));
      }
    };
    visit('content/observer.ts');
    expect([...reached].filter((f) => /^(zod|preact|idb)/.test(f))).toEqual([]);
    expect(reached.has('core/journey/stage-match.ts')).toBe(true);
  });
});
