import { useEffect, useRef, useState } from 'preact/hooks';
import type { Persona } from '../../core/records/persona';
import type { Role } from '../../core/records/session';
import type { Study } from '../../core/records/study';
import { api, openOptions } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t, type MessageKey } from '../../shared/i18n';

const ROLE_LABEL: Record<Role, MessageKey> = { researcher: 'roleResearcher', pm: 'rolePm', tester: 'roleTester' };

interface Props {
  studies: Study[];
  personas: Persona[];
  preferredStudyId: string | null;
  onChanged: () => Promise<void>;
}

/** Start a walk: which study, as whom, toward what goal. */
export function StartSessionForm({ studies, personas, preferredStudyId, onChanged }: Props) {
  const [studyId, setStudyId] = useState(preferredStudyId ?? studies[0]?.id ?? '');
  const chosen = useRef(false);
  // The page's study is known a moment after the popup opens; follow it until the person picks one.
  useEffect(() => {
    if (preferredStudyId && !chosen.current) setStudyId(preferredStudyId);
  }, [preferredStudyId]);
  const [personaId, setPersonaId] = useState(personas[0]?.id ?? '');
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
      await api({ type: 'ui.session.start', studyId, personaId: personaId || null, goal: goal.trim(), role });
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
        {studies.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label for="session-persona">{t('popupPersonaLabel')}</label>
      <select id="session-persona" value={personaId} onChange={(e) => setPersonaId(e.currentTarget.value)}>
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value="">{t('popupNoPersona')}</option>
      </select>
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
      <button type="submit" class="primary" disabled={busy || !studyId}>
        {t('popupStart')}
      </button>
    </form>
  );
}
