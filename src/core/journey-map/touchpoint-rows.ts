import type { Channel } from '../records/offsite';
import { healthBand, type ScoreView } from './health-band';
import type { JourneyMapData } from './map-data';

/**
 * The touchpoint table: one row per touchpoint of the map (pages, off-site ones, untagged pages), and its sort.
 * "Signals" counts friction only: exits have their own column and are not counted twice.
 */

export interface TouchpointRow extends ScoreView {
  key: string;
  kind: 'page' | 'offsite';
  label: string;
  pageKey: string | null;
  offsiteId: string | null;
  channel: Channel | null;
  stageId: string | null;
  /** Null for an untagged page (or a stage that no longer exists). */
  stageName: string | null;
  /** Journey order; untagged last. */
  stageIndex: number;
  answers: number;
  signals: number;
  exits: number;
}

export type TouchpointSortKey = 'health' | 'visits' | 'signals' | 'exits';
export type SortDirection = 'ascending' | 'descending';
export interface TouchpointSort {
  key: TouchpointSortKey;
  direction: SortDirection;
}

/** Worst health first: the table opens on what needs attention. */
export const DEFAULT_SORT: TouchpointSort = { key: 'health', direction: 'ascending' };

export function touchpointRows(map: JourneyMapData): TouchpointRow[] {
  const stageIndex = new Map(map.study.stages.map((s, i) => [s.id, i]));
  const health = new Map(map.health.touchpoints.map((h) => [h.key, h]));
  return map.aggregate.touchpoints.flatMap((tp): TouchpointRow[] => {
    const h = health.get(tp.key);
    if (!h) return [];
    const index = tp.stageId === null ? undefined : stageIndex.get(tp.stageId);
    let signals = 0;
    for (const [kind, count] of Object.entries(tp.signalsByKind)) if (kind !== 'exit') signals += count ?? 0;
    return [
      {
        key: tp.key,
        kind: tp.kind,
        label: tp.offsite?.name ?? map.labels[tp.key] ?? tp.pageKey ?? tp.key,
        pageKey: tp.pageKey,
        offsiteId: tp.offsite?.id ?? null,
        channel: tp.offsite?.channel ?? null,
        stageId: tp.stageId,
        stageName: index === undefined ? null : map.study.stages[index]!.name,
        stageIndex: index ?? map.study.stages.length,
        score: h.score,
        lowConfidence: h.lowConfidence,
        reason: h.reason ?? null,
        band: healthBand(h.score),
        parts: h.parts,
        visits: tp.visits,
        answers: tp.answers,
        signals,
        exits: tp.exits,
      },
    ];
  });
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rows in the asked order. Touchpoints without a health score (not measured) stay at the end in both directions:
 * "no score" is neither best nor worst. Ties fall back to journey order, then name, so the order is stable.
 */
export function sortTouchpoints(rows: readonly TouchpointRow[], sort: TouchpointSort): TouchpointRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const value = (row: TouchpointRow): number | null => (sort.key === 'health' ? row.score : row[sort.key]);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) return sign * (va - vb);
    return a.stageIndex - b.stageIndex || compareText(a.label, b.label);
  });
}

/** A header click: the same column flips direction; another column starts where it is most useful. */
export function nextSort(current: TouchpointSort, key: TouchpointSortKey): TouchpointSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'health' ? 'ascending' : 'descending' };
}
