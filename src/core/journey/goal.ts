import type { Visit } from '../records/visit';

/**
 * When a walk counts as having reached its goal (PRODUCT.md §3): a visit tagged to the goal stage itself. A page of
 * a stage ordered after it is not enough — a shop's header links Help and Account from every page, so a glance at
 * one would otherwise turn every later tab close into "goal reached" and hide the walk's exit.
 */
export function reachedGoalBy(visits: readonly Pick<Visit, 'stageId' | 'enteredAt'>[], goalStageId: string | null, at: number): boolean {
  return goalStageId !== null && visits.some((v) => v.stageId === goalStageId && v.enteredAt <= at);
}

/** The visit a walk stopped at: the last one entered (ties by id, so every reader picks the same one). */
export function lastVisitOf<V extends Pick<Visit, 'id' | 'enteredAt'>>(visits: readonly V[]): V | undefined {
  let last: V | undefined;
  for (const v of visits) if (!last || v.enteredAt > last.enteredAt || (v.enteredAt === last.enteredAt && v.id > last.id)) last = v;
  return last;
}

/**
 * The visit a session stopped at: the page in the tab the researcher stopped it from, when that page belongs to the
 * session; else the open visit entered last (a page still on screen); else the last one entered. The end-of-session
 * answer and the exit of "Stop: abandoned" belong there — not to a tab opened later in the background.
 */
export function visitWhereStopped<V extends Pick<Visit, 'id' | 'enteredAt' | 'leftAt'>>(visits: readonly V[], tabVisitId: string | null): V | undefined {
  return visits.find((v) => v.id === tabVisitId) ?? lastVisitOf(visits.filter((v) => v.leftAt === null)) ?? lastVisitOf(visits);
}
