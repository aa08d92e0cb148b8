import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journeyPaths } from '../../../src/core/health/paths';

/** Counted by id, most first, ties by id. */
function tally<T>(items: readonly T[], idOf: (item: T) => string): { id: string; item: T; count: number }[] {
  const counted = new Map<string, { id: string; item: T; count: number }>();
  for (const item of items) {
    const id = idOf(item);
    const had = counted.get(id);
    if (had) had.count++;
    else counted.set(id, { id, item, count: 1 });
  }
  return [...counted.values()].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What paths are, said the plain way: every step keyed by its two touchpoint keys. */
function pathsByKeys(walks: readonly { path: string[] }[], goalStageId: string | null) {
  const walked = walks.map((walk) => walk.path).filter((path) => path.length > 0);
  const steps = walked.flatMap((path) => path.slice(1).map((to, i) => ({ from: path[i]!, to })));
  const goalAt = (path: string[]) => path.findIndex((key) => key.split('|')[0] === goalStageId);
  const toGoal = walked.filter((path) => goalAt(path) >= 0).map((path) => path.slice(0, goalAt(path) + 1));
  const best = tally(toGoal, (keys) => keys.join('\n'))[0];
  return {
    walks: walked.length,
    transitions: tally(steps, (s) => `${s.from}\n${s.to}`).map(({ item, count }) => ({ ...item, count })),
    ends: tally(walked, (path) => path.at(-1)!).map(({ id, count }) => ({ key: id, count })),
    toGoal: best ? { keys: best.item, count: best.count, reached: toGoal.length } : null,
  };
}

const KEYS = ['s1|/', 's1|/search', 's2|/product/:id', 's2|/compare', 's3|/cart', 's3|/checkout', 'untagged|/404'];

describe('journey paths', () => {
  it('are the transitions, ends and way to the goal that the walks’ keys say, for any walks', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ path: fc.array(fc.constantFrom(...KEYS), { maxLength: 12 }) }), { maxLength: 30 }), fc.constantFrom('s1', 's2', 's3', null), (walks, goal) => {
        expect(journeyPaths(walks, goal)).toEqual(pathsByKeys(walks, goal));
      }),
      { numRuns: 300 },
    );
  });
});
