import { useState } from 'preact/hooks';
import type { StageRule } from '../../core/records/stage-rule';
import type { Stage } from '../../core/records/study';
import { t } from '../i18n';
import { focusById } from './focus';
import type { FieldIssue } from './issues';
import { moved } from './ItemActions';
import { blockedAlertId, StageItem } from './StageItem';
import { blankStage } from './study-draft';
import { FIELD } from './study-validation';

export interface JourneyPatch {
  stages?: Stage[];
  rules?: StageRule[];
  goalStageId?: string | null;
}

interface Props {
  stages: Stage[];
  rules: StageRule[];
  goalStageId: string | null;
  issues: readonly FieldIssue[];
  onChange: (patch: JourneyPatch) => void;
}

/** The journey's stages, in order; a stage that rules point to is only removed together with those rules. */
export function StageListEditor({ stages, rules, goalStageId, issues, onChange }: Props) {
  const [blocked, setBlocked] = useState<string | null>(null);
  const rulesOf = (stageId: string) => rules.filter((r) => r.stageId === stageId).length;

  const remove = (stage: Stage, withRules: boolean) => {
    const index = stages.indexOf(stage);
    const rest = stages.filter((s) => s.id !== stage.id);
    onChange({
      stages: rest,
      ...(withRules ? { rules: rules.filter((r) => r.stageId !== stage.id) } : {}),
      ...(goalStageId === stage.id ? { goalStageId: null } : {}),
    });
    setBlocked(null);
    const neighbour = rest[index] ?? rest[index - 1];
    focusById(neighbour ? FIELD.stageName(neighbour.id) : 'add-stage');
  };

  const askRemove = (stage: Stage) => {
    if (!rulesOf(stage.id)) return remove(stage, false);
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
              blockedBy={blocked === stage.id ? rulesOf(stage.id) : null}
              onChange={(patch) => onChange({ stages: stages.map((s) => (s.id === stage.id ? { ...s, ...patch } : s)) })}
              onMove={(delta) => onChange({ stages: moved(stages, i, delta) })}
              onRemove={() => askRemove(stage)}
              onRemoveWithRules={() => remove(stage, true)}
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
