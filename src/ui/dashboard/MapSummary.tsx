import type { ComponentChildren } from 'preact';
import { formatShare } from '../../core/journey-map/format';
import type { MapView } from '../../core/journey-map/map-view';
import { t, tCount } from '../../shared/i18n';

export interface SummarySide {
  name: string | null;
  view: MapView;
}

function Stat({ label, testId, children }: { label: string; testId?: string; children: ComponentChildren }) {
  return (
    <div class="stat" data-testid={testId}>
      <dt>{label}</dt>
      {children}
    </div>
  );
}

function SideTag({ name }: { name: string | null }) {
  return name ? <span class="side-tag">{name}</span> : null;
}

/** The four figures a reader looks at first: journey score, happiness, goal completion, sessions. */
export function MapSummary({ sides }: { sides: readonly SummarySide[] }) {
  return (
    <dl class="map-summary">
      <Stat label={t('dashboardJourneyScore')} testId="journey-score">
        {sides.map(({ name, view }) => (
          <dd key={name ?? 'map'} class={`band-${view.band}`}>
            <SideTag name={name} />
            <span class="figure">{view.score ?? t('dashboardNoData')}</span>
            {view.score !== null && <span class="unit">/100</span>}{' '}
            {view.score === null ? (
              <span class="detail">{t('dashboardNotMeasuredYet')}</span>
            ) : (
              view.lowConfidence && <span class="badge low-confidence">{t('dashboardLowConfidenceBadge')}</span>
            )}
          </dd>
        ))}
      </Stat>
      <Stat label={t('dashboardHappiness')}>
        {sides.map(({ name, view: { happiness } }) => (
          <dd key={name ?? 'map'}>
            <SideTag name={name} />
            <span class="figure">{happiness.share === null ? t('dashboardNoData') : formatShare(happiness.share)}</span>{' '}
            <span class="detail">
              {happiness.share === null ? t('dashboardNoEmotion') : t('dashboardHappinessDetail', happiness.positiveStages, happiness.stagesWithEmotion)}
            </span>
          </dd>
        ))}
      </Stat>
      <Stat label={t('dashboardGoalCompletion')}>
        {sides.map(({ name, view: { goalCompletion } }) => (
          <dd key={name ?? 'map'}>
            <SideTag name={name} />
            <span class="figure">{goalCompletion.rate === null ? t('dashboardNoData') : formatShare(goalCompletion.rate)}</span>{' '}
            <span class="detail">
              {goalCompletion.rate === null ? t('dashboardNoEndedSessions') : t('dashboardGoalDetail', goalCompletion.reached, goalCompletion.ended)}
            </span>
          </dd>
        ))}
      </Stat>
      <Stat label={t('dashboardSessions')}>
        {sides.map(({ name, view }) => (
          <dd key={name ?? 'map'}>
            <SideTag name={name} />
            <span class="figure">{view.sessions}</span> <span class="detail">{tCount('dashboardVisitsCount', view.visits, view.visits)}</span>
          </dd>
        ))}
      </Stat>
    </dl>
  );
}
