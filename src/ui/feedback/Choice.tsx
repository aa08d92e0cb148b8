import { t } from '../../shared/i18n';

/** A labelled `<select>` of values in their words; a filter's starts with "all" (the empty value). */
export function Choice<T extends string>({ label, value, values, words, all = true, onChange }: { label: string; value: string; values: readonly T[]; words: (v: T) => string; all?: boolean; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {all && <option value="">{t('feedbackAll')}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {words(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
