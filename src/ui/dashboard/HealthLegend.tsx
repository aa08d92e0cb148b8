import { CHANNEL_ICON } from '../../core/journey-map/map-icons';
import { t } from '../../shared/i18n';
import { legendWords } from './labels';
import { LineIcon } from './LineIcon';
import { SeverityMark } from './SeverityMark';

/**
 * What the map's marks mean, said once under it: the health bands (colour and pattern, with their words on every
 * card), the low-confidence ring, the severity bars of pain points and the web-page icon.
 */
export function HealthLegend() {
  const words = legendWords();
  return (
    <ul class="plain health-legend" aria-label={t('dashboardLegendLabel')}>
      <li>
        <span class="swatch band-good" aria-hidden="true" /> {words.good}
      </li>
      <li>
        <span class="swatch band-fair" aria-hidden="true" /> {words.fair}
      </li>
      <li>
        <span class="swatch band-poor" aria-hidden="true" /> {words.poor}
      </li>
      <li>
        <span class="swatch band-none" aria-hidden="true" /> {t('dashboardNotMeasured')}
      </li>
      <li>
        <span class="confidence-mark" aria-hidden="true" /> {words.lowConfidence}
      </li>
      <li>
        <SeverityMark severity="high" spoken={false} /> {words.severity}
      </li>
      <li>
        <LineIcon d={CHANNEL_ICON.web} /> {words.web}
      </li>
      <li>
        <a href="/docs/health.txt" target="_blank" rel="noopener">
          {t('dashboardHealthDocsLink')}
        </a>
      </li>
    </ul>
  );
}
