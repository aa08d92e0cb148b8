import type { Walk } from './merged-rollups';
import { compareText, placeOf } from './session-rollup';

/**
 * Paths (PRODUCT.md §6, as Clarity's and PostHog's "paths"): how the walks in a map moved between touchpoints —
 * each transition and how many walks took it, where walks ended, and the most common way to the goal.
 */

export interface Transition {
  from: string;
  to: string;
  /** Times it was taken (a walk going back and forth counts each time). */
  count: number;
}

export interface JourneyPaths {
  /** Walks with a path. */
  walks: number;
  /** Most taken first; ties by touchpoint keys. */
  transitions: Transition[];
  /** Touchpoint key → walks whose last touchpoint it was; most first. */
  ends: Array<{ key: string; count: number }>;
  /** The most common sequence of touchpoints up to the first one in the goal stage, and how many walks took it. */
  toGoal: { keys: string[]; count: number; reached: number } | null;
}

const byCountThenKeys = <T extends { count: number }>(keyOf: (t: T) => string) => (a: T, b: T) => b.count - a.count || compareText(keyOf(a), keyOf(b));

export function journeyPaths(walks: readonly Pick<Walk, 'path'>[], goalStageId: string | null): JourneyPaths {
  // Touchpoint keys as small numbers, each looked at once: a long study's walks take tens of thousands of steps,
  // and each step keyed by its two keys joined cost more than all the rest of the map.
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const inGoal: boolean[] = [];
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.push(key) - 1;
      ids.set(key, id);
      inGoal.push(goalStageId !== null && placeOf(key).stageId === goalStageId);
    }
    return id;
  };
  const transitions = new Map<number, Map<number, Transition>>();
  const ends = new Map<number, number>();
  const toGoal = new Map<string, number>();
  let withPath = 0;
  let reached = 0;
  for (const { path } of walks) {
    if (!path.length) continue;
    withPath++;
    let from = idOf(path[0]!);
    let goalAt = inGoal[from] ? 0 : -1;
    for (let i = 1; i < path.length; i++) {
      const to = idOf(path[i]!);
      if (goalAt < 0 && inGoal[to]) goalAt = i;
      let out = transitions.get(from);
      if (!out) transitions.set(from, (out = new Map()));
      const t = out.get(to);
      if (t) t.count++;
      else out.set(to, { from: keys[from]!, to: keys[to]!, count: 1 });
      from = to;
    }
    ends.set(from, (ends.get(from) ?? 0) + 1);
    if (goalAt < 0) continue;
    reached++;
    const id = path.slice(0, goalAt + 1).join('\n');
    toGoal.set(id, (toGoal.get(id) ?? 0) + 1);
  }
  const best = [...toGoal.entries()].map(([id, count]) => ({ id, count })).sort(byCountThenKeys((p) => p.id))[0];
  return {
    walks: withPath,
    transitions: [...transitions.values()].flatMap((out) => [...out.values()]).sort(byCountThenKeys((t) => `${t.from}\n${t.to}`)),
    ends: [...ends.entries()].map(([id, count]) => ({ key: keys[id]!, count })).sort(byCountThenKeys((e) => e.key)),
    toGoal: best ? { keys: best.id.split('\n'), count: best.count, reached } : null,
  };
}
