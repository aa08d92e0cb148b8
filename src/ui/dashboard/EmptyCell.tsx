import { t } from '../../shared/i18n';

/** A cell with nothing in it: a quiet dash, and words for screen readers. */
export function EmptyCell() {
  return (
    <span class="empty">
      <span aria-hidden="true">{t('dashboardNoData')}</span>
      <span class="visually-hidden">{t('dashboardNothingRecorded')}</span>
    </span>
  );
}
