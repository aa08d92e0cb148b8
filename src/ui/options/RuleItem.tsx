import { RuleKind, type StageRule } from '../../core/records/stage-rule';
import type { Stage } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { FieldError, invalidProps } from './FieldError';
import type { FieldIssue } from './issues';
import { ItemActions } from './ItemActions';
import { KIND_EXAMPLE, KIND_HINT, KIND_LABEL, ruleMessage } from './rule-check';
import { StageField } from './StageField';
import { FIELD } from './study-validation';

interface Props {
  rule: StageRule;
  index: number;
  count: number;
  stages: readonly Stage[];
  issues: readonly FieldIssue[];
  /** This rule decides the stage of the URL in the tester. */
  matchesTest: boolean;
  onChange: (patch: Partial<StageRule>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

export function RuleItem({ rule, index, count, stages, issues, matchesTest, onChange, onMove, onRemove }: Props) {
  const legend = t('optionsRuleLegend', index + 1);
  const headingId = `rule-${rule.id}-heading`;
  const kindId = `rule-${rule.id}-kind`;
  const keepId = `rule-${rule.id}-keep-query`;
  const labelId = `rule-${rule.id}-label`;
  const hintId = `rule-${rule.id}-hint`;
  const patternId = FIELD.rulePattern(rule.id);
  const stageId = FIELD.ruleStage(rule.id);
  const problem = ruleMessage(rule);
  return (
    <section class={matchesTest ? 'item rule matched' : 'item rule'} role="group" aria-labelledby={headingId}>
      <div class="item-head">
        <div class="item-title">
          <h4 id={headingId}>{legend}</h4>
          {matchesTest && <span class="badge stage">{t('optionsRuleMatchesTest')}</span>}
        </div>
        <ItemActions idPrefix={`rule-${rule.id}`} context={legend} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <div class="rule-grid">
        <div class="field">
          <label for={kindId}>{t('optionsRuleKindLabel')}</label>
          <select id={kindId} value={rule.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as RuleKind })}>
            {RuleKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_LABEL[kind])}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={patternId}>{t('optionsRulePatternLabel')}</label>
          <input
            id={patternId}
            type="text"
            spellcheck={false}
            autocomplete="off"
            class="mono"
            value={rule.pattern}
            placeholder={t(KIND_EXAMPLE[rule.kind])}
            onInput={(e) => onChange({ pattern: e.currentTarget.value })}
            {...invalidProps(patternId, issues, problem, hintId)}
          />
          <FieldError fieldId={patternId} issues={issues} live={problem} />
          <p id={hintId} class="hint kind-hint">
            {t(KIND_HINT[rule.kind])}
          </p>
          <div class="check">
            <input id={keepId} type="checkbox" checked={rule.keepQuery} onChange={(e) => onChange({ keepQuery: e.currentTarget.checked })} />
            <label for={keepId}>{t('optionsRuleKeepQuery')}</label>
          </div>
        </div>
        <StageField id={stageId} label={'optionsRuleStageLabel'} value={rule.stageId} stages={stages} issues={issues} onChange={(id) => onChange({ stageId: id })} />
        {(rule.kind === 'path' || rule.kind === 'glob') && (
          <div class="field">
            <label for={labelId}>{t('optionsRuleNameLabel')}</label>
            <input id={labelId} type="text" maxLength={120} value={rule.label} placeholder={t('optionsRuleNamePlaceholder')} onInput={(e) => onChange({ label: e.currentTarget.value })} />
          </div>
        )}
      </div>
    </section>
  );
}
