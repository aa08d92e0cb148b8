import type { StudySettings } from '../records/settings';
import type { Visit } from '../records/visit';

/**
 * Quick back (Clarity; GA4 counts 10 s as engaged): the visitor went from `previous` to `current` and came back to
 * `previous` — by the back button, or to the very same page by a link — after less than `quickBackMs` on `current`.
 *
 * The same page means the same URL, not only the same page key: article A → About → article B shares a key
 * (`/journal/:slug`) with no return in it.
 */
export function isQuickBack(
  previous: Pick<Visit, 'url'>,
  current: Pick<Visit, 'url' | 'enteredAt'>,
  next: Pick<Visit, 'url' | 'arrival' | 'enteredAt'>,
  settings: Pick<StudySettings, 'quickBackMs'>,
): boolean {
  const returned = next.arrival === 'back_forward' || (next.url === previous.url && current.url !== previous.url);
  return returned && next.enteredAt - current.enteredAt < settings.quickBackMs;
}
