import { z } from 'zod';
import { Id, Text, Timestamp } from './records/common';
import { Annotation, AnnotationType, Emotion } from './records/annotation';
import { Anchor } from './records/anchor';
import { FeedbackReport } from './records/feedback';
import { OffsiteTouchpoint } from './records/offsite';
import { Persona } from './records/persona';
import { Retention } from './records/retention';
import { FeedbackEdit } from './records/feedback';
import { IssueTracker } from './records/tracker';
import { Outcome, Role } from './records/session';
import { Study } from './records/study';
import { SurveyResponse, TriggerKind } from './records/response';
import { Signal } from './records/signal';
import { Instrument } from './records/survey';
import { Visit } from './records/visit';
import { SyncSettings } from './sync/settings';

/**
 * Every message crossing a context boundary, one discriminated union per direction. The background validates
 * each request against these before acting; the sender's context (page vs extension page) is checked too.
 */

const PageUrl = z.url({ protocol: /^https?$/ }).max(4000);

export const VisitStartEvent = z.strictObject({
  kind: z.literal('visit.start'),
  eventId: Id,
  visit: Visit.pick({ id: true, studyId: true, sessionId: true, url: true, title: true, pageKey: true, stageId: true, ruleId: true, arrival: true, enteredAt: true }),
  /** The page was reached from an in-scope page (a referrer): the previous page was left by a link or form. */
  referred: z.boolean(),
});

/**
 * The visit of a page's own load, proposed with its first hello: the worker starts it with the answer (tagged by
 * URL and title; the page retags it where a selector rule says otherwise), so the page sends no first batch.
 * `referrer`: the document's, only tested against the study's scope (`referred`), never stored.
 */
export const VisitProposal = z.strictObject({
  eventId: Id,
  ...VisitStartEvent.shape.visit.pick({ id: true, title: true, enteredAt: true }).shape,
  arrival: z.enum(['navigate', 'reload', 'back_forward']),
  // Chromium sends no referrer longer than 4096 characters (it falls back to the origin).
  referrer: z.string().max(4096),
});
export type VisitProposal = z.infer<typeof VisitProposal>;

export const LeaveIntent = z.enum(['link', 'left_scope', 'route_change', 'unknown']);
export type LeaveIntent = z.infer<typeof LeaveIntent>;

export const VisitLeaveEvent = z.strictObject({
  kind: z.literal('visit.leave'),
  eventId: Id,
  visitId: Id,
  leftAt: Timestamp,
  maxScrollDepth: z.number().min(0).max(1),
  intent: LeaveIntent,
  /** Route changes the page made on its own, too fast to be visits of their own (see Visit.routesFolded). */
  routesFolded: z.number().int().min(1).max(1_000_000).optional(),
});

/** The page was (re)tagged while the visit ran: the visit takes the new stage and page key. */
export const VisitRetagEvent = z.strictObject({
  kind: z.literal('visit.retag'),
  eventId: Id,
  visitId: Id,
  ...Visit.pick({ pageKey: true, stageId: true, ruleId: true }).shape,
});

/** A friction signal a page-level detector found, with the journey context of the visit it happened in. */
export const SignalEvent = z.strictObject({
  kind: z.literal('signal'),
  eventId: Id,
  signal: Signal,
});

/** An answer to a micro-survey, or its dismissal. */
export const ResponseEvent = z.strictObject({
  kind: z.literal('response'),
  eventId: Id,
  response: SurveyResponse,
});

/** The pointer left through the top of the viewport: the person is about to leave (exit intent). */
export const ExitIntentEvent = z.strictObject({
  kind: z.literal('exit_intent'),
  eventId: Id,
  visitId: Id,
  at: Timestamp,
});

export const ContentEvent = z.discriminatedUnion('kind', [VisitStartEvent, VisitLeaveEvent, VisitRetagEvent, SignalEvent, ResponseEvent, ExitIntentEvent]);

