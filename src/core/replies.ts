import type { PromptSkip } from './surveys/prompt-skip';
import type { StudyExport } from './exchange/study-export';
import type { ImportPlan } from './exchange/merge';
import type { TouchpointHealth } from './health/touchpoint-health';
import type { JourneyMapData } from './journey-map/map-data';
import type { OffsiteTouchpoint } from './records/offsite';
import type { Annotation } from './records/annotation';
import type { FeedbackReport } from './records/feedback';
import type { Persona } from './records/persona';
import type { Retention } from './records/retention';
import type { IssueTracker } from './records/tracker';
import type { StoreFailureKind, StoreHealth } from './records/store-health';
import type { Role, Session } from './records/session';
import type { Signal, SignalKind } from './records/signal';
import type { Study } from './records/study';
import type { Visit } from './records/visit';
import type { PageRule, RuleError, StageMatch } from './journey/page-rules';
import type { Issue } from './issue';
import type { ComposeContext, PromptSpec } from './messages';
import type { SyncLine, SyncStatus } from './sync/settings';

/**
 * Why the background said no, as a message key: the page that asked says it in the user's language (`t(error)`),
 * the worker never words it. Every key is in both locales (test/unit/handler-types.test.ts ties it to them).
 */
export type ErrorKey =
  | 'errorUnknownSender'
  | 'errorComposeGone'
  | 'errorMalformedMessage'
  | 'errorInvalidData'
  | 'errorSessionRunning'
  | 'errorNoSession'
  | 'errorStudyInUse'
  | 'errorPersonaInUse'
  | 'errorStudyGone'
  | 'errorPersonaGone'
  | 'errorFeedbackGone'
  | 'errorNoteGone'
  | 'errorSurveyNotInStudy'
  | 'errorAnswerOffScale'
  | 'errorNoteOtherStudy'
  | 'errorPageOtherOrigin'
  | 'errorPageOutOfScope'
  | 'errorVisitOutOfScope'
  | 'errorStageGone'
  | 'errorNotAPagePattern'
  | 'errorSyncOff'
  | 'errorSyncNoStudy'
  | 'errorSyncAuth'
  | 'errorSyncOffline'
  | 'errorSyncRefused'
  | 'storeFailedQuota'
  | 'storeFailedOther';

/** Replies come from our own background, so they are typed, not re-validated. Failures carry zod's paths. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorKey; issues?: Issue[]; storeFailure?: StoreFailureKind };
/** What an import would do (or did), or exactly what is wrong with the file; nothing is written on errors. */
export type ImportPreview = { ok: true; plan: Omit<ImportPlan, 'writes'> } | { ok: false; errors: Issue[] };

/** What a page needs to know of its study: enough to tag itself, nothing about other studies. */
/** A study as a page's observer gets it: its scope and rules already as expressions (core/journey/scope-match.ts, page-rules.ts). */
export type StudyForPage = Pick<Study, 'id' | 'stages' | 'settings' | 'goalStageId'> & { scopeExpressions: string[]; rules: PageRule[] };

export interface PageDescription {
  /** As visits store it (no query), and the title with the query's values masked: what was typed stays out. */
  url: string;
  title: string;
  stageId: string | null;
  ruleId: string | null;
  pageKey: string;
  ruleErrors: RuleError[];
  /** The visit being recorded on this page, when a session runs. */
  visitId: string | null;
}

/** What a retention setting removes (before confirming) or removed (after): counts and the time they span. */
export interface RetentionPreview {
  sessions: number;
  visits: number;
  signals: number;
  responses: number;
  feedback: number;
  /** Notes made in those sessions: they stay. */
  notesKept: number;
  from: number | null;
  to: number | null;
}

/** How many signals of each kind. */
export type SignalCounts = Partial<Record<SignalKind, number>>;

export interface SessionSummary {
  session: Session;
  studyName: string;
  persona: Persona | null;
  visits: Visit[];
  signalCounts: SignalCounts;
  /** The most recent signals, newest first. */
  latestSignals: Signal[];
  /** Surveys that were due and not asked lately, and why (throttled, already asked here, the gap), oldest first. */
  promptSkips: PromptSkip[];
  /** When the gap between prompts next lets a survey be asked (null: none asked yet). */
  nextPromptAt: number | null;
}

