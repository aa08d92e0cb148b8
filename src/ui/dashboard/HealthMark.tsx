import type { HealthBand } from '../../core/journey-map/health-band';
import { t } from '../../shared/i18n';
import { BAND_LABEL } from './labels';

interface Props {
  score: number | null;
  band: HealthBand;
  lowConfidence: boolean;
}

/**
 * A health score as the map writes it: the number and its band in words ("47 Poor"), so the colour is never the
 * only cue; low confidence is a quiet dotted ring, which the legend under the map explains once (screen readers
 * hear the words on every card).
 */
export function HealthMark({ score, band, lowConfidence }: Props) {
  if (score === null) return <span class="health-mark">{t('dashboardNotMeasured')}</span>;
  return (
    <span class="health-mark">
      <span class="health-score">{score}</span> <span class="health-band">{t(BAND_LABEL[band])}</span>
      {lowConfidence && (
        <span class="confidence-mark" data-testid="low-confidence">
          <span class="visually-hidden">{`, ${t('dashboardLowConfidence')}`}</span>
        </span>
      )}
    </span>
  );
}
