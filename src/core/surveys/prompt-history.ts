import type { SurveyResponse } from '../records/response';
import type { SignalKind } from '../records/signal';
import type { SurveyRule, SurveyTrigger } from '../records/survey';

/** One prompt of a session, as the throttle sees it. Dismissed and open prompts are prompts too (PRODUCT.md §4). */
export interface PromptRecord {
  /** The survey rule that asked. */
  surveyId: string;
  /** Kind plus detail; null when the detail can no longer be known (the rule was deleted and no signal lookup helps). */
  trigger: SurveyTrigger | null;
  /** The touchpoint it was asked on. */
  pageKey: string;
  at: number;
  /** 'open' = on screen now, not yet answered or dismissed; the background adds it when it shows a prompt. */
  outcome: 'answered' | 'dismissed' | 'open';
}

export type HistoryResponse = Pick<SurveyResponse, 'surveyId' | 'trigger' | 'stageId' | 'signalId' | 'pageKey' | 'at' | 'dismissed'>;

/**
 * A session's prompts, oldest first, from its stored responses. A response keeps only its trigger's kind, so the
 * detail comes from what was recorded with it (the stage of the page for a stage entry, the signal through
 * `signalKinds`) and otherwise from the rule that asked.
 */
export function promptHistory(
  responses: readonly HistoryResponse[],
  rules: readonly Pick<SurveyRule, 'id' | 'trigger'>[],
  signalKinds: ReadonlyMap<string, SignalKind> = new Map(),
): PromptRecord[] {
  const ruleTrigger = new Map(rules.map((rule) => [rule.id, rule.trigger]));
  return responses
    .map((r): PromptRecord => {
      const fromRule = ruleTrigger.get(r.surveyId);
      const ruled = fromRule?.kind === r.trigger ? fromRule : null;
      let trigger: SurveyTrigger | null;
      if (r.trigger === 'stage_enter') trigger = r.stageId !== null ? { kind: 'stage_enter', stageId: r.stageId } : ruled;
      else if (r.trigger === 'signal') {
        const kind = r.signalId !== null ? signalKinds.get(r.signalId) : undefined;
        trigger = kind ? { kind: 'signal', signalKind: kind } : ruled;
      } else trigger = { kind: r.trigger };
      return { surveyId: r.surveyId, trigger, pageKey: r.pageKey, at: r.at, outcome: r.dismissed ? 'dismissed' : 'answered' };
    })
    .sort((a, b) => a.at - b.at);
}

/** The record of a prompt just put on screen, to add to the history until its response arrives. */
export function openPrompt(rule: Pick<SurveyRule, 'id' | 'trigger'>, pageKey: string, at: number): PromptRecord {
  return { surveyId: rule.id, trigger: rule.trigger, pageKey, at, outcome: 'open' };
}
