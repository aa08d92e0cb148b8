import type { MapColumn } from '../../core/journey-map/map-view';
import { t } from '../../shared/i18n';
import { healthText } from './health-text';

/** A stage's column head: its name, its health, and the customer's goal and desired experience in small text. */
export function StageHeader({ column, span }: { column: MapColumn; span: number }) {
  const { stage, health } = column;
  return (
    <th scope={span > 1 ? 'colgroup' : 'col'} colSpan={span > 1 ? span : undefined} class="stage-head" data-testid="map-stage-column">
      <span class="stage-name">{stage.name}</span>
      <span class={`stage-health band-${health.band}${health.lowConfidence && health.score !== null ? ' low' : ''}`}>{healthText(health.score, health.lowConfidence)}</span>
      {stage.customerGoal.trim() && (
        <span class="stage-note">
          <span class="stage-note-label">{t('dashboardStageGoal')}:</span> {stage.customerGoal}
        </span>
      )}
      {stage.desiredExperience.trim() && (
        <span class="stage-note">
          <span class="stage-note-label">{t('dashboardStageDesired')}:</span> {stage.desiredExperience}
        </span>
      )}
    </th>
  );
}
