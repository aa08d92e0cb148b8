import { useState } from 'preact/hooks';
import type { StageRule } from '../../core/records/stage-rule';
import type { Stage } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { focusById } from './focus';
import type { FieldIssue } from './issues';
import { moved } from './ItemActions';
import { blockedAlertId, StageItem, type StageUses } from './StageItem';
import { blankStage } from './study-draft';
import { FIELD } from './study-validation';
import { asksOnEntering, type SurveyDraft } from './survey-fields';

export interface JourneyPatch {
  stages?: Stage[];
  rules?: StageRule[];
  goalStageId?: string | null;
  surveys?: SurveyDraft[];
}

interface Props {
  stages: Stage[];
  rules: StageRule[];
  surveys: SurveyDraft[];
  goalStageId: string | null;
  issues: readonly FieldIssue[];
  onChange: (patch: JourneyPatch) => void;
}

/** The journey's stages, in order; a stage that rules or surveys point to is only removed together with them. */
export function StageListEditor({ stages, rules, surveys, goalStageId, issues, onChange }: Props) {
  const [blocked, setBlocked] = useState<string | null>(null);
  const usesOf = (stageId: string): StageUses => ({
    rules: rules.filter((r) => r.stageId === stageId).length,
    surveys: surveys.filter((s) => asksOnEntering(s, stageId)).length,
  });

  const remove = (stage: Stage, withUses: boolean) => {
    const index = stages.indexOf(stage);
    const rest = stages.filter((s) => s.id !== stage.id);
    onChange({
      stages: rest,
      ...(withUses ? { rules: rules.filter((r) => r.stageId !== stage.id), surveys: surveys.filter((s) => !asksOnEntering(s, stage.id)) } : {}),
      ...(goalStageId === stage.id ? { goalStageId: null } : {}),
    });
    setBlocked(null);
    const neighbour = rest[index] ?? rest[index - 1];
    focusById(neighbour ? FIELD.stageName(neighbour.id) : 'add-stage');
  };

  const askRemove = (stage: Stage) => {
    const uses = usesOf(stage.id);
    if (!uses.rules && !uses.surveys) return remove(stage, false);
    setBlocked(stage.id);
    focusById(blockedAlertId(stage.id));
  };

  const add = () => {
    const stage = blankStage(stages.length + 1);
    onChange({ stages: [...stages, stage] });
    focusById(FIELD.stageName(stage.id));
  };

  return (
    <>
      <ol class="plain items">
        {stages.map((stage, i) => (
          <li key={stage.id}>
            <StageItem
              stage={stage}
              index={i}
              count={stages.length}
              issues={issues}
              blockedBy={blocked === stage.id ? usesOf(stage.id) : null}
              onChange={(patch) => onChange({ stages: stages.map((s) => (s.id === stage.id ? { ...s, ...patch } : s)) })}
              onMove={(delta) => onChange({ stages: moved(stages, i, delta) })}
              onRemove={() => askRemove(stage)}
              onRemoveWithUses={() => remove(stage, true)}
              onKeep={() => {
                setBlocked(null);
                focusById(`stage-${stage.id}-remove`);
              }}
            />
          </li>
        ))}
      </ol>
      <button type="button" id="add-stage" onClick={add}>
        {t('optionsAddStage')}
      </button>
    </>
  );
}
