import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyContentEvents } from '../../src/background/recording/content-events';
import { applyImport } from '../../src/background/store/import';
import { openJourneyDb } from '../../src/background/store/open-db';
import { studyRecords } from '../../src/background/store/queries';
import type { Db } from '../../src/background/store/schema';
import * as store from '../../src/background/store/records';
import { newId } from '../../src/core/records/common';
import { testStudy, visitStart } from './fixtures/records';

/**
 * Issue 8: thousands of malformed and hostile import files. None may throw, none may write anything, and every
 * refusal names where the file is wrong.
 */
let valid: Record<string, unknown>;
let target: Db;
const STORES = ['studies', 'personas', 'sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite'] as const;
const snapshot = async () => JSON.stringify(await Promise.all(STORES.map((s) => target.getAll(s))));

beforeAll(async () => {
  const source = await openJourneyDb(`fuzz-source-${newId()}`);
  const study = await store.saveStudy(source, testStudy());
  const session = await store.startSession(source, { studyId: study.id, personaId: null, goal: 'g', role: 'tester' }, 1_000);
  await applyContentEvents(source, [visitStart(study, session.id, '/', 2_000), visitStart(study, session.id, '/cart', 3_000)], 1);
  await store.stopSession(source, 'abandoned', 4_000);
  valid = JSON.parse(JSON.stringify(await studyRecords(source, study.id, 5_000)));
  target = await openJourneyDb(`fuzz-target-${newId()}`);
  await store.saveStudy(target, { ...testStudy(), name: 'Already here' });
});

/** Values a hostile or broken file may hold anywhere. */
const hostile = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, 1e308, Number.NaN, '', '<img src=x onerror=alert(1)>', '__proto__', 'constructor', '\u0000', 'javascript:alert(1)'),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 10_001, maxLength: 10_050 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'x'), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.anything({ maxDepth: 3 }),
);

/** Deep nesting beyond any record's shape. */
const deep = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
});

/** A copy of the valid file with one value somewhere replaced (paths drawn from the file itself). */
function mutate(path: (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(valid));
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)!] = value;
  return copy;
}

function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      pathsOf(child, path, out);
    }
  }
  return out;
}

// Thousands of imports take a few seconds, more on a busy CI machine.
describe('importing hostile files', { timeout: 60_000 }, () => {
  it('refuses every malformed file whole, with a path, without throwing', async () => {
    const before = await snapshot();
    const paths = pathsOf(valid).filter((p) => p[0] !== 'exportedAt');
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.oneof(hostile, deep), async (path, value) => {
        const file = mutate(path, value);
        const stored = await snapshot();
        const result = await applyImport(target, JSON.stringify(file) ?? 'undefined');
        cases++;
        if (result.ok) return; // a harmless change (e.g. one string for another) may still be a valid file
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) expect(typeof error.path).toBe('string');
        expect(await snapshot()).toBe(stored);
      }),
      { numRuns: 1500 },
    );
    expect(cases).toBe(1500);
    expect(JSON.parse(before)[0].some((s: { name: string }) => s.name === 'Already here')).toBe(true);
  });

  it('writes nothing at all for files that are not study files', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.anything({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'), fc.constant('{"__proto__":{"polluted":true}}')), async (text) => {
        const result = await applyImport(target, text);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors[0]!.path).toBeTypeOf('string');
      }),
      { numRuns: 1000 },
    );
    expect(await snapshot()).toBe(before);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('names the path of what is wrong', async () => {
    const file = mutate(['visits', 1, 'enteredAt'], 'yesterday');
    const result = await applyImport(target, JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('visits[1].enteredAt');
  });
});
