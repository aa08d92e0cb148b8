import { useEffect, useState } from 'preact/hooks';
import type { PromptSpec } from '../../core/messages';
import type { SessionSummary, SignalCounts } from '../../core/replies';
import { SurveyCard } from '../../shared/SurveyCard';
import '../../shared/survey-card.css';
import type { Outcome } from '../../core/records/session';
import type { Study } from '../../core/records/study';
import { api } from '../api';

type EndAnswer = { surveyId: string; value: number | null; text: string | null; dismissed: boolean };
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { formatElapsed } from '../../shared/format';
import { t } from '../../shared/i18n';
import { FrictionSummary } from './FrictionSummary';
import { NextPrompt } from './NextPrompt';
import { SkippedSurvey } from './SkippedSurvey';
import { VisitList } from './VisitList';

interface Props {
  summary: SessionSummary;
  study: Study | null;
  /** Signals of the visit on the page under the popup. */
  visitSignals: SignalCounts;
  tabId: number | null;
  /** In the side panel: "show me" on signals. */
  live: boolean;
  onChanged: () => Promise<void>;
}

/** The walk in progress: who, toward what, how long, where it has been; and the two ways to end it. */
export function RunningSession({ summary, study, visitSignals, tabId, live, onChanged }: Props) {
  const { session, persona, visits } = summary;
  const [now, setNow] = useState(Date.now());
  const { busy, error, run } = useAction();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const [ending, setEnding] = useState<{ outcome: Outcome; prompt: PromptSpec } | null>(null);
  const [askNote, setAskNote] = useState<string | null>(null);
  const finish = (outcome: Outcome, answer: EndAnswer | null) =>
    run(async () => {
      setEnding(null);
      await api({ type: 'ui.session.stop', outcome, answer, ...(tabId === null ? {} : { tabId }) });
      await onChanged();
    });
  // The end-of-session survey (if the study has one) is asked here, before the session stops.
  const stop = (outcome: Outcome) =>
    run(async () => {
      const prompt = await api({ type: 'ui.session.endPrompt', ...(tabId === null ? {} : { tabId }) });
      if (prompt) setEnding({ outcome, prompt });
      else await finish(outcome, null);
    });
  const askNow = () =>
    run(async () => {
      if (tabId === null) return;
      const { shown } = await api({ type: 'ui.survey.ask', tabId });
      setAskNote(shown ? null : t('popupAskNowUnavailable'));
    });

  if (ending) {
    return (
      <SurveyCard
        prompt={ending.prompt}
        onDone={(answer) =>
          void finish(ending.outcome, { surveyId: ending.prompt.surveyId, value: answer?.value ?? null, text: answer?.text ?? null, dismissed: answer === null })
        }
      />
    );
  }

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
      <FrictionSummary
        session={summary.signalCounts}
        visit={visitSignals}
        latest={summary.latestSignals}
        now={now}
        showMe={live && tabId !== null ? async (signal) => (await api({ type: 'ui.signal.show', tabId, signalId: signal.id })).shown : undefined}
      />
      <NextPrompt at={summary.nextPromptAt} now={now} />
      <SkippedSurvey skips={summary.promptSkips} />
      <h3>{t('popupVisitList')}</h3>
      {visits.length > 0 && <VisitList visits={visits} study={study} />}
      <ErrorText message={error} />
      {askNote && <p class="muted">{askNote}</p>}
      <div class="stop">
        <button type="button" disabled={busy} onClick={() => void askNow()}>
          {t('popupAskNow')}
        </button>
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
