import type { StudyForPage } from '../core/replies';
import type { Signal, SignalKind } from '../core/records/signal';
import { deadEndReason } from '../core/signals/dead-end';
import { idledOut } from '../core/signals/exit';
import type { Observation, SignalDraft } from '../core/signals/observation';
import { createPageDetectors } from '../core/signals/page-detectors';
import { readDeadEndFacts } from './dead-end-facts';
import { observePage } from './page-observer';

/** A new page or route has rendered by then; judging a dead end earlier would see a half-built page. */
const DEAD_END_SETTLE_MS = 1500;
const RECENT_ELEMENTS = 20;
/** What a retiring recorder still reports: the clicks it saw, decided once the page answers them or not. */
const CLICK_KINDS: ReadonlySet<SignalKind> = new Set(['rage_click', 'dead_click', 'slow_click']);
/** Past the click timeout, so the last tick decides every click a retiring recorder still holds. */
const RETIRE_MARGIN_MS = 50;

/** The visit signals are attributed to. */
export interface VisitContext {
  visitId: string;
  sessionId: string;
  studyId: string;
  pageKey: string;
  stageId: string | null;
}

/**
 * Friction on one page: observations from the DOM go through the pure detectors, and what they find leaves as
 * signals of the current visit. Journey-level signals (quick back, exit by leaving) are the background's.
 */
export class FrictionRecorder {
  private readonly detectors;
  private visit: VisitContext | null = null;
  private lastActivity = Date.now();
  private idleReported = false;
  private deadEndTimer: ReturnType<typeof setTimeout> | undefined;
  /** Recent signals' elements, so a prompt they trigger can keep clear of them. */
  private readonly recentElements = new Map<string, string>();
  /** Outlives the recording while the recorder retires (retire). */
  private readonly observing = new AbortController();
  private retiring = false;
  /** A click or a visit's end has come: the slow-page verdict on this document's load is given then. */
  private verdictGiven = false;

  constructor(
    private readonly study: StudyForPage,
    private readonly report: (signal: Signal) => void,
    recording: AbortSignal,
    /** The page's load was judged by the observer this one took the visit over from (an extension reload). */
    private readonly loadJudged = false,
  ) {
    this.detectors = createPageDetectors(study.settings);
    recording.addEventListener('abort', () => this.retiring || this.observing.abort());
    observePage((observation) => this.observe(observation), () => this.active(), this.observing.signal);
    this.observing.signal.addEventListener('abort', () => {
      clearTimeout(this.deadEndTimer);
      // A check already waiting for idle time then finds no visit to report on.
      this.visit = null;
    });
  }

  /**
   * Another observer took the page over (content/succession.ts): new input is its. The clicks this one saw are
   * still decided here, by the page answering them or by their timeout (or by the page going), and reported.
   * Call before the recording stops.
   */
  retire(): void {
    this.retiring = true;
    clearTimeout(this.deadEndTimer);
    const finish = (decide: () => void) => {
      clearTimeout(timer);
      decide();
      this.observing.abort();
    };
    const { deadClick, rageClick } = this.study.settings;
    const timer = setTimeout(() => finish(() => this.observe({ type: 'tick', at: Date.now() })), Math.max(deadClick.timeoutMs, rageClick.intervalMs) + RETIRE_MARGIN_MS);
    addEventListener('pagehide', () => finish(() => this.leave(Date.now())), { once: true, signal: this.observing.signal });
  }

  /** A visit began: signals go to it, and once it has rendered it is checked for being a dead end (once per visit). */
  enter(visit: VisitContext, checkDeadEnd = true): void {
    this.visit = visit;
    this.idleReported = false;
    this.lastActivity = Date.now();
    clearTimeout(this.deadEndTimer);
    // Once the page has settled, and then when it is idle: the check reads the layout, fresh by then.
    if (checkDeadEnd) this.deadEndTimer = setTimeout(() => requestIdleCallback(() => this.checkDeadEnd(visit), { timeout: 1000 }), DEAD_END_SETTLE_MS);
  }

  /** The visit signals go to now. */
  get current(): VisitContext | null {
    return this.visit;
  }

  /** Whether this document's load has been judged (slow page or not), here or by the observer before this one. */
  get loadJudgedYet(): boolean {
    return this.loadJudged || this.verdictGiven;
  }

  /** Where the element of a recent signal is on screen. */
  elementRect(signalId: string | null): DOMRect | null {
    const selector = signalId ? this.recentElements.get(signalId) : undefined;
    try {
      return selector ? (document.querySelector(selector)?.getBoundingClientRect() ?? null) : null;
    } catch {
      return null;
    }
  }

  /** The page got (re)tagged during the visit: later signals carry the new stage. */
  retag(pageKey: string, stageId: string | null): void {
    if (this.visit) this.visit = { ...this.visit, pageKey, stageId };
  }

  /** The visit is ending (route change or unload): pending episodes are decided for it now. */
  leave(at: number): void {
    this.observe({ type: 'navigation', at });
    this.observe({ type: 'leave', at });
    clearTimeout(this.deadEndTimer);
    this.visit = null;
  }

  private observe(observation: Observation): void {
    if (this.ignores(observation)) return;
    if (observation.type === 'click' || observation.type === 'leave') this.verdictGiven = true;
    for (const draft of this.detectors.observe(observation)) this.emit(draft);
    if (observation.type === 'tick' && !this.idleReported && idledOut(this.lastActivity, observation.at, this.study.settings)) {
      this.idleReported = true;
      this.emit({ kind: 'exit', at: this.lastActivity, element: null, detail: { reason: 'idle' } });
    }
  }

  private ignores({ type }: Observation): boolean {
    if (this.retiring) return type === 'click' || type === 'input' || type === 'submit';
    return this.loadJudged && (type === 'lcp' || type === 'load');
  }

  private active(): void {
    this.lastActivity = Date.now();
  }

  private checkDeadEnd(visit: VisitContext): void {
    if (this.visit?.visitId !== visit.visitId) return;
    const reason = deadEndReason(readDeadEndFacts(visit.stageId), this.study);
    if (reason) this.emit({ kind: 'dead_end', at: Date.now(), element: null, detail: reason });
  }

  private emit(draft: SignalDraft): void {
    const visit = this.visit;
    // A retiring recorder's other findings (errors, scrolling, idling) are the successor's to make.
    if (!visit || (this.retiring && !CLICK_KINDS.has(draft.kind))) return;
    const signal = { id: crypto.randomUUID(), ...visit, ...draft };
    if (draft.element) {
      this.recentElements.set(signal.id, draft.element.selector);
      if (this.recentElements.size > RECENT_ELEMENTS) this.recentElements.delete(this.recentElements.keys().next().value!);
    }
    this.report(signal);
  }
}
