import { SIGNAL_SEVERITY } from '../health/touchpoint-health';
import type { SignalKind } from '../records/signal';

/**
 * How bad a pain point is, in three steps people can read on a slide, from the signal severities the health score
 * already weighs friction by (docs/health.md): the map lists the worst first, whatever happened most often.
 */
export type PainSeverity = 'high' | 'medium' | 'low';

export const PAIN_SEVERITIES: readonly PainSeverity[] = ['high', 'medium', 'low'];

export function painSeverity(kind: SignalKind): PainSeverity {
  const s = SIGNAL_SEVERITY[kind];
  return s >= 0.9 ? 'high' : s >= 0.5 ? 'medium' : 'low';
}

/** Worst first, then most frequent; the order of equals is kept. */
export function bySeverity<T extends { kind: SignalKind; count: number }>(groups: readonly T[]): Array<T & { severity: PainSeverity }> {
  const rank = (g: T) => PAIN_SEVERITIES.indexOf(painSeverity(g.kind));
  return [...groups].sort((a, b) => rank(a) - rank(b) || b.count - a.count).map((g) => ({ ...g, severity: painSeverity(g.kind) }));
}