/** A survey to show in the page, with its wording resolved, so the in-page card needs no survey logic. */
export const PromptSpec = z.strictObject({
  surveyId: Id,
  instrument: Instrument,
  trigger: TriggerKind,
  signalId: Id.nullable(),
  question: z.string().min(1).max(500),
  options: z.array(z.strictObject({ value: z.number().int(), label: z.string().max(100), symbol: z.string().max(8).nullable() })).max(11),
  lowLabel: z.string().max(100),
  highLabel: z.string().max(100),
});
export type PromptSpec = z.infer<typeof PromptSpec>;
export type ContentEvent = z.infer<typeof ContentEvent>;

/**
 * A page's events, checked one by one: those the schema refuses are dropped — their ids are still acknowledged,
 * so the page forgets them rather than sending them for ever — and never cost the others their write.
 */
export function eachEvent(events: readonly unknown[]): { valid: ContentEvent[]; dropped: string[] } {
  const valid: ContentEvent[] = [];
  const dropped: string[] = [];
  for (const event of events) {
    const parsed = ContentEvent.safeParse(event);
    if (parsed.success) valid.push(parsed.data);
    else {
      const id = (event as { eventId?: unknown } | null)?.eventId;
      if (typeof id === 'string') dropped.push(id.slice(0, 100));
    }
  }
  return { valid, dropped };
}

const ViewportRect = z.strictObject({ x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() });
export type ViewportRect = z.infer<typeof ViewportRect>;

/**
 * A feedback report as the page files it. The background adds the screenshot of the visible tab (with the
 * element outlined and the masked areas painted over) before storing it.
 */
export const FeedbackSubmission = z.strictObject({
  report: FeedbackReport.omit({ screenshotId: true, status: true, updatedAt: true }),
  /** The chosen element, in CSS pixels of the viewport. */
  elementRect: ViewportRect.nullable(),
  /** Form fields and [data-jl-mask] areas to paint over (when "mask form fields" is ticked). */
  maskRects: z.array(ViewportRect).max(500),
});
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;

/** How the picker and the forms name the chosen element: its tag and a short name (never a field's value). */
export const TargetLabel = z.strictObject({ tag: z.string().max(100), name: z.string().max(200).nullable() });
export type TargetLabel = z.infer<typeof TargetLabel>;

/** What the note form collects; the content side adds the anchor and the journey context. */
export const AnnotationDraft = z.strictObject({
  type: AnnotationType,
  text: Text,
  emotion: Emotion.nullable(),
  /** Shown on every page of the touchpoint, not only this one: the person's explicit choice. */
  everyPage: z.boolean(),
});
export type AnnotationDraft = z.infer<typeof AnnotationDraft>;

export const FeedbackDraft = z.strictObject({
  text: Text,
  severity: FeedbackReport.shape.severity,
  /** Paint every form field over in the screenshot (sensitive fields and [data-jl-mask] always are). */
  maskFields: z.boolean(),
});
export type FeedbackDraft = z.infer<typeof FeedbackDraft>;

/**
 * What a compose surface (the side panel, else a small extension window: ui/compose) shows for a form the page
 * asked for: the researcher types there, never in the page, so the page hears no key and finds no word (PRODUCT.md §5).
 */
export const ComposeContext = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('note'), target: TargetLabel.nullable(), initial: AnnotationDraft.nullable() }),
  z.strictObject({ kind: z.literal('report'), target: TargetLabel.nullable(), initial: FeedbackDraft.nullable(), error: z.string().max(2000).nullable() }),
  z.strictObject({ kind: z.literal('survey'), prompt: PromptSpec }),
]);
export type ComposeContext = z.infer<typeof ComposeContext>;

/** What the compose surface sends back; null when it was cancelled or dismissed. */
export const ComposeResult = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('note'), draft: AnnotationDraft }),
    z.strictObject({ kind: z.literal('report'), draft: FeedbackDraft }),
    z.strictObject({ kind: z.literal('survey'), answer: z.strictObject({ value: z.number().int().nullable(), text: z.string().max(5000).nullable() }).nullable() }),
  ])
  .nullable();
export type ComposeResult = z.infer<typeof ComposeResult>;

/** What a page left in the session outbox (core/outbox.ts), checked like the message it stands for. */
export const OutboxEntry = z.strictObject({ tabId: z.int().nonnegative(), url: PageUrl, events: z.array(z.unknown()).max(5000) });

