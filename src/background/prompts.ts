import type { PromptSpec } from '../core/messages';
import type { Study } from '../core/records/study';
import type { SurveyRule } from '../core/records/survey';
import { INSTRUMENTS, wordingOf, type SurveyMessageKey } from '../core/surveys/instruments';
import { decidePrompt } from '../core/surveys/prompt-decision';
import { openPrompt, promptHistory, type PromptRecord } from '../core/surveys/prompt-history';
import { skipOf, withSkip, type PromptSkip } from '../core/surveys/prompt-skip';
import type { SurveyMoment } from './recording/content-events';
import type { Db } from './store/schema';
import { openPromptOf, promptSkipsOf, rememberOpenPrompt, rememberPromptSkips } from './store/records';

/** A card left unanswered (its page went away) stops counting as "on screen" after this long. */
const OPEN_PROMPT_MS = 120_000;

/** The session's prompts for the throttle: every stored answer and dismissal, and the card on screen, if any. */
async function sessionHistory(db: Db, study: Study, sessionId: string, now: number): Promise<PromptRecord[]> {
  const [responses, open] = await Promise.all([
    db.getAllFromIndex('responses', 'bySession', sessionId),
    openPromptOf(db, sessionId),
  ]);
  // Only the signals answers were asked about: a long session holds thousands, read on every batch otherwise.
  const asked = [...new Set(responses.map((r) => r.signalId).filter((id): id is string => id !== null))];
  const signals = await Promise.all(asked.map((id) => db.get('signals', id)));
  const kinds = new Map(signals.filter((s) => s !== undefined).map((s) => [s.id, s.kind]));
  const history = promptHistory(responses, study.surveys, kinds);
  const answered = open && responses.some((r) => r.surveyId === open.surveyId && r.at >= open.at);
  if (open && !answered && now - open.at < OPEN_PROMPT_MS) history.push(open);
  return history;
}

/** The card's text in the user's language: the study's wording or the instrument's default, and the scale. */
export function promptSpec(rule: SurveyRule, moment: SurveyMoment, translate: (key: SurveyMessageKey) => string): PromptSpec {
  const definition = INSTRUMENTS[rule.instrument];
  const wording = wordingOf(rule);
  const scale = definition.scale;
  return {
    surveyId: rule.id,
    instrument: rule.instrument,
    trigger: moment.event.kind,
    signalId: moment.event.kind === 'signal' ? moment.event.signalId : null,
    question: wording.kind === 'override' ? wording.text : translate(wording.key),
    options: (scale?.steps ?? []).map((step) => ({
      value: step.value,
      label: step.face ? translate(step.labelKey!) : step.labelKey ? `${step.value} – ${translate(step.labelKey)}` : String(step.value),
      symbol: step.face,
    })),
    lowLabel: scale ? translate(scale.lowKey) : '',
    highLabel: scale ? translate(scale.highKey) : '',
  };
}

/**
 * The survey due for these moments, if any, decided by the study's rules and the session's throttle. The card
 * it returns is remembered as open until its answer or dismissal arrives, so no second card joins it.
 */
export async function promptFor(db: Db, moments: readonly SurveyMoment[], now: number, translate: (key: SurveyMessageKey) => string): Promise<PromptSpec | null> {
  const first = moments[0];
  if (!first) return null;
  const study = await db.get('studies', first.visit.studyId);
  if (!study?.surveys.length) return null;
  const history = await sessionHistory(db, study, first.visit.sessionId, now);
  const skips: PromptSkip[] = [];
  let shown: PromptSpec | null = null;
  for (const moment of moments) {
    const { rule, reason } = decidePrompt({ rules: study.surveys, settings: study.settings, event: moment.event, pageKey: moment.visit.pageKey, now, history });
    if (rule) {
      await rememberOpenPrompt(db, first.visit.sessionId, openPrompt(rule, moment.visit.pageKey, now));
      shown = promptSpec(rule, moment, translate);
      break;
    }
    const skip = skipOf(reason, moment.event, moment.visit, now);
    if (skip) skips.push(skip);
  }
  // A skip is data, not silence: the researcher's console shows why a due survey was not asked.
  if (skips.length) {
    await rememberPromptSkips(db, first.visit.sessionId, skips.reduce(withSkip, await promptSkipsOf(db, first.visit.sessionId)));
  }
  return shown;
}
