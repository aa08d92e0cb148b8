import type { RefObject } from 'preact';
import { t, type MessageKey } from '../../shared/i18n';

/** Notes and reports alike: up to this many characters. */
const TEXT_MAX = 10_000;

interface Props {
  /** The form's id prefix: the field is `<id>-text`, its hint `<id>-hint`, the form's error line `<id>-error`. */
  id: string;
  label: MessageKey;
  value: string;
  invalid: boolean;
  /** The form's error line says something now: the field names it too. */
  described: boolean;
  field: RefObject<HTMLTextAreaElement | null>;
  onInput: (text: string) => void;
}

/** The required text of a note or a report, with its label and hint. */
export function TextField({ id, label, value, invalid, described, field, onInput }: Props) {
  return (
    <>
      <label class="field-label" for={`${id}-text`}>
        {t(label)}
      </label>
      <textarea
        id={`${id}-text`}
        ref={(el) => void (field.current = el)}
        value={value}
        maxLength={TEXT_MAX}
        required
        aria-required="true"
        aria-invalid={invalid}
        aria-describedby={described ? `${id}-error ${id}-hint` : `${id}-hint`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p class="hint" id={`${id}-hint`}>
        {t('annotateTextHint')}
      </p>
    </>
  );
}
