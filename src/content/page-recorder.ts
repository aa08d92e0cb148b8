import type { LeaveIntent, PromptSpec, VisitProposal } from '../core/messages';
import type { ContentReplies, PageDescription, StudyForPage } from '../core/replies';
import type { Arrival } from '../core/records/visit';
import type { Role } from '../core/records/session';
import type { Signal } from '../core/records/signal';
import type { NotePlace } from './note-place';
import { matchesScope } from '../core/journey/scope-match';
import { connected } from '../platform/page-runtime';
import { maskQueryInTitle, storableUrl } from '../core/journey/route';
import { shownText } from './element-description';
import type { StageMatch } from '../core/journey/page-rules';
import { noteEmittedStart } from './emitted-log';
import { EventQueue } from './event-queue';
import { FrictionRecorder } from './friction';
import { ask } from './messaging';
import { matchPage } from './page-match';
import { PromptPresenter } from './prompts';
import { createRouteLimiter, type RouteLimiter } from '../core/journey/route-storm';
import { ScrollDepth } from './scroll-depth';
import { awaitSuccessor, type Give } from './succession';
import type { succeedOrphans } from './take-over';

/** A link click this recent explains the page going away. */
const LINK_CLICK_MS = 3000;
/** Frameworks render a new route just after the URL changes; selector rules look after that. */
const ROUTE_SETTLE_MS = 100;

interface CurrentVisit {
  id: string;
  enteredAt: number;
  url: string;
  match: StageMatch;
  /** Route changes the page made on its own within this visit (core/journey/route-storm.ts). */
  routesFolded: number;
}

/**
 * A visit the page enters without sending its start: the stored one it goes on with, or (`tagged`) the one its
 * hello started, of the URL the hello named (`url`).
 */
type KnownVisit = { id: string; url?: string; tagged?: NonNullable<ContentReplies['content.hello']['started']> };

/**
 * Observes one document for the study whose scope it is in: tags it to a stage, and while a session runs turns
 * page loads, SPA route changes and departures into visit events. It never stores anything itself.
 */
export class PageRecorder {
  #study: StudyForPage | null = null;
  #sessionId: string | null = null;
  #visit: CurrentVisit | null = null;
  #lastLink: { at: number; href: string } | null = null;
  #recording: AbortController | null = null;
  #scroll: ScrollDepth | null = null;
  #friction: FrictionRecorder | null = null;
  #pendingRoute: { at: number; timer: ReturnType<typeof setTimeout> } | null = null;
  /** Set when recording starts (route changes are settled only while it runs). */
  #routes!: RouteLimiter;

