import type { StudySettings } from '../records/settings';
import type { Visit } from '../records/visit';

export type ExitReason = 'left_scope' | 'tab_closed' | 'idle' | 'abandoned';

export interface ExitFacts {
  /** Nothing happened for `idleTimeoutMs` before the visit ended (see `idledOut`); the caller knows the clock. */
  idle?: boolean;
  /** The researcher stopped the session as abandoned, and this is its last visit. */
  abandoned?: boolean;
}

/**
 * The exit a visit stands for (drop-off, attributed to its page and stage), or null: the stay ended by leaving the
 * scope, closing the tab, idling out, or being the last visit of a session stopped as abandoned, before the goal
 * stage was reached. A session stopped otherwise, or a visit followed by another in scope, is no exit. Idling wins over how the visit formally ended: a tab closed after
 * ten idle minutes was left when the idling began.
 */
export function exitOf(visit: Pick<Visit, 'endedBy'>, reachedGoal: boolean, facts: ExitFacts = {}): { reason: ExitReason } | null {
  if (reachedGoal) return null;
  if (facts.idle) return { reason: 'idle' };
  if (facts.abandoned) return { reason: 'abandoned' };
  if (visit.endedBy === 'left_scope' || visit.endedBy === 'tab_closed') return { reason: visit.endedBy };
  return null;
}

/** Whether the last activity lies more than `idleTimeoutMs` before `now` (PRODUCT.md: idle 10 min). */
export function idledOut(lastActivityAt: number, now: number, settings: Pick<StudySettings, 'idleTimeoutMs'>): boolean {
  return now - lastActivityAt > settings.idleTimeoutMs;
}
