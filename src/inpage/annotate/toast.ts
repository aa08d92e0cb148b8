import { t } from '../../shared/i18n';
import { createShadowHost } from '../shadow-host';
import css from './annotate.css?inline';

const SHOWN_MS = 3000;
/** The toasts on screen, so a screenshot can be taken without them. */
const shown = new Set<{ remove: () => void }>();

/** Takes every toast off the page at once: our UI is never in a report's screenshot. */
export function clearToasts(): void {
  for (const host of shown) host.remove();
  shown.clear();
}

/**
 * A short message at the bottom of the viewport that goes by itself. It is a live region, filled a moment after
 * it is added so screen readers announce it; `alert` for failures, which stay a little longer.
 */
export function showToast(message: string, kind: 'status' | 'alert' = 'status'): void {
  const host = createShadowHost('journey-lens-toast', css);
  host.place({ bottom: '16px', right: '16px' });
  const toast = document.createElement('p');
  toast.className = kind === 'alert' ? 'toast alert' : 'toast';
  toast.setAttribute('role', kind);
  host.root.append(toast);
  shown.add(host);
  setTimeout(() => void (toast.textContent = message), 50);
  setTimeout(() => (shown.delete(host), host.remove()), kind === 'alert' ? SHOWN_MS * 2 : SHOWN_MS);
}

/** The report is stored: said briefly, and whether the screenshot could be taken. */
export function feedbackSaved(withScreenshot: boolean): void {
  showToast(withScreenshot ? t('annotateFeedbackSaved') : t('annotateFeedbackSavedNoShot'));
}
