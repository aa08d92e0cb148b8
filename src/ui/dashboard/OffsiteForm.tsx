import { useState } from 'preact/hooks';
import { NAME_MAX_CHARS } from '../../core/form-limits';
import type { Channel, OffsiteTouchpoint } from '../../core/records/offsite';
import type { Persona } from '../../core/records/persona';
import type { Session } from '../../core/records/session';
import type { Study } from '../../core/records/study';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { CHANNEL_LABEL } from './labels';
import { SessionSelect } from './SessionSelect';

interface Props {
  study: Study;
  /** Who can have met it, and in which walk: the maps it belongs to follow from these. */
  personas: readonly Persona[];
  sessions: readonly Session[];
  onSaved: (touchpoint: OffsiteTouchpoint) => void;
}

/** A date field's value (local calendar day) as epoch ms at local noon, or null when empty. */
function dayOf(value: string): number | null {
  const [y, m, d] = value.split('-').map(Number);
  return y && m && d ? new Date(y, m - 1, d, 12).getTime() : null;
}

/** Logs a touchpoint that happens away from the site (an ad, an email, a call) into a stage of the journey. */
export function OffsiteForm({ study, personas, sessions, onSaved }: Props) {
  const [channel, setChannel] = useState<Channel>('ad');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [stageId, setStageId] = useState(study.stages[0]?.id ?? '');
  const [personaId, setPersonaId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [day, setDay] = useState('');
  const [nameError, setNameError] = useState(false);
  const session = sessions.find((s) => s.id === sessionId) ?? null;
  const saving = useAction();
  const stage = study.stages.some((s) => s.id === stageId) ? stageId : (study.stages[0]?.id ?? '');

  const submit = async (event: Event) => {
    event.preventDefault();
    // The schema (and zod) loads when first used: the map this form is under draws without it.
    const [{ OffsiteTouchpoint }, { newId }] = await Promise.all([import('../../core/records/offsite'), import('../../core/records/common')]);
    // A session names its persona; otherwise the persona picked, if any.
    const touchpoint = OffsiteTouchpoint.safeParse({
      id: newId(),
      studyId: study.id,
      stageId: stage,
      channel,
      name,
      note,
      personaId: session ? session.personaId : personaId || null,
      sessionId: session?.id ?? null,
      at: dayOf(day) ?? session?.startedAt ?? null,
      createdAt: Date.now(),
    });
    if (!touchpoint.success) {
      setNameError(true);
      document.getElementById('offsite-name')?.focus();
      return;
    }
    void saving.run(async () => {
      const saved = await api({ type: 'ui.offsite.save', touchpoint: touchpoint.data });
      setName('');
      setNote('');
      setDay('');
      setNameError(false);
      onSaved(saved);
    });
  };

  return (
    <form class="offsite-form" onSubmit={submit} noValidate>
      <div class="offsite-grid">
        <div class="field">
          <label for="offsite-channel">{t('dashboardOffsiteChannel')}</label>
          <select id="offsite-channel" value={channel} onChange={(event) => setChannel(event.currentTarget.value as Channel)}>
            {(Object.keys(CHANNEL_LABEL) as Channel[]).map((c) => (
              <option key={c} value={c}>
                {t(CHANNEL_LABEL[c])}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="offsite-name">{t('dashboardOffsiteName')}</label>
          <input
            id="offsite-name"
            type="text"
            value={name}
            maxLength={NAME_MAX_CHARS}
            placeholder={t('dashboardOffsiteNamePlaceholder')}
            aria-invalid={nameError}
            aria-describedby={nameError ? 'offsite-name-error' : undefined}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          {nameError && (
            <p class="field-error error" id="offsite-name-error">
              {t('dashboardOffsiteNameError')}
            </p>
          )}
        </div>
        <div class="field">
          <label for="offsite-stage">{t('dashboardStage')}</label>
          <select id="offsite-stage" value={stage} onChange={(event) => setStageId(event.currentTarget.value)}>
            {study.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="offsite-persona">{t('dashboardOffsitePersona')}</label>
          <select id="offsite-persona" value={session ? (session.personaId ?? '') : personaId} disabled={session !== null} onChange={(event) => setPersonaId(event.currentTarget.value)}>
            <option value="">{t('dashboardOffsiteAnyPersona')}</option>
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field session-choice">
          <label for="offsite-session">{t('dashboardOffsiteSession')}</label>
          <SessionSelect id="offsite-session" value={sessionId} noneLabel={t('dashboardOffsiteNoSession')} sessions={sessions} personas={personas} onChange={setSessionId} />
        </div>
        <div class="field">
          <label for="offsite-date">{t('dashboardOffsiteDate')}</label>
          <input id="offsite-date" type="date" value={day} onInput={(event) => setDay(event.currentTarget.value)} />
        </div>
      </div>
      <div class="field">
        <label for="offsite-note">{t('dashboardOffsiteNote')}</label>
        <textarea id="offsite-note" value={note} maxLength={10_000} rows={2} onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      <ErrorText message={saving.error} />
      <div class="actions start">
        <button type="submit" class="primary" disabled={saving.busy}>
          {t('dashboardOffsiteAdd')}
        </button>
      </div>
    </form>
  );
}
