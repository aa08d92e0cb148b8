import type { StudySettings } from '../records/settings';
import type { ClickTarget, Observation } from './observation';

/**
 * The liveness model behind dead and slow clicks (PostHog, Sentry, Datadog): does the page answer a click, and
 * how soon? A mutation says nothing about its cause, so an answer goes to every click still waiting — but only
 * until the person clicks something else: from then on, answers are that click's (PRODUCT.md §3).
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
/** Sentry and PostHog treat a press that travels further than a few pixels as a drag (selecting, swiping), not a click. */
const DRAG_PX = 5;

type Click = Extract<Observation, { type: 'click' }>;

/** A press that moved or selected text is a drag that happens to end in a click event: it is no click at all. */
export function endsDrag(click: Click): boolean {
  return click.dragPx > DRAG_PX || click.selectedText;
}

/**
 * Only a click on something that looks actionable expects an answer. Links answer by navigating, fields by a
 * caret, media in ways the DOM does not show; modified clicks open elsewhere; opted-out elements are not ours.
 */
export function isEligibleClick(target: ClickTarget): boolean {
  return target.actionable && !target.modifier && !target.link && !target.editable && !target.media && !target.ignored;
}

export function createClickResponseTracker(settings: Pick<StudySettings, 'deadClick' | 'rageClick'>): ClickResponseTracker {
  const { timeoutMs, scrollWindowMs, selectionWindowMs, focusWindowMs, giveUpMs } = settings.deadClick;
  // A second click on the same element within the rage interval is the same wish repeated, not a new click.
  const foldMs = settings.rageClick.intervalMs;
  let pending: PendingClick[] = [];
  // Focus moves on mousedown, before the click event, so a focus shortly *before* a click can be its answer.
  let focusAt = Number.NEGATIVE_INFINITY;
  let focusKey: string | null = null;

  function answers(o: Observation, click: PendingClick): boolean {
    switch (o.type) {
      case 'mutation':
      case 'answer':
      case 'request':
      case 'submit':
        return true;
      // A person's scrolling and selecting also happen on their own: only soon after the click are they its answer.
      // The page scrolling itself (scrollTo, smooth or late on a busy page) is the page answering.
      case 'scroll':
        return !o.byPerson || o.at - click.lastAt <= scrollWindowMs;
      case 'selection':
        return o.at - click.lastAt <= selectionWindowMs;
      // Clicking a button focuses that very button: that is the browser, not the page answering.
      case 'focus':
        return o.targetKey !== click.key && o.at - click.lastAt <= focusWindowMs;
      default:
        return false;
    }
  }

  /**
   * The person moved on (clicked something else, navigated, left): a click unanswered for `giveUpMs` was given
   * up on, so it is dead; a younger one is undecided, and dropped rather than guessed.
   */
  function movedOn(at: number, outcomes: ClickOutcome[], keep: (click: PendingClick) => boolean): void {
    pending = pending.filter((click) => {
      if (keep(click)) return true;
      if (at - click.at >= giveUpMs) outcomes.push({ click, delayMs: null });
      return false;
    });
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
      // An answer counts within the timeout (one at exactly timeoutMs is "within"); a click unanswered by then is dead.
      pending = pending.filter((click) => {
        const age = o.at - click.at;
        if (age <= timeoutMs && answers(o, click)) outcomes.push({ click, delayMs: age });
        else if (age >= timeoutMs) outcomes.push({ click, delayMs: null });
        else return true;
        return false;
      });
      if (o.type === 'click') {
        // A click elsewhere takes over every answer that comes next; the same element's clicks stay (and fold).
        movedOn(o.at, outcomes, (click) => click.key === o.target.key);
        if (isEligibleClick(o.target)) track(o.at, o.target);
      } else if (o.type === 'navigation' || o.type === 'leave') {
        movedOn(o.at, outcomes, () => false);
        if (o.type === 'leave') focusAt = Number.NEGATIVE_INFINITY;
      } else if (o.type === 'focus') {
        focusAt = o.at;
        focusKey = o.targetKey;
      }
      return outcomes;
    },
  };
}
