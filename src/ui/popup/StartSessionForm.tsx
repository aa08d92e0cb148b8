import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NAME_MAX_CHARS } from '../../core/form-limits';
import type { Persona } from '../../core/records/persona';
import type { Role } from '../../core/records/session';
import type { Study } from '../../core/records/study';
import { api, openOptions } from '../api';
import { byName } from '../by-name';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t, type MessageKey } from '../../shared/i18n';

const ROLE_LABEL: Record<Role, MessageKey> = { researcher: 'roleResearcher', pm: 'rolePm', tester: 'roleTester' };
/** The persona choice that opens a name field: the persona is created when the session starts. */
const NEW_PERSONA = 'new';

interface Props {
  studies: Study[];
  personas: Persona[];
  /** The study whose scope holds the active tab. */
  preferredStudyId: string | null;
  /** The study and persona of the last walk, preselected when the tab is in no study's scope. */
  lastUsed: { studyId: string; personaId: string | null } | null;
  onChanged: () => Promise<void>;
}

/** `id` when it is still in the list (a study or persona may have been deleted since). */
function knownId(list: readonly { id: string }[], id: string | null | undefined): string | null {
  return id && list.some((item) => item.id === id) ? id : null;
}

/** Start a walk: which study, as whom, toward what goal. */
export function StartSessionForm({ studies, personas, preferredStudyId, lastUsed, onChanged }: Props) {
  const sortedStudies = useMemo(() => byName(studies), [studies]);
  const sortedPersonas = useMemo(() => byName(personas), [personas]);
  const [studyId, setStudyId] = useState(preferredStudyId ?? knownId(studies, lastUsed?.studyId) ?? sortedStudies[0]?.id ?? '');
  const chosen = useRef(false);
  // The page's study is known a moment after the popup opens; follow it until the person picks one.
  useEffect(() => {
    if (preferredStudyId && !chosen.current) setStudyId(preferredStudyId);
  }, [preferredStudyId]);
  const [personaId, setPersonaId] = useState(knownId(personas, lastUsed?.personaId) ?? sortedPersonas[0]?.id ?? '');
  const [personaName, setPersonaName] = useState('');
  const [goal, setGoal] = useState('');
  const [role, setRole] = useState<Role>('researcher');
  const { busy, error, run } = useAction();

  if (!studies.length) {
    return (
      <>
        <p class="muted">{t('popupNoStudies')}</p>
        <button type="button" class="primary" onClick={() => void openOptions()}>
          {t('popupCreateStudy')}
        </button>
      </>
    );
  }

  const start = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      let persona = personaId || null;
      if (persona === NEW_PERSONA) {
        persona = await createPersona(personaName);
        // Chosen from now on: a start that fails after this must not create the persona twice.
        setPersonaId(persona);
      }
      await api({ type: 'ui.session.start', studyId, personaId: persona, goal: goal.trim(), role });
      await onChanged();
    });
  };

  return (
    <form onSubmit={start}>
      <label for="session-study">{t('popupStudyLabel')}</label>
      <select
        id="session-study"
        value={studyId}
        onChange={(e) => {
          chosen.current = true;
          setStudyId(e.currentTarget.value);
        }}
      >
        {sortedStudies.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label for="session-persona">{t('popupPersonaLabel')}</label>
      <select id="session-persona" value={personaId} onChange={(e) => setPersonaId(e.currentTarget.value)}>
        {sortedPersonas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value={NEW_PERSONA}>{t('popupNewPersona')}</option>
        <option value="">{t('popupNoPersona')}</option>
      </select>
      {personaId === NEW_PERSONA && (
        <>
          <label for="session-persona-name">{t('popupNewPersonaName')}</label>
          <input
            id="session-persona-name"
            type="text"
            autocomplete="off"
            value={personaName}
            maxLength={NAME_MAX_CHARS}
            aria-describedby="session-persona-hint"
            onInput={(e) => setPersonaName(e.currentTarget.value)}
          />
          <p id="session-persona-hint" class="hint">
            {t('popupNewPersonaHint')}
          </p>
        </>
      )}
      <label for="session-goal">{t('popupGoalLabel')}</label>
      <input id="session-goal" type="text" value={goal} placeholder={t('popupGoalPlaceholder')} onInput={(e) => setGoal(e.currentTarget.value)} />
      <label for="session-role">{t('popupRoleLabel')}</label>
      <select id="session-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
        {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
          <option key={r} value={r}>
            {t(ROLE_LABEL[r])}
          </option>
        ))}
      </select>
      <ErrorText message={error} />
      <div class="session-actions">
        <button type="submit" class="primary" disabled={busy || !studyId}>
          {t('popupStart')}
        </button>
      </div>
    </form>
  );
}

/**
 * A persona with just a name, stored by the background as the options page stores one; details can follow there.
 * The background checks it against the schema (and fills the rest in): the popup loads no zod, which it would
 * evaluate before its first render (PRODUCT.md §8).
 */
async function createPersona(name: string): Promise<string> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > NAME_MAX_CHARS) throw new Error(t('popupNewPersonaNameMissing'));
  const now = Date.now();
  const persona = { id: crypto.randomUUID(), name: trimmed, age: null, job: '', description: '', goals: [], needs: [], painPoints: [], values: [], createdAt: now, updatedAt: now } satisfies Persona;
  return (await api({ type: 'ui.persona.save', persona })).id;
}
