import type { ClickTarget, DetectorFactory, SignalDraft } from './observation';

/** A page in an error loop could flood the store; past this many per page the rest say nothing new. */
const MAX_ERRORS_PER_PAGE = 20;
/** The signal schema's limit for a text detail. */
const MAX_TEXT = 500;

/**
 * Every uncaught error or unhandled rejection of the page is an `error`. One that follows a click within
 * `errorClickMs` (Datadog error clicks) is also an `error_click`, dated at the click and described by its target;
 * only the first error after a click makes it an error click.
 */
export const createErrorDetector: DetectorFactory = (settings) => {
  const { errorClickMs } = settings;
  let errors = 0;
  let clickAt = 0;
  // The target, not its description: describing an element is only worth it for a click that erred.
  let clicked: ClickTarget | null = null;

  return {
    observe(o) {
      if (o.type === 'click') {
        // An opted-out target is neither described nor signalled, and an error after it is not the earlier click's.
        clicked = o.target.ignored ? null : o.target;
        clickAt = o.at;
        return [];
      }
      if (o.type === 'leave') {
        errors = 0;
        clicked = null;
        return [];
      }
      if (o.type !== 'error' || errors >= MAX_ERRORS_PER_PAGE) return [];
      errors++;
      const message = o.message.slice(0, MAX_TEXT);
      // An unknown source is left out rather than stored as an empty string.
      const detail: SignalDraft['detail'] = o.source === null ? { message } : { message, source: o.source.slice(0, MAX_TEXT) };
      const found: SignalDraft[] = [{ kind: 'error', at: o.at, element: null, detail }];
      const delayMs = o.at - clickAt;
      if (clicked && delayMs <= errorClickMs) {
        found.push({ kind: 'error_click', at: clickAt, element: clicked.description, detail: { message, delayMs } });
        clicked = null;
      }
      return found;
    },
  };
};
