import type { StudySettings } from '../records/settings';
import type { Visit } from '../records/visit';

/**
 * Quick back (Clarity; GA4 counts 10 s as engaged): the visitor went from `previous` to `current` and returned to
 * `previous` (back button, or the same page key again) after less than `quickBackMs` on `current`.
 *
 * When `previous` and `current` share a page key (product to product), a same-key `next` proves no return — it may
 * be a third product — so only the back button counts then.
 */
export function isQuickBack(
  previous: Pick<Visit, 'pageKey'>,
  current: Pick<Visit, 'pageKey' | 'enteredAt'>,
  next: Pick<Visit, 'pageKey' | 'arrival' | 'enteredAt'>,
  settings: Pick<StudySettings, 'quickBackMs'>,
): boolean {
  const sameKeyReturn = next.pageKey === previous.pageKey && current.pageKey !== previous.pageKey;
  const returned = next.arrival === 'back_forward' || sameKeyReturn;
  return returned && next.enteredAt - current.enteredAt < settings.quickBackMs;
}
