import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { failureText, t } from '../../shared/i18n';
import { SEVERITIES, severityLabel } from '../../shared/note-labels';
import { targetText } from '../../shared/target-text';
import { TextField } from './TextField';
import { formKeys } from './form-keys';
import type { FeedbackDraft, TargetLabel } from '../../core/messages';
import type { Severity } from '../../shared/note-labels';

export interface FeedbackFormProps {
  /** A draft coming back after sending it failed, with the reason (the background's words). */
  initial: FeedbackDraft | null;
  error: string | null;
  target: TargetLabel | null;
  onSend: (draft: FeedbackDraft) => void;
  onCancel: () => void;
}

/**
 * The tester's report form: what went wrong (required, multi-line), a severity, whether to paint form fields
 * over in the screenshot (ticked by default), Send and Cancel. Esc cancels. Sending closes the form at once,
 * so the screenshot shows the page and not the form.
 */
export function FeedbackForm({ initial, error: failure, target, onSend, onCancel }: FeedbackFormProps) {
  const [text, setText] = useState(initial?.text ?? '');
  const [severity, setSeverity] = useState<Severity>(initial?.severity ?? 'medium');
  const [maskFields, setMaskFields] = useState(initial?.maskFields ?? true);
  const [missing, setMissing] = useState(false);
  const textArea = useRef<HTMLTextAreaElement | null>(null);

  useLayoutEffect(() => textArea.current?.focus(), []);

  const send = (event?: Event) => {
    event?.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      textArea.current?.focus();
      return;
    }
    onSend({ text: text.trim(), severity, maskFields });
  };

  const onKeyDown = formKeys(onCancel, send);

  const message = missing ? t('annotateFeedbackTextRequired') : failure ? t('annotateFeedbackFailed', failureText(failure)) : '';
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="jl-report-title" onKeyDown={onKeyDown}>
      <form onSubmit={send} noValidate>
        <div class="head">
          <h2 id="jl-report-title">{t('annotateFeedbackTitle')}</h2>
          <button type="button" class="close" aria-label={t('annotateClose')} onClick={onCancel}>
            ×
          </button>
        </div>
        {target && <p class="target">{t('annotateTarget', targetText(target))}</p>}
        <TextField
          id="jl-report"
          label={'annotateFeedbackTextLabel'}
          value={text}
          invalid={missing}
          described={Boolean(message)}
          field={textArea}
          onInput={(value) => {
            setText(value);
            setMissing(false);
          }}
        />
        <fieldset>
          <legend>{t('annotateSeverityLegend')}</legend>
          <div class="choices">
            {SEVERITIES.map((value) => (
              <label class="choice" key={value}>
                <input type="radio" name="jl-severity" value={value} checked={severity === value} onChange={() => setSeverity(value)} />
                <span class="box">{severityLabel(value)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={maskFields} aria-describedby="jl-report-shot" onChange={(e) => setMaskFields(e.currentTarget.checked)} />
          <span>{t('annotateFeedbackMask')}</span>
        </label>
        <p class="hint" id="jl-report-shot">
          {t('annotateFeedbackShotHint')}
        </p>
        <p class="error" id="jl-report-error" role="alert">
          {message}
        </p>
        <div class="actions">
          <button type="button" class="secondary" onClick={onCancel}>
            {t('annotateCancel')}
          </button>
          <button type="submit" class="primary">
            {t('annotateFeedbackSend')}
          </button>
        </div>
      </form>
    </div>
  );
}
