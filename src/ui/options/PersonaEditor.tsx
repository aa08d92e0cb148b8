import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Persona } from '../../core/records/persona';
import { api } from '../api';
import { useAction } from '../components/use-async';
import { t, type MessageKey } from '../../shared/i18n';
import { EditorFooter } from './EditorFooter';
import { FieldError, invalidProps } from './FieldError';
import { focusById } from './focus';
import { draftFromPersona, LIST_FIELDS, LIST_LABEL, personaFieldId, validatePersona, type PersonaDraft } from './persona-draft';

interface Props {
  /** The persona to edit, or null for a new one. */
  persona: Persona | null;
  onSaved: (persona: Persona) => Promise<void>;
  onCancel: () => void;
}

const SUMMARY_ID = 'persona-issues';

type TextField = Exclude<keyof PersonaDraft, 'id' | 'createdAt'>;

export function PersonaEditor({ persona, onSaved, onCancel }: Props) {
  const [initial] = useState<PersonaDraft>(() => draftFromPersona(persona, Date.now()));
  const [draft, setDraft] = useState(initial);
  const [discarding, setDiscarding] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const { busy, error, run } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const validation = useMemo(() => validatePersona(draft, Date.now()), [draft]);
  const issues = attempted ? validation.issues : [];

  const field = (name: TextField, label: MessageKey, options: { multiline?: boolean; number?: boolean; hint?: MessageKey } = {}) => {
    const id = personaFieldId(name);
    const hintId = options.hint ? `${id}-hint` : undefined;
    const common = {
      id,
      value: draft[name],
      onInput: (e: Event) => setDraft((d) => ({ ...d, [name]: (e.currentTarget as HTMLInputElement).value })),
      ...invalidProps(id, issues, null, hintId),
    };
    return (
      <div class="field">
        <label for={id}>{t(label)}</label>
        {options.multiline ? (
          <textarea rows={3} {...common} />
        ) : options.number ? (
          <input type="number" inputMode="numeric" min={0} max={130} step={1} {...common} />
        ) : (
          <input type="text" autocomplete="off" {...common} />
        )}
        {options.hint && (
          <p id={hintId} class="hint">
            {t(options.hint)}
          </p>
        )}
        <FieldError fieldId={id} issues={issues} />
      </div>
    );
  };

  const save = (event: Event) => {
    event.preventDefault();
    setAttempted(true);
    const valid = validation.persona;
    if (!valid) return focusById(SUMMARY_ID);
    void run(async () => onSaved(await api({ type: 'ui.persona.save', persona: valid })));
  };

  const cancel = () => (JSON.stringify(draft) === JSON.stringify(initial) ? onCancel() : setDiscarding(true));

  return (
    <form class="editor" noValidate onSubmit={save} aria-labelledby="persona-editor-heading">
      <h2 id="persona-editor-heading" ref={heading} tabIndex={-1}>
        {persona ? t('optionsEditPersonaHeading', persona.name) : t('optionsNewPersonaHeading')}
      </h2>
      <section class="editor-section" aria-labelledby="persona-who-heading">
        <h3 id="persona-who-heading">{t('optionsPersonaWhoHeading')}</h3>
        <div class="persona-facts">
          {field('name', 'optionsPersonaNameLabel')}
          {field('age', 'optionsPersonaAgeLabel', { number: true })}
          {field('job', 'optionsPersonaJobLabel')}
        </div>
        {field('description', 'optionsPersonaDescriptionLabel', { multiline: true })}
      </section>
      <section class="editor-section" aria-labelledby="persona-wants-heading">
        <h3 id="persona-wants-heading">{t('optionsPersonaWantsHeading')}</h3>
        <div class="two-col">{LIST_FIELDS.map((name) => field(name, LIST_LABEL[name], { multiline: true, hint: 'optionsOnePerLine' }))}</div>
      </section>
      <EditorFooter
        summaryId={SUMMARY_ID}
        issues={issues}
        error={error}
        busy={busy}
        saveLabel={'optionsSavePersona'}
        discarding={discarding}
        discardBody={'optionsDiscardPersonaBody'}
        onCancel={cancel}
        onDiscard={onCancel}
        onKeepEditing={() => setDiscarding(false)}
      />
    </form>
  );
}
