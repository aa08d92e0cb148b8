import type { z } from 'zod';
import { newId } from '../../core/records/common';
import { SignalKind } from '../../core/records/signal';
import type { Stage } from '../../core/records/study';
import type { Instrument, SurveyRule, SurveyTrigger } from '../../core/records/survey';
import { t, type MessageKey } from '../../shared/i18n';
import type { FieldIssue } from './issues';

export type When = SurveyTrigger['kind'];
export type Schedule = SurveyRule['schedule'];

/**
 * One survey rule as the editor holds it: the trigger flattened, so the stage and the signal chosen for one
 * trigger are still there after a detour through another; the question as typed ('' = the default wording).
 */
export interface SurveyDraft {
  id: string;
  instrument: Instrument;
  when: When;
  stageId: string;
  signalKind: SignalKind;
  question: string;
  schedule: Schedule;
  enabled: boolean;
}

export const WHENS: readonly When[] = ['stage_enter', 'signal', 'exit_intent', 'session_end', 'on_demand'];
export const SCHEDULES: readonly Schedule[] = ['once_per_session', 'every_time'];
export const SIGNALS = SignalKind.options;
/** What "After a friction signal" starts with: the signal most worth asking about. */
const DEFAULT_SIGNAL: SignalKind = 'rage_click';

export const INSTRUMENT_LABEL: Record<Instrument, MessageKey> = {
  csat: 'optionsSurveyInstrumentCsat',
  ces: 'optionsSurveyInstrumentCes',
  seq: 'optionsSurveyInstrumentSeq',
  nps: 'optionsSurveyInstrumentNps',
  emotion: 'optionsSurveyInstrumentEmotion',
  open_text: 'optionsSurveyInstrumentOpenText',
};

export const WHEN_LABEL: Record<When, MessageKey> = {
  stage_enter: 'optionsSurveyWhenStage',
  signal: 'optionsSurveyWhenSignal',
  exit_intent: 'optionsSurveyWhenExit',
  session_end: 'optionsSurveyWhenSessionEnd',
  on_demand: 'optionsSurveyWhenOnDemand',
};

export const WHEN_HINT: Record<When, MessageKey> = {
  stage_enter: 'optionsSurveyWhenStageHint',
  signal: 'optionsSurveyWhenSignalHint',
  exit_intent: 'optionsSurveyWhenExitHint',
  session_end: 'optionsSurveyWhenSessionEndHint',
  on_demand: 'optionsSurveyWhenOnDemandHint',
};

export const SCHEDULE_LABEL: Record<Schedule, MessageKey> = {
  once_per_session: 'optionsSurveyOncePerSession',
  every_time: 'optionsSurveyEveryTime',
};

export const SURVEYS_HEADING_ID = 'study-surveys-heading';
export const SURVEY_FIELD = {
  instrument: (id: string) => `survey-${id}-instrument`,
  when: (id: string) => `survey-${id}-when`,
  stage: (id: string) => `survey-${id}-stage`,
  signal: (id: string) => `survey-${id}-signal`,
  question: (id: string) => `survey-${id}-question`,
} as const;

/** The stage a new survey (or one switched to "Entering a stage") starts with: the goal stage, else the first. */
export function defaultStageId(stages: readonly Stage[], goalStageId: string | null): string {
  return stages.find((s) => s.id === goalStageId)?.id ?? stages[0]?.id ?? '';
}

/** "Add survey": CES on entering the goal stage, the usual question of a finished task. */
export function newSurvey(stages: readonly Stage[], goalStageId: string | null): SurveyDraft {
  return {
    id: newId(),
    instrument: 'ces',
    when: 'stage_enter',
    stageId: defaultStageId(stages, goalStageId),
    signalKind: DEFAULT_SIGNAL,
    question: '',
    schedule: 'once_per_session',
    enabled: true,
  };
}

export function surveyDraft(rule: SurveyRule): SurveyDraft {
  const { trigger } = rule;
  return {
    id: rule.id,
    instrument: rule.instrument,
    when: trigger.kind,
    stageId: trigger.kind === 'stage_enter' ? trigger.stageId : '',
    signalKind: trigger.kind === 'signal' ? trigger.signalKind : DEFAULT_SIGNAL,
    question: rule.question ?? '',
    schedule: rule.schedule,
    enabled: rule.enabled,
  };
}

function triggerInput(draft: SurveyDraft): SurveyTrigger {
  if (draft.when === 'stage_enter') return { kind: 'stage_enter', stageId: draft.stageId };
  if (draft.when === 'signal') return { kind: 'signal', signalKind: draft.signalKind };
  return { kind: draft.when };
}

/** What goes to the schema as one of `surveys`; a blank question means the instrument's default wording. */
export function surveyInput(draft: SurveyDraft): SurveyRule {
  const question = draft.question.trim();
  return {
    id: draft.id,
    instrument: draft.instrument,
    trigger: triggerInput(draft),
    question: question || null,
    schedule: draft.schedule,
    enabled: draft.enabled,
  };
}

/** Whether a survey is asked on entering this stage; such a stage is not removed without its surveys. */
export const asksOnEntering = (survey: SurveyDraft, stageId: string) => survey.when === 'stage_enter' && survey.stageId === stageId;

const stageIssue = (survey: SurveyDraft, index: number): FieldIssue => ({
  fieldId: SURVEY_FIELD.stage(survey.id),
  where: t('optionsSurveyLegend', index + 1),
  message: t('optionsSurveyErrorStage'),
});

/** What the schema cannot know: a survey asked on entering a stage this study no longer has. */
export function surveyStageIssues(surveys: readonly SurveyDraft[], stages: readonly Stage[]): FieldIssue[] {
  const known = new Set(stages.map((s) => s.id));
  return surveys.flatMap((survey, i) => (survey.when === 'stage_enter' && !known.has(survey.stageId) ? [stageIssue(survey, i)] : []));
}

/** A schema issue under `surveys` (path without that head) in plain words, tied to its input. */
export function describeSurveyIssue(issue: z.core.$ZodIssue, path: readonly PropertyKey[], surveys: readonly SurveyDraft[]): FieldIssue {
  const [index, field, detail] = path;
  const survey = typeof index === 'number' ? surveys[index] : undefined;
  if (!survey) {
    const limit = 'maximum' in issue ? String(issue.maximum) : '';
    return { fieldId: SURVEYS_HEADING_ID, where: t('optionsSurveyHeading'), message: t('optionsSurveyErrorTooMany', limit) };
  }
  const i = index as number;
  const where = t('optionsSurveyLegend', i + 1);
  if (field === 'trigger' && detail === 'stageId') return stageIssue(survey, i);
  if (field === 'trigger' && detail === 'signalKind') return { fieldId: SURVEY_FIELD.signal(survey.id), where, message: issue.message };
  if (field === 'question') return { fieldId: SURVEY_FIELD.question(survey.id), where, message: t('optionsErrorTooLong') };
  return { fieldId: SURVEY_FIELD.instrument(survey.id), where, message: issue.message };
}
