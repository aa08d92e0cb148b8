import type { StudySettings } from '../records/settings';
import type { ClickTarget, Observation } from './observation';

/**
 * The liveness model behind dead and slow clicks (PostHog, Sentry, Datadog): does the page answer a click, and
 * how soon? Responses cannot be attributed to one click (a mutation says nothing about its cause), so a response
 * answers every click waiting for one.
 */

/** A click, or a burst on one element folded into it, waiting for the page to answer. */
export interface PendingClick {
  /** The burst's first click: the timeout and the delay count from here — that is how long the user waited. */
  at: number;
  /** The burst's latest click: the short windows (scroll, selection, focus) count from here. */
  lastAt: number;
  key: string;
  /** The clicked element's facts; its description is built only when the click is reported. */
  target: ClickTarget;
  clicks: number;
}

/** An answered click (`delayMs` since its first click) or one that timed out unanswered (`delayMs: null`). */
export interface ClickOutcome {
  click: PendingClick;
  delayMs: number | null;
}

export interface ClickResponseTracker {
  observe(observation: Observation): ClickOutcome[];
}

/** More clicks in flight than this is a click storm; the oldest is given up unreported, so memory stays O(1). */
const MAX_PENDING = 8;

/** Modifier, link, editable, media and opted-out clicks expect no visible answer here, so they are never dead. */
export function isEligibleClick(target: ClickTarget): boolean {
  return !target.modifier && !target.link && !target.editable && !target.media && !target.ignored;
}

export function createClickResponseTracker(settings: Pick<StudySettings, 'deadClick' | 'rageClick'>): ClickResponseTracker {
  const { timeoutMs, scrollWindowMs, selectionWindowMs, focusWindowMs } = settings.deadClick;
  // A second click on the same element within the rage interval is the same wish repeated, not a new click.
  const foldMs = settings.rageClick.intervalMs;
  const pending: PendingClick[] = [];
  // Focus moves on mousedown, before the click event, so a focus shortly *before* a click can be its answer.
  let focusAt = Number.NEGATIVE_INFINITY;
  let focusKey: string | null = null;

  function answers(o: Observation, click: PendingClick): boolean {
    switch (o.type) {
      case 'mutation':
      case 'navigation':
      case 'request':
        return true;
      // Scroll and selection also happen on their own; only soon after the click do they count as its answer.
      case 'scroll':
        return o.at - click.lastAt <= scrollWindowMs;
      case 'selection':
        return o.at - click.lastAt <= selectionWindowMs;
      // Clicking a button focuses that very button: that is the browser, not the page answering.
      case 'focus':
        return o.targetKey !== click.key && o.at - click.lastAt <= focusWindowMs;
      default:
        return false;
    }
  }

  function track(at: number, target: ClickTarget): void {
    if (target.key !== focusKey && at - focusAt <= focusWindowMs) return; // already answered by a focus change
    for (const click of pending) {
      if (click.key === target.key && at - click.lastAt <= foldMs) {
        click.clicks++;
        click.lastAt = at;
        click.target = target;
        return;
      }
    }
    if (pending.length >= MAX_PENDING) pending.shift();
    pending.push({ at, lastAt: at, key: target.key, target, clicks: 1 });
  }

  return {
    observe(o) {
      const outcomes: ClickOutcome[] = [];
      let kept = 0;
      for (const click of pending) {
        const age = o.at - click.at;
        // Decide in this order: a timeout already passed, then an answer (one at exactly timeoutMs is "within"),
        // then a timeout reached now; on leave a younger click is dropped: the page changed, so it was not dead.
        if (age > timeoutMs) outcomes.push({ click, delayMs: null });
        else if (answers(o, click)) outcomes.push({ click, delayMs: age });
        else if (age >= timeoutMs) outcomes.push({ click, delayMs: null });
        else if (o.type !== 'leave') pending[kept++] = click;
      }
      pending.length = kept;
      if (o.type === 'click' && isEligibleClick(o.target)) track(o.at, o.target);
      else if (o.type === 'focus') {
        focusAt = o.at;
        focusKey = o.targetKey;
      } else if (o.type === 'leave') focusAt = Number.NEGATIVE_INFINITY;
      return outcomes;
    },
  };
}