export interface TabState {
  url: string | null;
  study: Study | null;
  /** null when the page is outside every study or has no content script yet (loaded before the study). */
  page: PageDescription | null;
  active: SessionSummary | null;
  /** Signals of the visit now on this page. */
  visitSignalCounts: SignalCounts;
  /** The notes of this page (its own, and those of every page of its touchpoint), oldest first, as its pins number them. */
  notes: Annotation[];
  /** The feedback reports filed on this page (its URL). */
  reports: Pick<FeedbackReport, 'id' | 'text' | 'severity' | 'status' | 'createdAt'>[];
  /** The study's notes whose element could not be found again: listed, never lost. */
  orphans: Annotation[];
  /** This page's touchpoint health over the whole study, with its parts; null for a page never visited. */
  touchpointHealth: TouchpointHealth | null;
}

export interface ContentReplies {
  /**
   * `tabId`: the tab the page is in, for its session outbox entry (core/outbox.ts). `openVisit`: the session's
   * visit still open in this tab at this URL, which an observer replacing an orphaned one continues.
   * `notedPages`: the page keys of the study that hold notes; a page asks for its pins only if it is one.
   */
  'content.hello': {
    study: StudyForPage | null;
    /** `channel`: the name of the session's handover channel between observers (content/succession.ts). */
    session: { id: string; startedAt: number; role: Role; channel: string } | null;
    tabId: number;
    openVisit: { id: string; enteredAt: number } | null;
    /** The proposed visit, started (by this hello or an earlier try of it) and tagged so; null when the page is to enter its own. */
    started: Pick<StageMatch, 'pageKey' | 'stageId' | 'ruleId'> | null;
    notedPages: string[];
  };
  /** Sent once the batch is stored; a survey it calls for comes after, as a 'tab.prompt'. */
  'content.events': { acked: string[] };
  'content.annotations': Annotation[];
  'content.annotation.save': Annotation;
  'content.annotation.delete': null;
  'content.annotation.reattach': Annotation;
  'content.annotation.anchored': null;
  'content.part': null;
  /** Where the form is to be written: the side panel, or a compose window opened instead. */
  'content.compose.open': { in: 'panel' | 'window' };
  'content.feedback': { id: string; screenshot: boolean };
}

export interface UiReplies {
  'ui.overview': { studies: Study[]; personas: Persona[]; active: SessionSummary | null; last: SessionSummary | null };
  'ui.study.save': Study;
  'ui.study.delete': null;
  'ui.study.export': StudyExport;
  'ui.map': JourneyMapData;
  'ui.offsite.save': OffsiteTouchpoint;
  'ui.offsite.delete': null;
  'ui.import.preview': ImportPreview;
  'ui.import.apply': ImportPreview;
  'ui.persona.save': Persona;
  'ui.persona.delete': null;
  'ui.session.start': Session;
  'ui.session.stop': Session;
  'ui.session.endPrompt': PromptSpec | null;
  'ui.survey.ask': { shown: boolean };
  'ui.pick': { started: boolean };
  'ui.feedback.list': FeedbackReport[];
  /** The report's screenshot as a data URL (Blobs do not cross extension messaging), or null. */
  'ui.feedback.screenshot': string | null;
  'ui.feedback.delete': null;
  'ui.feedback.update': FeedbackReport;
  'ui.tracker.get': IssueTracker;
  'ui.tracker.set': IssueTracker;
  'ui.session.visits': Visit[];
  /** The study's walks, newest first. */
  'ui.study.sessions': Session[];
  'ui.tab.state': TabState;
  'ui.page.tag': Study;
  'ui.touchpoint.tag': Study;
  'ui.store.health': StoreHealth | null;
  'ui.retention.get': Retention;
  'ui.retention.preview': RetentionPreview;
  'ui.retention.apply': RetentionPreview;
  /** Whether the element was found on the page and outlined. */
  'ui.signal.show': { shown: boolean };
  'ui.compose.pending': { id: string; context: ComposeContext } | null;
  /** Null: no such form open in that tab (any more). */
  'ui.compose.open': ComposeContext | null;
  /** Why saving failed, in the person's words; null when done. */
  'ui.compose.submit': string | null;
  /** The study's team sync, or null when it is off. */
  'ui.sync.get': SyncStatus | null;
  /** One line per study syncing, for the side panel. */
  'ui.sync.lines': SyncLine[];
  'ui.sync.enable': SyncStatus;
  'ui.sync.disable': null;
  'ui.sync.join': SyncStatus;
  'ui.sync.resolve': SyncStatus;
}

export interface TabReplies {
  'tab.describe': PageDescription | null;
  'tab.refresh': null;
  'tab.prompt': null;
  'tab.pick': null;
  'tab.compose.open': ComposeContext | null;
  'tab.compose.submit': string | null;
}