/** The observer's parts shown only when needed (content/on-demand.ts), by their built file's stem. */
export const OnDemandPart = z.enum(['page-notes', 'show-survey']);
export type OnDemandPart = z.infer<typeof OnDemandPart>;

export const ContentRequest = z.discriminatedUnion('type', [
  /** `visit`: only in the first hello of an observer the page loaded itself (not one the worker injected later). */
  z.strictObject({ type: z.literal('content.hello'), url: PageUrl, visit: VisitProposal.optional() }),
  /** `queued`: every event the page holds, this batch included, so a failing store can say how many wait. */
  /** Each event is checked on its own by the worker (`eachEvent`). */
  z.strictObject({ type: z.literal('content.events'), events: z.array(z.unknown()).min(1).max(500), queued: z.number().int().min(1).max(10_000_000) }),
  /** Notes are made with or without a running session, so they travel on their own, not in the visit queue. */
  z.strictObject({ type: z.literal('content.annotations'), studyId: Id, pageKey: z.string().max(1000) }),
  z.strictObject({ type: z.literal('content.annotation.save'), annotation: Annotation }),
  z.strictObject({ type: z.literal('content.annotation.delete'), id: Id }),
  /** An orphaned note attached to the element the person picked for it again. */
  z.strictObject({ type: z.literal('content.annotation.reattach'), id: Id, anchor: Anchor }),
  /** Re-anchoring on this page found (or lost) these notes. */
  z.strictObject({ type: z.literal('content.annotation.anchored'), results: z.array(z.strictObject({ id: Id, orphaned: z.boolean() })).max(500) }),
  z.strictObject({ type: z.literal('content.feedback'), submission: FeedbackSubmission }),
  /** The worker injects an on-demand part into the asking observer's world: pages can fetch none of our files. */
  z.strictObject({ type: z.literal('content.part'), part: OnDemandPart }),
  /**
   * A form (`id`) waits in the page to be written in the side panel: the worker opens the panel at once, while the
   * click that asked for it still counts as the person's gesture, else a small extension window.
   */
  z.strictObject({ type: z.literal('content.compose.open'), id: Id }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const UiRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ui.overview') }),
  z.strictObject({ type: z.literal('ui.study.save'), study: Study }),
  z.strictObject({ type: z.literal('ui.study.delete'), studyId: Id }),
  z.strictObject({ type: z.literal('ui.study.export'), studyId: Id }),
  z.strictObject({
    type: z.literal('ui.map'),
    studyId: Id,
    filter: z.strictObject({
      personaIds: z.array(Id).max(100).optional(),
      sessionIds: z.array(Id).max(1000).optional(),
      from: Timestamp.optional(),
      to: Timestamp.optional(),
    }),
  }),
  z.strictObject({ type: z.literal('ui.offsite.save'), touchpoint: OffsiteTouchpoint }),
  z.strictObject({ type: z.literal('ui.offsite.delete'), id: Id }),
  /** An import file's text: checked and planned (preview), or applied whole. 50 MB is a very long study. */
  z.strictObject({ type: z.literal('ui.import.preview'), text: z.string().max(50_000_000) }),
  z.strictObject({ type: z.literal('ui.import.apply'), text: z.string().max(50_000_000) }),
  z.strictObject({ type: z.literal('ui.persona.save'), persona: Persona }),
  z.strictObject({ type: z.literal('ui.persona.delete'), personaId: Id }),
  z.strictObject({
    type: z.literal('ui.session.start'),
    studyId: Id,
    personaId: Id.nullable(),
    goal: Text,
    role: Role,
  }),
  z.strictObject({
    type: z.literal('ui.session.stop'),
    outcome: Outcome,
    /** The answer to the end-of-session survey the popup showed, or its dismissal. */
    answer: z.strictObject({ surveyId: Id, value: z.number().int().nullable(), text: z.string().max(5000).nullable(), dismissed: z.boolean() }).nullable().default(null),
    /** The tab the popup was opened on: the session stops at its page (core/journey/goal.ts `visitWhereStopped`). */
    tabId: z.number().int().optional(),
  }),
  z.strictObject({ type: z.literal('ui.session.endPrompt'), tabId: z.number().int().optional() }),
  z.strictObject({ type: z.literal('ui.survey.ask'), tabId: z.number().int() }),
  /** `note`: an orphaned note of this page, re-attached to the element picked. */
  z.strictObject({ type: z.literal('ui.pick'), tabId: z.number().int(), mode: z.enum(['annotate', 'feedback']), note: Id.optional() }),
  z.strictObject({ type: z.literal('ui.feedback.list'), studyId: Id }),
  z.strictObject({ type: z.literal('ui.feedback.screenshot'), id: Id }),
  z.strictObject({ type: z.literal('ui.feedback.delete'), id: Id }),
  /** A report's text, severity and status, edited in the Feedback tab. */
  z.strictObject({ type: z.literal('ui.feedback.update'), id: Id, edit: FeedbackEdit }),
  z.strictObject({ type: z.literal('ui.tracker.get') }),
  z.strictObject({ type: z.literal('ui.tracker.set'), tracker: IssueTracker }),
  z.strictObject({ type: z.literal('ui.session.visits'), sessionId: Id }),
  z.strictObject({ type: z.literal('ui.study.sessions'), studyId: Id }),
  z.strictObject({ type: z.literal('ui.tab.state'), tabId: z.number().int() }),
  z.strictObject({ type: z.literal('ui.page.tag'), tabId: z.number().int(), studyId: Id, stageId: Id }),
  /** Tags an untagged touchpoint of the map: a path rule for its page key, then its visits move (core/journey/retag.ts). */
  z.strictObject({ type: z.literal('ui.touchpoint.tag'), studyId: Id, pageKey: z.string().min(1).max(1000), stageId: Id }),
  z.strictObject({ type: z.literal('ui.store.health') }),
  z.strictObject({ type: z.literal('ui.retention.get') }),
  /** What `retention` would remove now; nothing is saved or removed. */
  z.strictObject({ type: z.literal('ui.retention.preview'), retention: Retention }),
  /** Saves `retention` and removes what falls outside it. */
  z.strictObject({ type: z.literal('ui.retention.apply'), retention: Retention }),
  /** "Show me": outline the element signal `signalId` names in the page in tab `tabId`. */
  z.strictObject({ type: z.literal('ui.signal.show'), tabId: z.number().int(), signalId: Id }),
  /** The form the page in tab `tabId` waits to have written, if any (the side panel asks as it follows the tab). */
  z.strictObject({ type: z.literal('ui.compose.pending'), tabId: z.number().int() }),
  /** A compose window asks what its form (`id`, in its address) shows, then hands in what was written. */
  z.strictObject({ type: z.literal('ui.compose.open'), tabId: z.number().int(), id: Id }),
  z.strictObject({ type: z.literal('ui.compose.submit'), tabId: z.number().int(), id: Id, result: ComposeResult }),
  z.strictObject({ type: z.literal('ui.sync.get'), studyId: Id }),
  z.strictObject({ type: z.literal('ui.sync.lines') }),
  z.strictObject({ type: z.literal('ui.sync.enable'), settings: SyncSettings }),
  z.strictObject({ type: z.literal('ui.sync.disable'), studyId: Id }),
  z.strictObject({ type: z.literal('ui.sync.join'), settings: SyncSettings.omit({ studyId: true }) }),
  z.strictObject({ type: z.literal('ui.sync.resolve'), studyId: Id, docId: z.string().max(200), rev: z.string().max(200) }),
]);
export type UiRequest = z.infer<typeof UiRequest>;

/** Messages the background sends to a tab's content script. */
export const TabMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab.describe') }),
  z.strictObject({ type: z.literal('tab.refresh') }),
  z.strictObject({ type: z.literal('tab.prompt'), prompt: PromptSpec }),
  /** Start picking an element to annotate or report on; `context` means the one right-clicked just now. */
  z.strictObject({ type: z.literal('tab.pick'), mode: z.enum(['annotate', 'feedback']), target: z.enum(['pick', 'context']), note: Id.optional() }),
  /** Relayed from a compose surface: what form `id` shows (null once it is gone), and what was written in it. */
  z.strictObject({ type: z.literal('tab.compose.open'), id: Id }),
  z.strictObject({ type: z.literal('tab.compose.submit'), id: Id, result: ComposeResult }),
]);
export type TabMessage = z.infer<typeof TabMessage>;
