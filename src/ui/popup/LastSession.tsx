import type { SessionSummary } from '../../core/replies';
import type { Outcome } from '../../core/records/session';
import type { Study } from '../../core/records/study';
import { formatElapsed } from '../../shared/format';
import { t, type MessageKey } from '../../shared/i18n';
import { VisitList } from './VisitList';

const OUTCOME_LABEL: Record<Outcome, MessageKey> = {
  goal_reached: 'outcomeGoalReached',
  abandoned: 'outcomeAbandoned',
  unknown: 'outcomeUnknown',
};

/** What the walk that just ended recorded, so the researcher sees it landed. */
export function LastSession({ summary, study }: { summary: SessionSummary; study: Study | null }) {
  const { session, persona, visits } = summary;
  return (
    <details class="panel" data-testid="last-session">
      <summary>
        {t('popupLastSession', persona?.name ?? t('popupNoPersona'), t(OUTCOME_LABEL[session.outcome ?? 'unknown']))}
      </summary>
      <p class="muted">
        {t('popupLastSessionFigures', formatElapsed((session.endedAt ?? session.startedAt) - session.startedAt), visits.length)}
      </p>
      <VisitList visits={visits} study={study} />
    </details>
  );
}
