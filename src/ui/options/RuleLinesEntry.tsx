import { useMemo, useState } from 'preact/hooks';
import { parseRuleLines, type RuleLine, type RuleLineProblem } from '../../core/journey/rule-lines';
import type { Stage } from '../../core/records/study';
import { t, tCount } from '../../shared/i18n';
import { focusById } from './focus';
import { ruleMessage } from './rule-check';

interface Props {
  text: string;
  stages: readonly Stage[];
  onText: (text: string) => void;
  /** The lines that read as rules; the text keeps only the lines that did not. */
  onAdd: (rules: RuleLine[]) => void;
}

const FIELD_ID = 'rule-lines';

function problemText(problem: RuleLineProblem): string {
  switch (problem.problem) {
    case 'noArrow':
      return t('optionsRuleLinesNoArrow', problem.line);
    case 'noPattern':
      return t('optionsRuleLinesNoPattern', problem.line);
    case 'unknownStage':
      return t('optionsRuleLinesUnknownStage', problem.line, problem.stage);
    case 'badPattern':
      return t('optionsRuleLinesBadPattern', problem.line, problem.message);
  }
}

/** Many rules at once, one `pattern → stage` line each, checked line by line as they are typed or pasted. */
export function RuleLinesEntry({ text, stages, onText, onAdd }: Props) {
  const parsed = useMemo(() => parseRuleLines(text, stages, ruleMessage), [text, stages]);
  const [added, setAdded] = useState('');
  const add = () => {
    onAdd(parsed.rules);
    onText(parsed.problems.map((p) => p.text).join('\n'));
    setAdded(tCount('optionsRuleLinesAdded', parsed.rules.length, parsed.rules.length));
    // The button is disabled once the lines are used up; focus goes where the work continues.
    focusById(parsed.problems.length ? FIELD_ID : 'add-rule');
  };
  return (
    <div class="field rule-lines" data-testid="rule-lines">
      <label for={FIELD_ID}>{t('optionsRuleLinesLabel')}</label>
      <textarea
        id={FIELD_ID}
        rows={5}
        spellcheck={false}
        autocomplete="off"
        class="mono"
        value={text}
        placeholder={t('optionsRuleLinesExample')}
        aria-describedby={`${FIELD_ID}-hint${parsed.problems.length ? ` ${FIELD_ID}-problems` : ''}`}
        aria-invalid={parsed.problems.length > 0 || undefined}
        onInput={(e) => {
          setAdded('');
          onText(e.currentTarget.value);
        }}
      />
      <p id={`${FIELD_ID}-hint`} class="hint">
        {t('optionsRuleLinesHint')}
      </p>
      {parsed.problems.length > 0 && (
        <ul id={`${FIELD_ID}-problems`} class="field-error error" data-testid="rule-line-problems">
          {parsed.problems.map((problem) => (
            <li key={problem.line}>{problemText(problem)}</li>
          ))}
        </ul>
      )}
      <button type="button" disabled={parsed.rules.length === 0} onClick={add}>
        {tCount('optionsRuleLinesAdd', parsed.rules.length, parsed.rules.length)}
      </button>
      <p class="hint" role="status">
        {added}
      </p>
    </div>
  );
}
