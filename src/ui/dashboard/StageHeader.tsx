import type { MapColumn } from '../../core/journey-map/map-view';
import { t } from '../../shared/i18n';
import { HealthMark } from './HealthMark';
import { HealthParts } from './HealthParts';
import { columnName, REASON_LABEL } from './labels';

export { columnName } from './labels';

interface Props {
  /** Its place in the journey, from 1; none for the Untagged column. */
  step: number | null;
  /** The same column of each side: one when the map stands alone, two when comparing. */
  sides: ReadonlyArray<{ name: string | null; column: MapColumn }>;
}

/**
 * A column's head: the stage as a step of the journey (a numbered arrow, as journey maps draw phases), each side's
 * health as a band of colour with its score in words and what it is made of ("Why?"), and the customer's goal and
 * desired experience in small text. The Untagged column says what it holds instead.
 */
export function StageHeader({ step, sides }: Props) {
  const { column } = sides[0]!;
  const { stage } = column;
  const span = sides.length;
  return (
    <th
      scope={span > 1 ? 'colgroup' : 'col'}
      colSpan={span > 1 ? span : undefined}
      class={`stage-head${column.untagged ? ' untagged' : ''}`}
      data-testid={column.untagged ? 'map-untagged-column' : 'map-stage-column'}
    >
      <span class="stage-name">
        {step !== null && <span class="stage-step">{step}</span>}
        {columnName(column)}
      </span>
      {sides.map(({ name, column: side }, s) => (
        <span key={s} class="stage-side" data-testid="stage-health">
          <span class={`stage-health band-${side.health.band}`} title={side.health.reason ? t(REASON_LABEL[side.health.reason]) : undefined}>
            {name && <span class="side-label">{name.split(':')[0]} </span>}
            <span class="stage-health-word">{t('dashboardHealth')}</span> <HealthMark score={side.health.score} band={side.health.band} lowConfidence={side.health.lowConfidence} />
          </span>
          {side.health.score !== null && (
            <details class="stage-why">
              <summary>{t('dashboardWhy')}</summary>
              <HealthParts parts={side.health.parts} />
            </details>
          )}
        </span>
      ))}
      {column.untagged && <span class="stage-note">{t('dashboardUntaggedIntro')}</span>}
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
