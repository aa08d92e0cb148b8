import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { FieldError, invalidProps } from './FieldError';
import { changedCount, DEFAULT_SETTINGS, FRICTION_GROUPS, FRICTION_SUMMARY_ID, frictionDraft, keyOf, PATTERNS_ID, type FrictionDraft } from './friction-fields';
import type { FieldIssue } from './issues';
import { NumberField } from './NumberField';

interface Props {
  value: FrictionDraft;
  /** All of the editor's issues; this section shows those of its own fields. */
  issues: readonly FieldIssue[];
  onChange: (value: FrictionDraft) => void;
}

const PATTERNS_HINT_ID = `${PATTERNS_ID}-hint`;

/** Every friction threshold of the study, collapsed by default: the published defaults suit most studies. */
export function FrictionSettings({ value, issues, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const own = issues.filter((issue) => issue.fieldId.startsWith('friction-'));
  // A refused save must not hide its reasons in a closed section.
  useEffect(() => {
    if (own.length) setOpen(true);
  }, [own.length > 0]);

  const changed = changedCount(value);
  const setNumber = (key: string, text: string) => {
    setStatus('');
    onChange({ ...value, numbers: { ...value.numbers, [key]: text } });
  };
  const reset = () => {
    onChange(frictionDraft(DEFAULT_SETTINGS));
    setStatus(t('optionsFrictionResetDone'));
  };

  return (
    <details class="editor-section friction" data-testid="friction-settings" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary id={FRICTION_SUMMARY_ID}>
        <h3>{t('optionsFrictionHeading')}</h3>
        <span class="hint">
          {own.length ? t('optionsFrictionProblems', own.length) : changed ? t('optionsFrictionChanged', changed) : t('optionsFrictionAllDefaults')}
        </span>
      </summary>
      <div class="friction-intro">
        <p class="hint">
          {t('optionsFrictionIntro')}{' '}
          <a href="/docs/signals.txt" target="_blank" rel="noopener">
            {t('optionsFrictionDocsLink')}
          </a>
        </p>
        <button type="button" onClick={reset}>
          {t('optionsFrictionReset')}
        </button>
      </div>
      <p class="hint" role="status">
        {status}
      </p>
      {FRICTION_GROUPS.map((group) => (
        <fieldset key={group.legend} class="friction-group">
          <legend>{t(group.legend)}</legend>
          {'fields' in group ? (
            <div class="friction-fields">
              {group.fields.map((spec) => (
                <NumberField key={keyOf(spec)} spec={spec} value={value.numbers[keyOf(spec)] ?? ''} issues={issues} onChange={(text) => setNumber(keyOf(spec), text)} />
              ))}
            </div>
          ) : (
            <div class="field">
              <label for={PATTERNS_ID}>{t('optionsFrictionPatternsLabel')}</label>
              <textarea
                id={PATTERNS_ID}
                rows={5}
                spellcheck={false}
                value={value.patterns}
                onInput={(e) => {
                  setStatus('');
                  onChange({ ...value, patterns: e.currentTarget.value });
                }}
                {...invalidProps(PATTERNS_ID, issues, null, PATTERNS_HINT_ID)}
              />
              <p id={PATTERNS_HINT_ID} class="hint">
                {t('optionsFrictionPatternsHint')}
              </p>
              <FieldError fieldId={PATTERNS_ID} issues={issues} />
            </div>
          )}
        </fieldset>
      ))}
    </details>
  );
}
