import type { PromptVisit } from '../core/surveys/response-event';
import type { StudyForPage } from '../core/replies';
import type { Signal, SignalKind } from '../core/records/signal';
import { createDeadEndJudge, DEAD_END_SETTLE_MS } from '../core/signals/dead-end';
import { idledOut } from '../core/signals/exit';
import type { Observation, SignalDraft } from '../core/signals/observation';
import { createPageDetectors } from '../core/signals/page-detectors';
import { readDeadEndFacts } from './dead-end-facts';
import { observePage } from './page-observer';
import { onPageError } from './page-errors';

const RECENT_ELEMENTS = 20;
/** What a retiring recorder still reports: the clicks it saw, decided once the page answers them or not. */
const CLICK_KINDS: ReadonlySet<SignalKind> = new Set(['rage_click', 'dead_click', 'slow_click']);
/** Past the click timeout, so the last tick decides every click a retiring recorder still holds. */
const RETIRE_MARGIN_MS = 50;

/** The visit friction is recorded for (the same context a survey's answer is filed under). */
export type VisitContext = PromptVisit;

/**
 * Friction on one page: observations from the DOM go through the pure detectors, and what they find leaves as
 * signals of the current visit. Journey-level signals (quick back, exit by leaving) are the background's.
 */
export class FrictionRecorder {
  readonly #detectors;
  #visit: VisitContext | null = null;
  #lastActivity = Date.now();
  #hearsErrors = false;
  #idleReported = false;
  #deadEndTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #deadEnds;
  /** The visit is the document's own load (not a route rendered in it later): the HTTP status is its. */
  #documentVisit = false;
  /** Recent signals' elements, so a prompt they trigger can keep clear of them. */
  readonly #recentElements = new Map<string, string>();
  /** Outlives the recording while the recorder retires (retire). */
  readonly #observing = new AbortController();
  #retiring = false;
  /** A click or a visit's end has come: the slow-page verdict on this document's load is given then. */
  #verdictGiven = false;

  readonly #study: StudyForPage;
  readonly #report: (signal: Signal) => void;
  /** The page's load was judged by the observer this one took the visit over from (an extension reload). */
  readonly #loadJudged: boolean;

