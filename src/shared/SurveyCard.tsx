import { useEffect, useRef, useState } from 'preact/hooks';
import type { PromptSpec } from '../core/messages';
import { EmotionFace } from './EmotionFace';
import { t } from './i18n';

export type SurveyAnswer = { value: number | null; text: string | null } | null;

interface Props {
  prompt: PromptSpec;
  /** An answer, or null when dismissed. */
  onDone: (answer: SurveyAnswer) => void;
}

/** NPS has a 10: a "1" waits this long for a "0" before it stands for one. */
const TWO_DIGIT_MS = 600;

/**
 * The micro-survey card: a question, a scale (or a text box), submit and dismiss. Digits choose, arrows move,
 * Enter submits, Esc dismisses; it is a labelled dialog for screen readers.
 */
export function SurveyCard({ prompt, onDone }: Props) {
  const [value, setValue] = useState<number | null>(null);
  const [text, setText] = useState('');
  const first = useRef<HTMLButtonElement | HTMLTextAreaElement | null>(null);
  const digits = useRef({ typed: '', at: 0 });
  const isText = prompt.options.length === 0;
  const ready = isText ? text.trim() !== '' : value !== null;

  useEffect(() => first.current?.focus(), []);

  const submit = () => ready && onDone({ value: isText ? null : value, text: isText ? text.trim().slice(0, 5000) : null });
  // Digits are the values on 0–10 and 1–7 scales; on the emotion scale (−2…+2) they count the faces from 1.
  const byPosition = prompt.options.some((o) => o.value < 0);
  // Faces carry their own labels, so the scale's two end labels would only repeat the outer two.
  const faces = prompt.options.some((o) => o.symbol !== null);
  const choose = (typed: string) => {
    const option = byPosition ? prompt.options[Number(typed) - 1] : prompt.options.find((o) => String(o.value) === typed);
    if (option) setValue(option.value);
    return option !== undefined;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone(null);
    } else if (event.key === 'Enter' && !(isText && !event.ctrlKey && !event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (!isText && /^[0-9]$/.test(event.key)) {
      event.preventDefault();
      const recent = digits.current;
      const typed = recent.typed && event.timeStamp - recent.at < TWO_DIGIT_MS ? recent.typed + event.key : event.key;
      if (!choose(typed)) choose(event.key);
      digits.current = { typed: typed.length === 1 ? typed : '', at: event.timeStamp };
    } else if (!isText && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      const index = prompt.options.findIndex((o) => o.value === value);
      const next = Math.min(prompt.options.length - 1, Math.max(0, index + (event.key === 'ArrowRight' ? 1 : -1)));
      setValue(prompt.options[index < 0 ? 0 : next]!.value);
    }
  };

  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="jl-question" aria-describedby="jl-hint" onKeyDown={onKeyDown}>
      <div class="head">
        <h2 id="jl-question">{prompt.question}</h2>
        <button type="button" class="close" aria-label={t('surveyDismiss')} onClick={() => onDone(null)}>
          ×
        </button>
      </div>
      {isText ? (
        <>
          <label class="visually-hidden" for="jl-text">
            {prompt.question}
          </label>
          <textarea id="jl-text" ref={(el) => void (first.current = el)} value={text} maxLength={5000} onInput={(e) => setText(e.currentTarget.value)} />
        </>
      ) : (
        <>
          <div class="options" role="radiogroup" aria-labelledby="jl-question">
            {prompt.options.map((option, i) => (
              <button
                key={option.value}
                type="button"
                role="radio"
                class={option.symbol ? 'option face' : 'option'}
                aria-checked={value === option.value}
                aria-label={option.label}
                title={option.label}
                tabIndex={value === option.value || (value === null && i === 0) ? 0 : -1}
                ref={i === 0 ? (el) => void (first.current = el) : undefined}
                onClick={() => setValue(option.value)}
              >
                {option.symbol ? (
                  <>
                    <EmotionFace value={option.value} size={26} />
                    <span class="face-label">{option.label}</span>
                  </>
                ) : (
                  option.value
                )}
              </button>
            ))}
          </div>
          {!faces && (
            <div class="ends" aria-hidden="true">
              <span>{prompt.lowLabel}</span>
              <span>{prompt.highLabel}</span>
            </div>
          )}
        </>
      )}
      <div class="actions">
        <span class="hint" id="jl-hint">
          {isText ? t('surveyHintText') : t('surveyHintScale')}
        </span>
        <button type="button" class="submit" aria-disabled={!ready} onClick={submit}>
          {t('surveySubmit')}
        </button>
      </div>
    </div>
  );
}
