import type { StudySettings } from '../records/settings';
import type { SurveyRule } from '../records/survey';
import type { PromptRecord } from './prompt-history';
import { sameTrigger, triggerMatches, triggerOf, type TriggerEvent } from './triggers';

/*
 * Whether a trigger event puts a survey on screen (PRODUCT.md §4 and the survey issue: "nobody gets asked twice in a
 * row"). Pure, so the background decides and the tests pin every throttle; the checks run in the order below and
 * the first that refuses names the reason.
 */

export type NoPromptReason = 'no_rule' | 'disabled' | 'prompt_open' | 'gap' | 'same_touchpoint' | 'already_asked';

export type PromptDecision = { rule: SurveyRule; reason: null } | { rule: null; reason: NoPromptReason };

export interface PromptQuestion {
  /** The study's survey rules, in the order the researcher gave them. */
  rules: readonly SurveyRule[];
  settings: Pick<StudySettings, 'surveyGapMs'>;
  event: TriggerEvent;
  /** The touchpoint the person is on. */
  pageKey: string;
  now: number;
  /** This session's prompts, answered, dismissed or open (see `promptHistory`). */
  history: readonly PromptRecord[];
}

const refuse = (reason: NoPromptReason): PromptDecision => ({ rule: null, reason });

export function decidePrompt({ rules, settings, event, pageKey, now, history }: PromptQuestion): PromptDecision {
  // 1. Only rules whose trigger is this event's (same stage; same signal kind) take part.
  const matching = rules.filter((rule) => triggerMatches(rule.trigger, event));
  if (matching.length === 0) return refuse('no_rule');
  // 2. A switched-off rule is kept in the study but never asks.
  const enabled = matching.filter((rule) => rule.enabled);
  if (enabled.length === 0) return refuse('disabled');

  // 3. One prompt on screen at a time, even when the person asks for one.
  if (history.some((p) => p.outcome === 'open')) return refuse('prompt_open');

  // The person pressed the shortcut: they asked, so the throttles that protect them from us do not apply.
  const asked = event.kind === 'on_demand';
  // 4. At most one prompt per `surveyGapMs` across all surveys; a dismissal counts (it interrupted all the same).
  if (!asked && history.some((p) => now - p.at < settings.surveyGapMs)) return refuse('gap');
  // 5. At most one prompt per touchpoint in a session: a touchpoint is asked once, whatever asks. Kept apart from the
  //    gap, which it would otherwise merely repeat. The end of a session is a last chance wherever it happens.
  if (!asked && event.kind !== 'session_end' && history.some((p) => p.pageKey === pageKey)) return refuse('same_touchpoint');
  // 6. Never twice for the same trigger in a session (the survey issue), whichever rule asked the first time.
  const trigger = triggerOf(event);
  if (!asked && history.some((p) => p.trigger !== null && sameTrigger(p.trigger, trigger))) return refuse('already_asked');

  // 7. A `once_per_session` survey is asked at most once per session; the first rule left, in rule order, is shown.
  const rule = enabled.find((r) => r.schedule === 'every_time' || !history.some((p) => p.surveyId === r.id));
  return rule ? { rule, reason: null } : refuse('already_asked');
}

/**
 * When the gap between prompts (check 4) next lets a survey be asked: `gapMs` after the session's latest prompt,
 * answered, dismissed or on screen; null before any prompt. The researcher's console counts down to it.
 */
export function gapEndsAt(promptTimes: readonly number[], gapMs: number): number | null {
  return promptTimes.length ? Math.max(...promptTimes) + gapMs : null;
}
