import type { MapView } from '../../core/journey-map/map-view';
import { t } from '../../shared/i18n';
import type { EvidenceRequest } from './evidence-request';
import { HealthLegend } from './HealthLegend';
import { JourneyMap, type JourneyMapProps } from './JourneyMap';
import { MapSummary } from './MapSummary';

interface Props {
  a: { name: string; view: MapView | null };
  b: { name: string; view: MapView | null };
  busy: boolean;
  onEvidence: (request: EvidenceRequest) => void;
  stages: JourneyMapProps['stages'];
  onTag: JourneyMapProps['onTag'];
}

/**
 * Two maps of one study side by side: the same stages line up, and inside each stage side A sits left of side B,
 * so a change reads across a few centimetres instead of two screens.
 */
export function CompareView({ a, b, busy, onEvidence, stages, onTag }: Props) {
  if (!a.view || !b.view) return <p class="muted">{t('optionsLoading')}</p>;
  const sides = [
    { name: a.name, view: a.view },
    { name: b.name, view: b.view },
  ];
  return (
    <div class="compare-view">
      <MapSummary sides={sides} />
      <JourneyMap sides={sides} busy={busy} onEvidence={onEvidence} stages={stages} onTag={onTag} />
      <HealthLegend />
    </div>
  );
}
