import { useState } from 'preact/hooks';
import { newId } from '../../core/records/common';
import { Channel, OffsiteTouchpoint } from '../../core/records/offsite';
import type { Study } from '../../core/records/study';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { CHANNEL_LABEL } from './labels';

interface Props {
  study: Study;
  onSaved: (touchpoint: OffsiteTouchpoint) => void;
}

/** Logs a touchpoint that happens away from the site (an ad, an email, a call) into a stage of the journey. */
export function OffsiteForm({ study, onSaved }: Props) {
  const [channel, setChannel] = useState<Channel>('ad');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [stageId, setStageId] = useState(study.stages[0]?.id ?? '');
  const [nameError, setNameError] = useState(false);
  const saving = useAction();
  const stage = study.stages.some((s) => s.id === stageId) ? stageId : (study.stages[0]?.id ?? '');

  const submit = (event: Event) => {
    event.preventDefault();
    const touchpoint = OffsiteTouchpoint.safeParse({ id: newId(), studyId: study.id, stageId: stage, channel, name, note, createdAt: Date.now() });
    if (!touchpoint.success) {
      setNameError(true);
      document.getElementById('offsite-name')?.focus();
      return;
    }
    void saving.run(async () => {
      const saved = await api({ type: 'ui.offsite.save', touchpoint: touchpoint.data });
      setName('');
      setNote('');
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
            {Channel.options.map((c) => (
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
            maxLength={120}
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
