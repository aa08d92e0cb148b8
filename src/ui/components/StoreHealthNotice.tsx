import type { StoreHealth } from '../../core/records/store-health';
import { formatDateTime } from '../../shared/format';
import { t, tCount } from '../../shared/i18n';

/** Says that nothing is being saved, why, what waits, and what the person can do; nothing when all is well. */
export function StoreHealthNotice({ health }: { health: StoreHealth | null }) {
  if (!health) return null;
  const full = health.kind === 'quota';
  const waiting = Object.values(health.waiting).reduce((sum, n) => sum + n, 0);
  return (
    <section class="store-health" role="alert" data-testid="store-health" data-kind={health.kind}>
      <h2>{t(full ? 'storeHealthQuotaTitle' : 'storeHealthOtherTitle')}</h2>
      {waiting > 0 && <p data-testid="store-health-waiting">{tCount('storeHealthWaiting', waiting, waiting)}</p>}
      <p>{t(full ? 'storeHealthQuotaAdvice' : 'storeHealthOtherAdvice')}</p>
      <p class="muted">{t('storeHealthSince', formatDateTime(health.firstAt), health.failures)}</p>
    </section>
  );
}
