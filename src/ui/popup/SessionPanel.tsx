import type { SignalCounts, UiReplies } from '../../core/replies';
import { t } from '../../shared/i18n';
import { LastSession } from './LastSession';
import { RunningSession } from './RunningSession';
import { StartSessionForm } from './StartSessionForm';

interface Props {
  overview: UiReplies['ui.overview'];
  currentStudyId: string | null;
  visitSignals: SignalCounts;
  tabId: number | null;
  live: boolean;
  onChanged: () => Promise<void>;
}

export function SessionPanel({ overview, currentStudyId, visitSignals, tabId, live, onChanged }: Props) {
  const { active, last, studies, personas } = overview;
  const studyOf = (id: string) => studies.find((s) => s.id === id) ?? null;
  return (
    <>
      <section aria-labelledby="session-heading" class="panel">
        <h2 id="session-heading">{active ? t('popupSessionRunning') : t('popupSessionStart')}</h2>
        {active ? (
          <RunningSession summary={active} study={studyOf(active.session.studyId)} visitSignals={visitSignals} tabId={tabId} live={live} onChanged={onChanged} />
        ) : (
          <StartSessionForm
            studies={studies}
            personas={personas}
            preferredStudyId={currentStudyId}
            lastUsed={last && { studyId: last.session.studyId, personaId: last.session.personaId }}
            onChanged={onChanged}
          />
        )}
      </section>
      {!active && last && <LastSession summary={last} study={studyOf(last.session.studyId)} />}
    </>
  );
}
