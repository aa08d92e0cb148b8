import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationType } from '../../core/records/annotation';
import { EmotionFace } from '../../shared/EmotionFace';
import { failureText, t } from '../../shared/i18n';
import { FEELINGS, TYPES, typeLabel } from '../../shared/note-labels';
import { targetText } from '../../shared/target-text';
import { TextField } from './TextField';
import { formKeys } from './form-keys';
import type { AnnotationDraft, TargetLabel } from '../../core/messages';

export interface AnnotationFormProps {
  /** A note being edited; none for a new one. */
  initial: AnnotationDraft | null;
  target: TargetLabel | null;
  /** Stores the note; a rejection keeps the form open with its reason. */
  onSave: (draft: AnnotationDraft) => Promise<void>;
  onCancel: () => void;
}

/**
 * The note form: what kind of note (a labelled radio group), the note itself (required, multi-line: Enter adds a
 * line, Ctrl+Enter saves), an optional feeling (five faces or none), Save and Cancel. Esc cancels.
 */
export function AnnotationForm({ initial, target, onSave, onCancel }: AnnotationFormProps) {
  const [type, setType] = useState<AnnotationType | null>(initial?.type ?? null);
  const [text, setText] = useState(initial?.text ?? '');
  const [emotion, setEmotion] = useState<number | null>(initial?.emotion ?? null);
  const [everyPage, setEveryPage] = useState(initial?.everyPage ?? false);
  const [error, setError] = useState<{ field: 'type' | 'text' | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement | null>(null);
  const textArea = useRef<HTMLTextAreaElement | null>(null);

  // Focus moves in as the form appears (a layout effect), so a key pressed at once already reaches the form.
  useLayoutEffect(() => (initial ? textArea.current : first.current)?.focus(), []);

  const save = async (event?: Event) => {
    event?.preventDefault();
    if (saving) return;
    if (!type) {
      setError({ field: 'type', message: t('annotateTypeRequired') });
      first.current?.focus();
      return;
    }
    if (!text.trim()) {
      setError({ field: 'text', message: t('annotateTextRequired') });
      textArea.current?.focus();
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await onSave({ type, text: text.trim(), emotion, everyPage });
    } catch (failure) {
      setError({ field: null, message: t('annotateSaveFailed', failureText(failure)) });
      setSaving(false);
    }
  };

  const onKeyDown = formKeys(onCancel, (event) => void save(event));

  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="jl-note-title" onKeyDown={onKeyDown}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div class="head">
          <h2 id="jl-note-title">{initial ? t('annotateEditTitle') : t('annotateAddTitle')}</h2>
          <button type="button" class="close" aria-label={t('annotateClose')} onClick={onCancel}>
            ×
          </button>
        </div>
        {target && <p class="target">{t('annotateTarget', targetText(target))}</p>}
        <fieldset aria-describedby={error?.field === 'type' ? 'jl-note-error' : undefined}>
          <legend>{t('annotateTypeLegend')}</legend>
          <div class="choices">
            {TYPES.map((value, i) => (
              <label class="choice" key={value}>
                <input
                  type="radio"
                  name="jl-type"
                  value={value}
                  checked={type === value}
                  ref={i === 0 ? (el) => void (first.current = el) : undefined}
                  onChange={() => setType(value)}
                />
                <span class="box">{typeLabel(value)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          id="jl-note"
          label={'annotateTextLabel'}
          value={text}
          invalid={error?.field === 'text'}
          described={error?.field === 'text'}
          field={textArea}
          onInput={setText}
        />
        <fieldset>
          <legend>{t('annotateFeelingLegend')}</legend>
          <div class="choices">
            <label class="choice">
              <input type="radio" name="jl-feeling" checked={emotion === null} onChange={() => setEmotion(null)} />
              <span class="box">{t('annotateFeelingNone')}</span>
            </label>
            {FEELINGS.map((feeling) => (
              <label class="choice face" key={feeling.value}>
                <input type="radio" name="jl-feeling" checked={emotion === feeling.value} onChange={() => setEmotion(feeling.value)} />
                <span class="box">
                  <EmotionFace value={feeling.value} />
                  <span class="face-label">{feeling.label}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={everyPage} onChange={(e) => setEveryPage(e.currentTarget.checked)} />
          {t('annotateEveryPage')}
        </label>
        <p class="error" id="jl-note-error" role="alert">
          {error?.message ?? ''}
        </p>
        <div class="actions">
          <button type="button" class="secondary" onClick={onCancel}>
            {t('annotateCancel')}
          </button>
          <button type="submit" class="primary" aria-disabled={saving}>
            {t('annotateSave')}
          </button>
        </div>
      </form>
    </div>
  );
}
