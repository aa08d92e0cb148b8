import { BAND_FAIR, BAND_GOOD } from '../../core/journey-map/health-band';
import { CHANNEL_ICON } from '../../core/journey-map/map-icons';
import { t } from '../../shared/i18n';
import { LineIcon } from './LineIcon';
import { SeverityMark } from './SeverityMark';

/**
 * What the map's marks mean, said once under it: the health bands (colour and pattern, with their words on every
 * card), the low-confidence ring, the severity bars of pain points and the web-page icon.
 */
export function HealthLegend() {
  return (
    <ul class="plain health-legend" aria-label={t('dashboardLegendLabel')}>
      <li>
        <span class="swatch band-good" aria-hidden="true" /> {t('dashboardBandGood')}: {t('dashboardLegendGood', BAND_GOOD)}
      </li>
      <li>
        <span class="swatch band-fair" aria-hidden="true" /> {t('dashboardBandFair')}: {t('dashboardLegendFair', BAND_FAIR, BAND_GOOD - 1)}
      </li>
      <li>
        <span class="swatch band-poor" aria-hidden="true" /> {t('dashboardBandPoor')}: {t('dashboardLegendPoor', BAND_FAIR)}
      </li>
      <li>
        <span class="swatch band-none" aria-hidden="true" /> {t('dashboardNotMeasured')}
      </li>
      <li>
        <span class="confidence-mark" aria-hidden="true" /> {t('dashboardLegendLow')}
      </li>
      <li>
        <SeverityMark severity="high" spoken={false} /> {t('dashboardLegendSeverity')}
      </li>
      <li>
        <LineIcon d={CHANNEL_ICON.web} /> {t('dashboardChannelWeb')}
      </li>
      <li>
        <a href="/docs/health.txt" target="_blank" rel="noopener">
          {t('dashboardHealthDocsLink')}
        </a>
      </li>
    </ul>
  );
}
