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
  const transitions = new Map<string, Transition>();
  const ends = new Map<string, number>();
  const toGoal = new Map<string, number>();
  let withPath = 0;
  let reached = 0;
  for (const { path } of walks) {
    if (!path.length) continue;
    withPath++;
    for (let i = 1; i < path.length; i++) {
      const id = `${path[i - 1]}\n${path[i]}`;
      const t = transitions.get(id);
      if (t) t.count++;
      else transitions.set(id, { from: path[i - 1]!, to: path[i]!, count: 1 });
    }
    const last = path.at(-1)!;
    ends.set(last, (ends.get(last) ?? 0) + 1);
    const goalAt = goalStageId === null ? -1 : path.findIndex((key) => placeOf(key).stageId === goalStageId);
    if (goalAt < 0) continue;
    reached++;
    const id = path.slice(0, goalAt + 1).join('\n');
    toGoal.set(id, (toGoal.get(id) ?? 0) + 1);
  }
  const best = [...toGoal.entries()].map(([id, count]) => ({ id, count })).sort(byCountThenKeys((p) => p.id))[0];
  return {
    walks: withPath,
    transitions: [...transitions.values()].sort(byCountThenKeys((t) => `${t.from}\n${t.to}`)),
    ends: [...ends.entries()].map(([key, count]) => ({ key, count })).sort(byCountThenKeys((e) => e.key)),
    toGoal: best ? { keys: best.id.split('\n'), count: best.count, reached } : null,
  };
}