  constructor(study: StudyForPage, report: (signal: Signal) => void, recording: AbortSignal, loadJudged = false) {
    this.#study = study;
    this.#report = report;
    this.#loadJudged = loadJudged;
    this.#detectors = createPageDetectors(study.settings);
    this.#deadEnds = createDeadEndJudge(study);
    recording.addEventListener('abort', () => this.#retiring || this.#observing.abort());
    observePage((observation) => this.#observe(observation), () => this.#active(), study.settings.idleTimeoutMs, this.#observing.signal);
    this.#observing.signal.addEventListener('abort', () => {
      clearTimeout(this.#deadEndTimer);
      // A check already due then finds no visit to report on.
      this.#visit = null;
    });
  }

  /**
   * Another observer took the page over (content/succession.ts): new input is its. The clicks this one saw are
   * still decided here, by the page answering them or by their timeout (or by the page going), and reported.
   * Call before the recording stops.
   */
  retire(): void {
    this.#retiring = true;
    clearTimeout(this.#deadEndTimer);
    const finish = (decide: () => void) => {
      clearTimeout(timer);
      decide();
      this.#observing.abort();
    };
    const { deadClick, rageClick } = this.#study.settings;
    const timer = setTimeout(() => finish(() => this.#observe({ type: 'tick', at: Date.now() })), Math.max(deadClick.timeoutMs, rageClick.intervalMs) + RETIRE_MARGIN_MS);
    addEventListener('pagehide', () => finish(() => this.leave(Date.now())), { once: true, signal: this.#observing.signal });
  }

  /**
   * A visit began: signals go to it. It is checked for being a dead end (once per visit) once it has settled, and
   * as it is left (lookBeforeLeaving) however soon: a bounce off a 404 is an error page all the same.
   */
  enter(visit: VisitContext, checkDeadEnd = true, documentVisit = true, enteredAt = Date.now()): void {
    this.#visit = visit;
    this.#observe({ type: 'enter', at: Date.now() });
    // From the first visit on, the page's errors are heard, those of its load so far first (page-errors.ts): an
    // error thrown as the page loaded, before the worker answered, is this visit's; one before the session is not.
    if (!this.#hearsErrors) onPageError((error) => error.at >= enteredAt && this.#observe({ type: 'error', ...error }), this.#observing.signal);
    this.#hearsErrors = true;
    this.#documentVisit = documentVisit;
    // A visit is no activity of the person's (a page may route on its own): their input alone resets the idle clock.
    this.#idleReported = false;
    clearTimeout(this.#deadEndTimer);
    if (!checkDeadEnd) return;
    this.#deadEnds.enter(Date.now());
    // A plain timer: requestIdleCallback's first use in a page's world costs about as much as the look it would defer.
    this.#deadEndTimer = setTimeout(() => this.#lookForDeadEnd(visit), DEAD_END_SETTLE_MS);
  }

  /**
   * The page is about to be left (unload, or a route change before the next route renders): an error page not
   * yet judged is judged on what it still shows.
   */
  lookBeforeLeaving(): void {
    if (this.#visit) this.#lookForDeadEnd(this.#visit);
  }

  /** The person's latest input (a click, a key, their scrolling, Back): it tells their route changes from the page's. */
  get lastInputAt(): number {
    return this.#lastActivity;
  }

  /** The visit signals go to now. */
  get current(): VisitContext | null {
    return this.#visit;
  }

  /** Whether this document's load has been judged (slow page or not), here or by the observer before this one. */
  get loadJudgedYet(): boolean {
    return this.#loadJudged || this.#verdictGiven;
  }

  /** Where the element of a recent signal is on screen. */
  elementRect(signalId: string | null): DOMRect | null {
    const selector = signalId ? this.#recentElements.get(signalId) : undefined;
    try {
      return selector ? (document.querySelector(selector)?.getBoundingClientRect() ?? null) : null;
    } catch {
      return null;
    }
  }

  /** The page got (re)tagged during the visit: later signals carry the new stage. */
  retag(pageKey: string, stageId: string | null): void {
    if (this.#visit) this.#visit = { ...this.#visit, pageKey, stageId };
  }

  /** The visit is ending (route change or unload): pending episodes are decided for it now. */
  leave(at: number): void {
    this.#observe({ type: 'leave', at });
    clearTimeout(this.#deadEndTimer);
    this.#visit = null;
  }

  #observe(observation: Observation): void {
    if (this.#ignores(observation)) return;

    if (observation.type === 'navigation') this.#active(); // Back or Forward in the browser's own UI
    if (observation.type === 'click' || observation.type === 'leave') this.#verdictGiven = true;
    for (const draft of this.#detectors.observe(observation)) this.#emit(draft);
    if (observation.type === 'tick' && !this.#idleReported && idledOut(this.#lastActivity, observation.at, this.#study.settings)) {
      this.#idleReported = true;
      this.#emit({ kind: 'exit', at: this.#lastActivity, element: null, detail: { reason: 'idle' } });
    }
  }

  #ignores({ type }: Observation): boolean {
    if (this.#retiring) return type === 'click' || type === 'input' || type === 'submit';
    return this.#loadJudged && (type === 'lcp' || type === 'load');
  }

  #active(): void {
    this.#lastActivity = Date.now();
  }

  #lookForDeadEnd(visit: VisitContext): void {
    if (this.#visit?.visitId !== visit.visitId) return;
    const reason = this.#deadEnds.look(Date.now(), () => readDeadEndFacts(this.#visit!.stageId, this.#documentVisit));
    if (reason) this.#emit({ kind: 'dead_end', at: Date.now(), element: null, detail: reason });
  }

  #emit(draft: SignalDraft): void {
    const visit = this.#visit;
    // A retiring recorder's other findings (errors, scrolling, idling) are the successor's to make.
    if (!visit || (this.#retiring && !CLICK_KINDS.has(draft.kind))) return;
    const signal = { id: crypto.randomUUID(), ...visit, ...draft };
    if (draft.element) {
      this.#recentElements.set(signal.id, draft.element.selector);
      if (this.#recentElements.size > RECENT_ELEMENTS) this.#recentElements.delete(this.#recentElements.keys().next().value!);
    }
    this.#report(signal);
  }
}
