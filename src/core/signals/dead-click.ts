import type { DetectorFactory, SignalDraft } from './observation';
import { createClickResponseTracker } from './click-response';

/**
 * Dead and slow clicks are two outcomes of one liveness model (`click-response.ts`), so one detector reports both:
 * no answer within `deadClick.timeoutMs` is a dead click; a first answer after `slowClickMs` (Sentry, PostHog's
 * 2.5 s) but within the timeout is a slow click. Both are dated at the burst's first click.
 */
export const createDeadClickDetector: DetectorFactory = (settings) => {
  const tracker = createClickResponseTracker(settings);
  const { slowClickMs } = settings;
  return {
    observe(observation) {
      const found: SignalDraft[] = [];
      for (const { click, delayMs } of tracker.observe(observation)) {
        const base = { at: click.at, element: click.target.description };
        if (delayMs === null) found.push({ kind: 'dead_click', ...base, detail: { clicks: click.clicks } });
        else if (delayMs > slowClickMs) found.push({ kind: 'slow_click', ...base, detail: { delayMs, clicks: click.clicks } });
      }
      return found;
    },
  };
};
