import { useState } from 'preact/hooks';
import type { RuleLine } from '../../core/journey/rule-lines';
import { newId } from '../../core/records/common';
import type { Persona } from '../../core/records/persona';
import type { StageRule } from '../../core/records/stage-rule';
import type { Stage } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { focusById } from './focus';
import type { FieldIssue } from './issues';
import { moved } from './ItemActions';
import { RuleItem } from './RuleItem';
import { RuleLinesEntry } from './RuleLinesEntry';
import { RuleProposer } from './RuleProposer';
import { FIELD } from './study-validation';

interface Props {
  rules: StageRule[];
  stages: readonly Stage[];
  issues: readonly FieldIssue[];
  /** The rule that tags the tester's URL, to mark it in the list. */
  matchedRuleId: string | null;
  /** The saved study's id, whose recorded walks can propose rules; null for a new study. */
  studyId: string | null;
  personas: readonly Persona[];
  onChange: (rules: StageRule[]) => void;
}

/** The ordered rules; order matters, since the first rule that matches a page decides its stage. */
export function RuleListEditor({ rules, stages, issues, matchedRuleId, studyId, personas, onChange }: Props) {
  const [lines, setLines] = useState('');
  const add = () => {
    // Rules come in runs for one stage, so a new rule starts on the stage of the one above it.
    const stageId = rules.at(-1)?.stageId ?? stages[0]?.id ?? '';
    const rule: StageRule = { id: newId(), stageId, kind: 'path', pattern: '', keepQuery: false, label: '' };
    onChange([...rules, rule]);
    focusById(FIELD.rulePattern(rule.id));
  };
  const remove = (index: number) => {
    const rest = rules.filter((_, i) => i !== index);
    onChange(rest);
    const neighbour = rest[index] ?? rest[index - 1];
    focusById(neighbour ? FIELD.rulePattern(neighbour.id) : 'add-rule');
  };
  return (
    <>
      {rules.length === 0 ? (
        <p class="muted">{t('optionsNoRules')}</p>
      ) : (
        <ol class="plain items">
          {rules.map((rule, i) => (
            <li key={rule.id}>
              <RuleItem
                rule={rule}
                index={i}
                count={rules.length}
                stages={stages}
                issues={issues}
                matchesTest={rule.id === matchedRuleId}
                onChange={(patch) => onChange(rules.map((r) => (r.id === rule.id ? { ...r, ...patch } : r)))}
                onMove={(delta) => onChange(moved(rules, i, delta))}
                onRemove={() => remove(i)}
              />
            </li>
          ))}
        </ol>
      )}
      <button type="button" id="add-rule" onClick={add}>
        {t('optionsAddRule')}
      </button>
      <details class="rule-lines-details">
        <summary>{t('optionsRuleLinesSummary')}</summary>
        {studyId && <RuleProposer studyId={studyId} stages={stages} rules={rules} personas={personas} onProposed={setLines} />}
        <RuleLinesEntry
          text={lines}
          stages={stages}
          onText={setLines}
          onAdd={(added: RuleLine[]) => onChange([...rules, ...added.map(({ kind, pattern, stageId }) => ({ id: newId(), kind, pattern, stageId, keepQuery: false, label: '' }))])}
        />
      </details>
    </>
  );
}
