import type { UiReplies } from '../../core/replies';
import { t } from '../i18n';
import { RunningSession } from './RunningSession';
import { StartSessionForm } from './StartSessionForm';

interface Props {
  overview: UiReplies['ui.overview'];
  currentStudyId: string | null;
  onChanged: () => Promise<void>;
}

export function SessionPanel({ overview, currentStudyId, onChanged }: Props) {
  const { active, studies, personas } = overview;
  return (
    <section aria-labelledby="session-heading" class="panel">
      <h2 id="session-heading">{active ? t('popupSessionRunning') : t('popupSessionStart')}</h2>
      {active ? (
        <RunningSession summary={active} study={studies.find((s) => s.id === active.session.studyId) ?? null} onChanged={onChanged} />
      ) : (
        <StartSessionForm studies={studies} personas={personas} preferredStudyId={currentStudyId} onChanged={onChanged} />
      )}
    </section>
  );
}
