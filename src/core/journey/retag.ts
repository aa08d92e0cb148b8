import type { JourneyContext } from '../records/signal';
import type { StageRule } from '../records/stage-rule';
import type { Visit } from '../records/visit';
import { matchStage } from './stage-match';

/**
 * Tagging a page after the walk (PRODUCT.md §6): the untagged visits the study's rules now tag move to their stage
 * and page key, and everything recorded there moves with them — signals, answers, notes and reports — so a 404's
 * dead end follows its page out of the Untagged column instead of staying behind as a row of its own.
 */

export interface RetagPlan {
  /** The visits that move, at their new place. */
  visits: Visit[];
  /** Visit id → where its records go. */
  byVisit: Map<string, Pick<Visit, 'stageId' | 'pageKey'>>;
  /** Untagged page key → where records of that page tied to no visit go (a note written outside a walk). */
  byPage: Map<string, Pick<Visit, 'stageId' | 'pageKey'>>;
}

/** Which untagged visits the rules tag now. Selector rules need the page itself and are skipped. */
export function retagPlan(visits: readonly Visit[], rules: readonly StageRule[]): RetagPlan {
  const plan: RetagPlan = { visits: [], byVisit: new Map(), byPage: new Map() };
  for (const visit of visits) {
    if (visit.stageId !== null) continue;
    const match = matchStage(rules, { url: visit.url, title: visit.title });
    if (match.stageId === null) continue;
    const place = { stageId: match.stageId, pageKey: match.pageKey };
    plan.visits.push({ ...visit, ...place, ruleId: match.ruleId });
    plan.byVisit.set(visit.id, place);
    plan.byPage.set(visit.pageKey, place);
  }
  return plan;
}

/** A record at its new place, or null when it stays where it is. */
export function moved<T extends JourneyContext>(record: T, plan: RetagPlan): T | null {
  if (record.stageId !== null) return null;
  const place = (record.visitId !== null ? plan.byVisit.get(record.visitId) : undefined) ?? (record.visitId === null ? plan.byPage.get(record.pageKey) : undefined);
  return place ? { ...record, ...place } : null;
}
