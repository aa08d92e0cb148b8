import type { DetectorFactory, SignalDraft } from './observation';

/**
 * Slow page: the largest contentful paint past `slowPageLcpMs` (Core Web Vitals "poor" at 4 s), or the load event
 * past the same threshold when the browser reported no LCP (Safari has none; load comes after every paint, so the
 * fallback errs towards "slow", and LCP wins whenever both are known). Browsers stop reporting LCP candidates at
 * the first input, so the latest candidate before the first click (or leave) is final; the verdict comes then,
 * once per page.
 */
export const createSlowPageDetector: DetectorFactory = (settings) => {
  const limit = settings.slowPageLcpMs;
  let lcpMs = -1; // -1 = not seen
  let lcpAt = 0;
  let loadMs = -1;
  let loadAt = 0;
  let clicked = false;
  let decided = false;

  function decide(): SignalDraft[] {
    decided = true;
    if (lcpMs >= 0) return lcpMs > limit ? [{ kind: 'slow_page', at: lcpAt, element: null, detail: { lcpMs } }] : [];
    if (loadMs >= 0) return loadMs > limit ? [{ kind: 'slow_page', at: loadAt, element: null, detail: { loadMs } }] : [];
    return [];
  }

  function reset(): void {
    lcpMs = loadMs = -1;
    clicked = decided = false;
  }

  return {
    observe(o) {
      if (o.type === 'leave') {
        const found = decided ? [] : decide();
        reset();
        return found;
      }
      if (decided) return [];
      switch (o.type) {
        case 'lcp':
          if (!clicked) {
            lcpMs = o.ms;
            lcpAt = o.at;
          }
          return [];
        case 'load':
          loadMs = o.ms;
          loadAt = o.at;
          // No LCP by the first click means none will come: the load event is all there is.
          return clicked && lcpMs < 0 ? decide() : [];
        case 'click':
          if (clicked) return [];
          clicked = true;
          return lcpMs >= 0 || loadMs >= 0 ? decide() : [];
        default:
          return [];
      }
    },
  };
};
