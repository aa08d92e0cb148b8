import type { NoPromptReason } from './prompt-decision';
import type { TriggerEvent } from './triggers';

/**
 * A survey that was due and was not asked, and why (PRODUCT.md §6: the researcher sees why a survey was or was not
 * asked). Only refusals of a rule that would have asked are kept: "no rule for this" is not a skip.
 */
export interface PromptSkip {
  at: number;
  reason: Exclude<NoPromptReason, 'no_rule' | 'disabled'>;
  /** What asked: the trigger's kind, and the signal's kind for a friction trigger. */
  trigger: TriggerEvent['kind'];
  signalKind: string | null;
  /** The page and stage the person was on. */
  pageKey: string;
  stageId: string | null;
}

/** How many skips a session keeps: the console shows the recent ones, not a log. */
export const SKIPS_KEPT = 20;

/** The skip a refusal stands for, or null when no rule would have asked. */
export function skipOf(reason: NoPromptReason, event: TriggerEvent, where: { pageKey: string; stageId: string | null }, at: number): PromptSkip | null {
  if (reason === 'no_rule' || reason === 'disabled') return null;
  return { at, reason, trigger: event.kind, signalKind: event.kind === 'signal' ? event.signalKind : null, pageKey: where.pageKey, stageId: where.stageId };
}

/** The list with `skip` added, newest last, the oldest dropped past `SKIPS_KEPT`. */
export function withSkip(list: readonly PromptSkip[], skip: PromptSkip): PromptSkip[] {
  return [...list, skip].slice(-SKIPS_KEPT);
}
