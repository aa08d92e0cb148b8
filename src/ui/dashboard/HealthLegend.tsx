import { BAND_FAIR, BAND_GOOD } from '../../core/journey-map/health-band';
import { t } from '../../shared/i18n';

/** What the chip colours and borders mean, in words next to each swatch. */
export function HealthLegend() {
  return (
    <ul class="plain health-legend" aria-label={t('dashboardLegendLabel')}>
      <li>
        <span class="swatch band-good" aria-hidden="true" /> {t('dashboardLegendGood', BAND_GOOD)}
      </li>
      <li>
        <span class="swatch band-fair" aria-hidden="true" /> {t('dashboardLegendFair', BAND_FAIR, BAND_GOOD - 1)}
      </li>
      <li>
        <span class="swatch band-poor" aria-hidden="true" /> {t('dashboardLegendPoor', BAND_FAIR)}
      </li>
      <li>
        <span class="swatch band-fair low" aria-hidden="true" /> {t('dashboardLegendLow')}
      </li>
      <li>
        <span class="swatch band-none" aria-hidden="true" /> {t('dashboardNotMeasured')}
      </li>
      <li>
        <a href="/docs/health.txt" target="_blank" rel="noopener">
          {t('dashboardHealthDocsLink')}
        </a>
      </li>
    </ul>
  );
}
