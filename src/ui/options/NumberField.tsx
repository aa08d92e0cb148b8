import { t } from '../../shared/i18n';
import { FieldError, invalidProps } from './FieldError';
import { defaultAmount, formatAmount, frictionFieldId, limitsOf, type NumberSpec } from './friction-fields';
import type { FieldIssue } from './issues';

interface Props {
  spec: NumberSpec;
  value: string;
  issues: readonly FieldIssue[];
  onChange: (value: string) => void;
}

/** One threshold: label with its unit, the schema's bounds, a one-line hint naming the default. */
export function NumberField({ spec, value, issues, onChange }: Props) {
  const id = frictionFieldId(spec);
  const hintId = `${id}-hint`;
  const { min, max, whole } = limitsOf(spec);
  return (
    <div class="field">
      <label for={id}>{t(spec.label)}</label>
      <input
        id={id}
        type="number"
        class="number"
        inputMode={whole ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={whole ? 1 : 'any'}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        {...invalidProps(id, issues, null, hintId)}
      />
      <p id={hintId} class="hint">
        {t(spec.hint, formatAmount(defaultAmount(spec)))}
      </p>
      <FieldError fieldId={id} issues={issues} />
    </div>
  );
}