  readonly #presenter = new PromptPresenter(
    (event) => this.#queue.push(event),
    () => this.#friction?.current ?? null,
    (signalId) => this.#friction?.elementRect(signalId) ?? null,
  );
  #exitIntentSent = false;
  /** The visit this page's first hello proposed (refresh). */
  #proposal: VisitProposal | undefined;
  /** The running session's role, when the background tells it (notes and reports are signed with it). */
  #sessionRole: Role | null = null;
  /** The study's pages that hold notes, as of the last hello. */
  notedPages: ReadonlySet<string> = new Set();
  /** An observer the worker injected into a page already open takes over from the orphan it may find there. */
  declare takeOver: typeof succeedOrphans | undefined;

  readonly #queue: EventQueue;
  /** An observer injected after an extension reload took the page over from this one: told the session's channel secret. */
  readonly #onSucceeded: (secret: string) => void;
  /** This observer took the page over from one orphaned by an extension reload (told once a session). */
  readonly #onOrphan: (secret: string, signal: AbortSignal) => void;

  constructor(queue: EventQueue, onSucceeded: (secret: string) => void, onOrphan: (secret: string, signal: AbortSignal) => void) {
    this.#queue = queue;
    this.#onSucceeded = onSucceeded;
    this.#onOrphan = onOrphan;
  }

  /** Shows a survey the background decided is due (one at a time). */
  prompt(spec: PromptSpec): void {
    void this.#presenter.show(spec);
  }

  /**
   * Asks which study and session this page belongs to, and starts, retags or stops recording to match. The first
   * hello of an observer loaded with its page proposes the visit of that load (`propose`), which the worker starts
   * if a session records it: the same proposal on every try, so a try whose answer was lost is not a second visit.
   */
  async refresh(arrival: Arrival, propose?: VisitProposal['arrival']): Promise<void> {
    const visit = propose && (this.#proposal ??= proposalFor(propose));
    // Without the query, as visits store it: a search typed on the page may be there (PRODUCT.md §9).
    const url = storableUrl(location.href);
    const reply = await ask({ type: 'content.hello', url, ...(visit && { visit }) });
    this.#study = reply.study;
    this.#queue.tabId = reply.tabId;
    this.notedPages = new Set(reply.notedPages);
    const session = reply.session;
    this.#sessionRole = roleOf(session);
    if ((session?.id ?? null) !== this.#sessionId) {
      this.stop();
      this.#sessionId = session?.id ?? null;
      const started = visit && reply.started && { ...visit, url, tagged: reply.started };
      if (__JL_TEST_HOOKS__ && started) noteEmittedStart(started.eventId, started.id);
      if (session) this.#startRecording(arrival, session, reply.openVisit, started || null);
    } else if (this.#visit && this.#study) {
      this.#retag(matchPage(this.#study));
    }
  }

  describe(): PageDescription | null {
    if (!this.#study) return null;
    const match = matchPage(this.#study);
    return {
      url: storableUrl(location.href),
      title: pageTitle(),
      stageId: match.stageId,
      ruleId: match.ruleId,
      pageKey: match.pageKey,
      ruleErrors: match.errors,
      visitId: this.#visit?.id ?? null,
    };
  }

  // --- Notes and feedback (content/page-notes.ts) ---

  /** Where a note or report made now belongs: the visit being recorded, or just this page when no session runs. */
  place(): NotePlace | null {
    if (!this.#study) return null;
    const visit = this.#friction?.current;
    if (visit) return { ...visit, role: this.#sessionRole };
    const match = matchPage(this.#study);
    return { studyId: this.#study.id, sessionId: null, visitId: null, pageKey: match.pageKey, stageId: match.stageId, role: null };
  }

  /**
   * A page loaded before its session started is entered when the session starts. A visit entered since this
   * document loaded and still open was this page's under an observer that lost its runtime (the extension
   * reloaded): it goes on, not a second visit of the same page. That observer, if it still runs, gives this
   * one its visit and the events it could not send (content/succession.ts); the stored visit is the fallback.
   */
  #startRecording(arrival: Arrival, session: { startedAt: number; channel: string }, stored: { id: string; enteredAt: number } | null, started: (KnownVisit & { enteredAt: number }) | null): void {
    const recording = new AbortController();
    this.#recording = recording;
    const { signal } = recording;
    const loadedAt = Math.round(performance.timeOrigin);
    const given = this.takeOver?.(session.channel, (events) => this.#queue.adopt(events), () => this.#onOrphan(session.channel, signal), signal);
    // A stored visit alone does not say whether the page's load was judged: taken as judged, so never twice.
    const open = [given, stored && { ...stored, loadJudged: true }].find((visit) => visit && visit.enteredAt >= loadedAt) ?? null;
    this.#scroll = new ScrollDepth(signal);
    if (this.#study) {
      const report = (found: Signal) => this.#queue.push({ kind: 'signal', eventId: crypto.randomUUID(), signal: found });
      this.#friction = new FrictionRecorder(this.#study, report, signal, open?.loadJudged ?? false);
    }
    // After the recorder: its clock of the person's input starts now, and so does what that input can explain.
    this.#routes = createRouteLimiter(Date.now());
    addEventListener('click', (event) => this.#noteLinkClick(event), { capture: true, passive: true, signal });
    addEventListener(
      'pagehide',
      () => {
        // An error page left before its route changed is judged on what it still shows.
        if (!this.#pendingRoute) this.#friction?.lookBeforeLeaving();
        this.#settleRoute();
        this.#leave(this.#departureIntent());
        this.#queue.hidden();
      },
      { signal },
    );
    addEventListener('pageshow', (event) => event.persisted && void this.refresh('back_forward').then(() => this.#enterAfterRestore()), { signal });
    // Exit intent: the pointer leaves through the top of the viewport, towards the tabs and the address bar.
    document.addEventListener(
      'mouseout',
      (event) => {
        if (event.relatedTarget || event.clientY > 0 || !event.isTrusted || !this.#visit || this.#exitIntentSent) return;
        this.#exitIntentSent = true;
        this.#queue.push({ kind: 'exit_intent', eventId: crypto.randomUUID(), visitId: this.#visit.id, at: Date.now() });
      },
      { passive: true, signal },
    );
    awaitSuccessor(session.channel, (give) => this.#succeeded(give, session.channel), signal);
    if (started) this.#enter(arrival, started.enteredAt, started);
    else if (open) this.#enter(arrival, open.enteredAt, open);
    else if (loadedAt < session.startedAt) this.#enter('session_start', Date.now());
    else this.#enter(arrival, loadedAt);
  }

  /**
   * Asked by the observer injected after an extension reload: this one stops, and the open visit and every event
   * not acknowledged go on under the new one, as does whatever this one still reports (the clicks it saw, once
   * decided; a survey answered). An observer still connected is not orphaned and keeps its own.
   */
  #succeeded(give: Give, secret: string): void {
    if (connected()) return;
    this.#settleRoute();
    const openVisit = this.#visit && { id: this.#visit.id, enteredAt: this.#visit.enteredAt, loadJudged: this.#friction?.loadJudgedYet ?? true };
    this.#friction?.retire();
    this.stop();
    const held = this.#queue.handOver((events) => give({ events, openVisit: null }));
    give({ events: held, openVisit });
    this.#onSucceeded(secret);
  }

  /** The session changed, or the runtime is gone and no observer took over (the extension was removed). */
  stop(): void {
    this.#recording?.abort();
    this.#recording = null;
    this.#friction = null;
    this.#visit = null;
  }

  /**
   * Enters a new visit, or one whose start the worker has (`known`): the stored one it goes on with (no second
   * dead-end check), or the one its hello started, tagged by URL and title (retagged here if the page says otherwise).
   */
  #enter(arrival: Arrival, enteredAt: number, known?: KnownVisit): void {
    if (!this.#study || !this.#sessionId) return;
    if (!matchesScope(location.href, this.#study.scopeExpressions)) return;
    const match = matchPage(this.#study);
    const here = storableUrl(location.href);
    const visit: CurrentVisit = { id: known?.id ?? crypto.randomUUID(), enteredAt, url: known?.url ?? here, match: { ...match, ...known?.tagged }, routesFolded: 0 };
    this.#visit = visit;
    this.#exitIntentSent = false;
    // The visit is sent before its friction starts: the errors of the page's load come at once and need it stored.
    if (!known) {
      this.#queue.push({
        kind: 'visit.start',
        eventId: crypto.randomUUID(),
        visit: {
          id: visit.id,
          studyId: this.#study.id,
          sessionId: this.#sessionId,
          url: visit.url,
          title: pageTitle(),
          pageKey: match.pageKey,
          stageId: match.stageId,
          ruleId: match.ruleId,
          arrival,
          enteredAt,
        },
        referred: arrival === 'navigate' && document.referrer !== '' && matchesScope(document.referrer, this.#study.scopeExpressions),
      });
    }
    const context = { visitId: visit.id, sessionId: this.#sessionId, studyId: this.#study.id, pageKey: visit.match.pageKey, stageId: visit.match.stageId };
    // A resumed visit was checked for a dead end; one its hello started was not yet.
    this.#friction?.enter(context, !known || !!known.tagged, arrival !== 'route_change' && arrival !== 'page_route', enteredAt);
    // The page may have routed on before the hello's answer came: that is a route change of the visit started.
    if (known?.tagged) visit.url === here ? this.#retag(match) : this.routeChanged();
    // After the friction: its dead-end look lays the page out, and the depth is read just after it.
    this.#scroll?.reset();
  }

  #leave(intent: LeaveIntent, at = Date.now()): void {
    if (!this.#visit) return;
    this.#friction?.leave(at);
    this.#queue.push({
      kind: 'visit.leave',
      eventId: crypto.randomUUID(),
      visitId: this.#visit.id,
      leftAt: at,
      maxScrollDepth: this.#scroll?.value() ?? 0,
      intent,
      ...(this.#visit.routesFolded > 0 && { routesFolded: this.#visit.routesFolded }),
    });
    this.#visit = null;
    this.#queue.flush();
  }

  #enterAfterRestore(): void {
    if (this.#sessionId && !this.#visit) this.#enter('back_forward', Date.now());
  }

  #retag(match: StageMatch): void {
    const visit = this.#visit;
    if (!visit || (match.stageId === visit.match.stageId && match.pageKey === visit.match.pageKey)) return;
    visit.match = match;
    this.#friction?.retag(match.pageKey, match.stageId);
    this.#queue.push({ kind: 'visit.retag', eventId: crypto.randomUUID(), visitId: visit.id, pageKey: match.pageKey, stageId: match.stageId, ruleId: match.ruleId });
  }

  /**
   * The document's URL changed without a load (content/route-watch.ts, watched once for the whole observer): waits
   * for the new route to render; leaving the page first settles it at once so the route is not lost.
   */
  routeChanged(): void {
    if (!this.#recording || this.#pendingRoute) return;
    // The next route has not rendered yet: an error page is judged on what it still shows, and its depth read.
    this.#friction?.lookBeforeLeaving();
    this.#scroll?.value();
    this.#pendingRoute = { at: Date.now(), timer: setTimeout(() => this.#settleRoute(), ROUTE_SETTLE_MS) };
  }

  /** A new route is a new visit; a query or plain-fragment change on the same page is not. */
  #settleRoute(): void {
    const pending = this.#pendingRoute;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pendingRoute = null;
    if (!this.#study || !this.#sessionId) return;
    const url = storableUrl(location.href);
    const match = matchPage(this.#study);
    if (this.#visit && this.#visit.url === url && this.#visit.match.pageKey === match.pageKey) return;
    if (!matchesScope(location.href, this.#study.scopeExpressions)) return this.#leave('left_scope', pending.at);
    const verdict = this.#routes.decide(pending.at, this.#friction?.lastInputAt ?? 0);
    if (verdict === 'fold' && this.#visit) {
      this.#visit.routesFolded++;
      return;
    }
    this.#leave('route_change', pending.at);
    this.#enter(verdict === 'fold' ? 'page_route' : verdict, pending.at);
  }

  #noteLinkClick(event: Event): void {
    const target = event.target as Element | null;
    const link = target?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link) this.#lastLink = { at: Date.now(), href: link.href };
  }

  #departureIntent(): LeaveIntent {
    const link = this.#lastLink;
    if (!link || Date.now() - link.at > LINK_CLICK_MS || !this.#study) return 'unknown';
    return matchesScope(link.href, this.#study.scopeExpressions) ? 'link' : 'left_scope';
  }
}

/** The title as visits keep it: what a search typed on the page may have put in it masked. */
const pageTitle = () => shownText(maskQueryInTitle(document.title, location.href)).slice(0, 300);

/** The visit of this document's load, as its first hello proposes it (refresh). */
function proposalFor(arrival: VisitProposal['arrival']): VisitProposal {
  return {
    eventId: crypto.randomUUID(),
    id: crypto.randomUUID(),
    title: pageTitle(),
    enteredAt: Math.round(performance.timeOrigin),
    arrival,
    // Without its query, as visits keep URLs: what was typed on the page before may be there.
    referrer: document.referrer && storableUrl(document.referrer),
  };
}

/** The hello reply names the session's role once the background sends it; anything else reads as unknown. */
function roleOf(session: object | null): Role | null {
  const role = session && 'role' in session ? session.role : null;
  return role === 'researcher' || role === 'pm' || role === 'tester' ? role : null;
}
