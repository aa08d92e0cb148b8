import type { TouchpointHealth } from '../../core/health/touchpoint-health';
import { HealthParts } from '../dashboard/HealthParts';
import { t, tCount } from '../../shared/i18n';

/** This touchpoint's health (0–100) over the study so far, with what it is made of; a thin sample says so. */
export function TouchpointHealthView({ health }: { health: TouchpointHealth }) {
  return (
    <details class="touchpoint-health" data-testid="touchpoint-health">
      <summary>
        {t('popupHealthLabel')} <strong>{health.score ?? '–'}</strong>
        {health.lowConfidence && <span class="badge">{tCount('popupHealthLowConfidence', health.visits, health.visits)}</span>}
      </summary>
      <HealthParts parts={health.parts} />
    </details>
  );
}
