import type { DetectorFactory, SignalDraft } from './observation';

/**
 * A change of direction counts only after this much travel the other way. Trackpad momentum, rubber-band bounce at
 * the page ends, scroll anchoring when content loads and smooth-scroll overshoot all nudge the position back by a
 * few pixels; none of that is a person hunting up and down the page.
 */
const JITTER_PX = 50;

/**
 * Excessive scroll (Clarity's idea; the numbers are ours): `excessiveScroll.reversals` or more direction reversals
 * within `excessiveScroll.windowMs` with no click in between, made by a person (wheel, touch, keys). The episode lasts while reversals keep coming less
 * than `windowMs` apart; one signal per episode when it ends (quiet, a click, or leave), with its total reversals.
 */
export const createExcessiveScrollDetector: DetectorFactory = (settings) => {
  const { reversals: needed, windowMs } = settings.excessiveScroll;
  let direction = 0; // +1 down, -1 up, 0 not yet known
  let turnY = Number.NaN; // the furthest point in the current direction (the start, while direction is unknown)
  const recent: number[] = []; // times of the latest reversals before an episode; never more than `needed`
  let count = 0; // reversals in the current episode; 0 = none
  let firstAt = 0;
  let lastAt = 0;

  function end(): SignalDraft[] {
    const found: SignalDraft[] = [{ kind: 'excessive_scroll', at: firstAt, element: null, detail: { reversals: count } }];
    count = 0;
    return found;
  }

  function reversal(at: number): void {
    if (count > 0) {
      count++;
      lastAt = at;
      return;
    }
    recent.push(at);
    while (recent[0]! < at - windowMs) recent.shift();
    if (recent.length >= needed) {
      count = recent.length;
      firstAt = recent[0]!;
      lastAt = at;
      recent.length = 0;
    }
  }

  return {
    observe(o) {
      const found = count > 0 && (o.type === 'click' || o.type === 'leave' || o.at - lastAt > windowMs) ? end() : [];
      if (o.type === 'click') recent.length = 0; // a click in between: the visitor found something to act on
      else if (o.type === 'leave') {
        recent.length = 0;
        direction = 0;
        turnY = Number.NaN;
      } else if (o.type === 'scroll' && o.byPerson) {
        // A page scrolling itself (a carousel, scroll-to-top, smooth anchors) is nobody hunting for something.
        const travel = o.y - turnY;
        if (Number.isNaN(turnY)) turnY = o.y;
        else if (travel * direction > 0) turnY = o.y; // further the same way
        else if (Math.abs(travel) >= JITTER_PX) {
          if (direction !== 0) reversal(o.at);
          direction = Math.sign(travel);
          turnY = o.y;
        }
      }
      return found;
    },
  };
};
