import type { SignalKind } from '../../core/records/signal';
import type { Stage } from '../../core/records/study';
import { Instrument } from '../../core/records/survey';
import { INSTRUMENTS } from '../../core/surveys/instruments';
import { t } from '../../shared/i18n';
import { SIGNAL_LABEL } from '../signal-labels';
import { FieldError, invalidProps } from './FieldError';
import type { FieldIssue } from './issues';
import { ItemActions } from './ItemActions';
import { StageField } from './StageField';
import {
  defaultStageId,
  INSTRUMENT_LABEL,
  SCHEDULE_LABEL,
  SCHEDULES,
  SIGNALS,
  SURVEY_FIELD,
  WHEN_HINT,
  WHEN_LABEL,
  WHENS,
  type SurveyDraft,
  type When,
} from './survey-fields';

interface Props {
  survey: SurveyDraft;
  index: number;
  count: number;
  stages: readonly Stage[];
  goalStageId: string | null;
  issues: readonly FieldIssue[];
  onChange: (patch: Partial<SurveyDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One survey rule: what to ask, when, and how often. */
export function SurveyRuleItem({ survey, index, count, stages, goalStageId, issues, onChange, onMove, onRemove }: Props) {
  const legend = t('optionsSurveyLegend', index + 1);
  const id = survey.id;
  const instrumentId = SURVEY_FIELD.instrument(id);
  const whenId = SURVEY_FIELD.when(id);
  const whenHintId = `${whenId}-hint`;
  const stageId = SURVEY_FIELD.stage(id);
  const signalId = SURVEY_FIELD.signal(id);
  const questionId = SURVEY_FIELD.question(id);
  const enabledId = `survey-${id}-enabled`;
  const stageKnown = stages.some((s) => s.id === survey.stageId);

  const chooseWhen = (when: When) =>
    // A survey switched to "Entering a stage" needs a stage that still exists.
    onChange(when === 'stage_enter' && !stageKnown ? { when, stageId: defaultStageId(stages, goalStageId) } : { when });

  return (
    <fieldset class={survey.enabled ? 'item survey' : 'item survey off'}>
      <legend>
        {legend}
        {/* The Enabled checkbox tells assistive technology; the group's name stays "Survey N". */}
        {!survey.enabled && (
          <span class="badge" aria-hidden="true">
            {t('optionsSurveyOff')}
          </span>
        )}
      </legend>
      <ItemActions idPrefix={`survey-${id}`} context={legend} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      <div class="survey-grid">
        <div class="field">
          <label for={instrumentId}>{t('optionsSurveyInstrumentLabel')}</label>
          <select id={instrumentId} value={survey.instrument} onChange={(e) => onChange({ instrument: e.currentTarget.value as Instrument })} {...invalidProps(instrumentId, issues)}>
            {Instrument.options.map((instrument) => (
              <option key={instrument} value={instrument}>
                {t(INSTRUMENT_LABEL[instrument])}
              </option>
            ))}
          </select>
          <FieldError fieldId={instrumentId} issues={issues} />
        </div>
        <div class="field">
          <label for={whenId}>{t('optionsSurveyWhenLabel')}</label>
          <select id={whenId} value={survey.when} aria-describedby={whenHintId} onChange={(e) => chooseWhen(e.currentTarget.value as When)}>
            {WHENS.map((when) => (
              <option key={when} value={when}>
                {t(WHEN_LABEL[when])}
              </option>
            ))}
          </select>
          <p id={whenHintId} class="hint">
            {t(WHEN_HINT[survey.when])}
          </p>
        </div>
        {survey.when === 'stage_enter' && (
          <StageField id={stageId} label={'optionsSurveyStageLabel'} value={survey.stageId} stages={stages} issues={issues} onChange={(id) => onChange({ stageId: id })} />
        )}
        {survey.when === 'signal' && (
          <div class="field">
            <label for={signalId}>{t('optionsSurveySignalLabel')}</label>
            <select id={signalId} value={survey.signalKind} onChange={(e) => onChange({ signalKind: e.currentTarget.value as SignalKind })} {...invalidProps(signalId, issues)}>
              {SIGNALS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(SIGNAL_LABEL[kind])}
                </option>
              ))}
            </select>
            <FieldError fieldId={signalId} issues={issues} />
          </div>
        )}
      </div>
      <div class="field">
        <label for={questionId}>{t('optionsSurveyQuestionLabel')}</label>
        <textarea
          id={questionId}
          rows={2}
          value={survey.question}
          placeholder={t(INSTRUMENTS[survey.instrument].questionKey)}
          onInput={(e) => onChange({ question: e.currentTarget.value })}
          {...invalidProps(questionId, issues)}
        />
        <FieldError fieldId={questionId} issues={issues} />
      </div>
      <div class="survey-options">
        <fieldset class="choices">
          <legend>{t('optionsSurveyScheduleLegend')}</legend>
          {SCHEDULES.map((schedule) => (
            <div class="check" key={schedule}>
              <input
                id={`survey-${id}-${schedule}`}
                type="radio"
                name={`survey-${id}-schedule`}
                value={schedule}
                checked={survey.schedule === schedule}
                onChange={() => onChange({ schedule })}
              />
              <label for={`survey-${id}-${schedule}`}>{t(SCHEDULE_LABEL[schedule])}</label>
            </div>
          ))}
        </fieldset>
        <div class="check">
          <input id={enabledId} type="checkbox" checked={survey.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
          <label for={enabledId}>{t('optionsSurveyEnabled')}</label>
        </div>
      </div>
    </fieldset>
  );
}
