import { t } from '../../shared/i18n';

/** "Health 64 · low confidence", or why there is no score: the words that go with the colour. */
export function healthText(score: number | null, lowConfidence: boolean): string {
  if (score === null) return t('dashboardNotMeasured');
  return lowConfidence ? t('dashboardHealthLow', score) : t('dashboardHealthScore', score);
}
