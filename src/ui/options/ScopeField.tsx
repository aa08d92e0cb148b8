import { scopeForUrl, isValidMatchPattern } from '../../core/journey/scope';
import { t } from '../../shared/i18n';
import { FieldError, invalidProps } from './FieldError';
import type { FieldIssue } from './issues';
import { FIELD } from './study-validation';

interface Props {
  text: string;
  issues: readonly FieldIssue[];
  onChange: (text: string) => void;
}

const HINT_ID = 'study-scope-hint';

/**
 * A page address where a pattern belongs (or a pattern without a wildcard, which covers that one page only):
 * offer the whole site it is on, `https://host/*`.
 */
function suggestionFor(line: string): string | null {
  if (isValidMatchPattern(line) && line.includes('*')) return null;
  const bareHost = !line.includes('://') && /^[\w.-]+\.[a-z]{2,}(?::\d+)?(?:\/|$)/i.test(line);
  const site = scopeForUrl(bareHost ? `https://${line}` : line);
  return site && site !== line ? site : null;
}

export function ScopeField({ text, issues, onChange }: Props) {
  const lines = text.split('\n').map((line) => line.trim());
  const suggestions = [...new Set(lines)].flatMap((line) => {
    const pattern = line ? suggestionFor(line) : null;
    return pattern ? [{ line, pattern }] : [];
  });
  const apply = (line: string, pattern: string) => {
    onChange(
      text
        .split('\n')
        .map((l) => (l.trim() === line ? pattern : l))
        .join('\n'),
    );
    document.getElementById(FIELD.scope)?.focus();
  };
  return (
    <div class="field">
      <label for={FIELD.scope}>{t('optionsScopeLabel')}</label>
      <textarea
        id={FIELD.scope}
        rows={3}
        spellcheck={false}
        autocomplete="off"
        placeholder="https://shop.example.com/*"
        value={text}
        onInput={(e) => onChange(e.currentTarget.value)}
        {...invalidProps(FIELD.scope, issues, null, HINT_ID)}
      />
      <p id={HINT_ID} class="hint">
        {t('optionsScopeHint')}
      </p>
      {suggestions.length > 0 && (
        <ul class="plain suggestions">
          {suggestions.map(({ line, pattern }) => (
            <li key={line}>
              <span>{t('optionsScopeLooksLikeUrl', line)}</span>{' '}
              <button type="button" onClick={() => apply(line, pattern)}>
                {t('optionsScopeUse', pattern)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldError fieldId={FIELD.scope} issues={issues} />
    </div>
  );
}
