import type { ClickTarget, DetectorFactory, SignalDraft } from './observation';

/**
 * Rage click (PostHog's numbers, Datadog's 3 in 1 s): `rageClick.clicks` or more clicks, each at most
 * `rageClick.intervalMs` after and `rageClick.radiusPx` (Manhattan) from the previous one. One signal per burst,
 * once the burst is over, dated at its first click and described by its last target.
 */
export const createRageClickDetector: DetectorFactory = (settings) => {
  const { clicks: minClicks, intervalMs, radiusPx } = settings.rageClick;
  let count = 0; // clicks in the current burst; 0 = no burst
  let firstAt = 0;
  let lastAt = 0;
  let lastX = 0;
  let lastY = 0;
  // The last target; described only if the burst turns out to be a rage click.
  let target: ClickTarget | null = null;
  // Clicks that select text (double/triple click) or scroll (a "load more" that works) are the page answering.
  let spoiled = false;

  function end(): SignalDraft[] {
    const found: SignalDraft[] = count >= minClicks && !spoiled ? [{ kind: 'rage_click', at: firstAt, element: target?.description ?? null, detail: { count } }] : [];
    count = 0;
    spoiled = false;
    target = null;
    return found;
  }

  return {
    observe(o) {
      let found: SignalDraft[] = [];
      if (count > 0 && (o.type === 'leave' || o.at - lastAt > intervalMs)) found = end();
      if (o.type === 'click') {
        const t = o.target;
        // Carets (editable), steppers and pagination are meant to be clicked repeatedly; opted-out targets are not ours.
        const eligible = !t.editable && !t.stepper && !t.ignored;
        const near = Math.abs(o.x - lastX) + Math.abs(o.y - lastY) <= radiusPx;
        if (count > 0 && !(eligible && near)) found = end();
        if (eligible) {
          if (count === 0) firstAt = o.at;
          count++;
          lastAt = o.at;
          lastX = o.x;
          lastY = o.y;
          target = t;
        }
      } else if ((o.type === 'selection' || o.type === 'scroll') && count > 0) spoiled = true;
      return found;
    },
  };
};
