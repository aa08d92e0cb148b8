import { useEffect, useState } from 'preact/hooks';
import type { SessionSummary, SignalCounts } from '../../core/replies';
import type { Outcome } from '../../core/records/session';
import type { Study } from '../../core/records/study';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { formatElapsed } from '../format';
import { t } from '../i18n';
import { FrictionSummary } from './FrictionSummary';
import { VisitList } from './VisitList';

interface Props {
  summary: SessionSummary;
  study: Study | null;
  /** Signals of the visit on the page under the popup. */
  visitSignals: SignalCounts;
  onChanged: () => Promise<void>;
}

/** The walk in progress: who, toward what, how long, where it has been; and the two ways to end it. */
export function RunningSession({ summary, study, visitSignals, onChanged }: Props) {
  const { session, persona, visits } = summary;
  const [now, setNow] = useState(Date.now());
  const { busy, error, run } = useAction();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const stop = (outcome: Outcome) =>
    run(async () => {
      await api({ type: 'ui.session.stop', outcome });
      await onChanged();
    });

  return (
    <>
      <p>
        {t('popupRecordingAs', persona?.name ?? t('popupNoPersona'), summary.studyName)}
      </p>
      {session.goal && <p class="muted">{t('popupGoalShown', session.goal)}</p>}
      <div class="stats">
        <div>
          <div class="stat" data-testid="session-elapsed" aria-label={t('popupElapsed')}>
            {formatElapsed(now - session.startedAt)}
          </div>
          <div class="muted">{t('popupElapsed')}</div>
        </div>
        <div>
          <div class="stat" data-testid="session-visit-count">
            {visits.length}
          </div>
          <div class="muted">{t('popupVisits')}</div>
        </div>
      </div>
      <h3>{t('popupFriction')}</h3>
      <FrictionSummary session={summary.signalCounts} visit={visitSignals} latest={summary.latestSignals} now={now} />
      <h3>{t('popupVisitList')}</h3>
      {visits.length > 0 && <VisitList visits={visits} study={study} />}
      <ErrorText message={error} />
      <div class="stop">
        <button type="button" class="primary" disabled={busy} onClick={() => void stop('goal_reached')}>
          {t('popupStopGoalReached')}
        </button>
        <button type="button" disabled={busy} onClick={() => void stop('abandoned')}>
          {t('popupStopAbandoned')}
        </button>
      </div>
    </>
  );
}
