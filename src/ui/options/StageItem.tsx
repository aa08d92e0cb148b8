import type { Stage } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { FieldError, invalidProps } from './FieldError';
import type { FieldIssue } from './issues';
import { ItemActions } from './ItemActions';
import { stageLabel } from './study-draft';
import { FIELD } from './study-validation';

interface Props {
  stage: Stage;
  index: number;
  count: number;
  issues: readonly FieldIssue[];
  /** How many rules and surveys point to this stage, when the user asked to remove it (null otherwise). */
  blockedBy: StageUses | null;
  onChange: (patch: Partial<Stage>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onRemoveWithUses: () => void;
  onKeep: () => void;
}

export const blockedAlertId = (stageId: string) => `stage-${stageId}-blocked`;

/** What points to a stage: rules tagging pages with it, surveys asked on entering it. */
export interface StageUses {
  rules: number;
  surveys: number;
}

/** Why the stage stays, and the button that removes it with what points to it. */
function blockedText({ rules, surveys }: StageUses, name: string): { why: string; remove: string } {
  if (!surveys) return { why: t('optionsStageHasRules', rules, name), remove: t('optionsRemoveStageAndRules', rules) };
  if (!rules) return { why: t('optionsSurveyStageHasSurveys', surveys, name), remove: t('optionsSurveyRemoveStageAndSurveys', surveys) };
  return { why: t('optionsSurveyStageHasRulesAndSurveys', rules, surveys, name), remove: t('optionsSurveyRemoveStageRulesAndSurveys', rules, surveys) };
}

export function StageItem({ stage, index, count, issues, blockedBy, onChange, onMove, onRemove, onRemoveWithUses, onKeep }: Props) {
  const legend = t('optionsStageLegend', index + 1);
  const blocked = blockedBy && blockedText(blockedBy, stageLabel(stage, index + 1));
  const headingId = `stage-${stage.id}-heading`;
  const text = (fieldId: string, label: string, value: string, placeholder: string, key: 'customerGoal' | 'desiredExperience') => (
    <div class="field">
      <label for={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        rows={2}
        value={value}
        placeholder={placeholder}
        onInput={(e) => onChange({ [key]: e.currentTarget.value })}
        {...invalidProps(fieldId, issues)}
      />
      <FieldError fieldId={fieldId} issues={issues} />
    </div>
  );
  return (
    <section class="item" role="group" aria-labelledby={headingId}>
      <div class="item-head">
        <h4 id={headingId}>{legend}</h4>
        <ItemActions idPrefix={`stage-${stage.id}`} context={legend} index={index} count={count} removeDisabled={count === 1} onMove={onMove} onRemove={onRemove} />
      </div>
      {blocked && (
        <div class="inline-alert" role="alert" tabIndex={-1} id={blockedAlertId(stage.id)}>
          <p>{blocked.why}</p>
          <div class="actions start">
            <button type="button" class="danger" onClick={onRemoveWithUses}>
              {blocked.remove}
            </button>
            <button type="button" onClick={onKeep}>
              {t('optionsKeepStage')}
            </button>
          </div>
        </div>
      )}
      <div class="field">
        <label for={FIELD.stageName(stage.id)}>{t('optionsStageNameLabel')}</label>
        <input
          id={FIELD.stageName(stage.id)}
          type="text"
          value={stage.name}
          onInput={(e) => onChange({ name: e.currentTarget.value })}
          {...invalidProps(FIELD.stageName(stage.id), issues)}
        />
        <FieldError fieldId={FIELD.stageName(stage.id)} issues={issues} />
      </div>
      <div class="two-col">
        {text(FIELD.stageGoal(stage.id), t('optionsStageGoalLabel'), stage.customerGoal, t('optionsStageGoalPlaceholder'), 'customerGoal')}
        {text(FIELD.stageExperience(stage.id), t('optionsStageExperienceLabel'), stage.desiredExperience, t('optionsStageExperiencePlaceholder'), 'desiredExperience')}
      </div>
    </section>
  );
}
