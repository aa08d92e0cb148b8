import type { Stage } from '../../core/records/study';
import { t, type MessageKey } from '../../shared/i18n';
import { FieldError, invalidProps } from './FieldError';
import type { FieldIssue } from './issues';
import { stageLabel } from './study-draft';

interface Props {
  id: string;
  label: MessageKey;
  /** The chosen stage; one no longer in the study reads as none chosen. */
  value: string | null;
  stages: readonly Stage[];
  issues: readonly FieldIssue[];
  onChange: (stageId: string) => void;
}

/** A stage of the study to choose, numbered as in the stage list, with what is wrong with the choice. */
export function StageField({ id, label, value, stages, issues, onChange }: Props) {
  const known = stages.some((s) => s.id === value);
  return (
    <div class="field">
      <label for={id}>{t(label)}</label>
      <select id={id} value={known ? (value ?? '') : ''} onChange={(e) => onChange(e.currentTarget.value)} {...invalidProps(id, issues)}>
        {!known && <option value="">{t('optionsRuleChooseStage')}</option>}
        {stages.map((stage, i) => (
          <option key={stage.id} value={stage.id}>
            {stageLabel(stage, i + 1)}
          </option>
        ))}
      </select>
      <FieldError fieldId={id} issues={issues} />
    </div>
  );
}
