import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf, graph, SRC, sourceFiles } from './module-graph';

/**
 * One writer: a page's events are written by the ingest pipeline (background/recording/), everything else by
 * background/store/. Nothing else may open a write transaction, write a store by name, or open the database.
 */
const WRITERS = /^background\/(store|recording)\//;
const STORES = ['studies', 'personas', 'sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'screenshots', 'offsite', 'rollups', 'journal', 'meta'];

const WRITES: Record<string, RegExp> = {
  'a write transaction': /['"`](readwrite|versionchange)['"`]/,
  'a write to a store by name': new RegExp(`\\.(put|add|delete|clear)\\(\\s*['"\`](${STORES.join('|')})['"\`]`),
  'opening the database': /\b(openDB|indexedDB\.open|deleteDB)\b/,
};

/** Every place in `src/` that writes IndexedDB (or could), as "file: what". */
function writes(): string[] {
  return sourceFiles().flatMap((file) => {
    const code = codeOf(readFileSync(file, 'utf8'));
    return Object.entries(WRITES)
      .filter(([, pattern]) => pattern.test(code))
      .map(([what]) => `${relative(SRC, file)}: ${what}`);
  });
}

describe('the one writer of IndexedDB', () => {
  const found = writes();

  it('is background/store/ and, for a page’s events, background/recording/', () => {
    expect(found.filter((place) => !WRITERS.test(place))).toEqual([]);
  });

  it('is found where it is (the check can fail)', () => {
    expect(found).toContain('background/store/records.ts: a write transaction');
    expect(found).toContain('background/recording/journal.ts: a write to a store by name');
    expect(found).toContain('background/store/open-db.ts: opening the database');
  });

  it('alone imports idb, the database’s library', () => {
    expect(graph().filter((e) => e.to === 'idb' && !WRITERS.test(e.from))).toEqual([]);
  });
});
