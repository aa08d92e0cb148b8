import { z } from 'zod';
import { ContentRequest, OutboxEntry, UiRequest, type PromptSpec } from '../core/messages';
import type { ContentReplies, Issue, PageDescription, Reply, UiReplies } from '../core/replies';
import type { Study } from '../core/records/study';
import { Study as StudySchema } from '../core/records/study';
import { inScope } from '../core/journey/scope';
import { storableUrl } from '../core/journey/route';
import { ruleForPage } from '../core/journey/stage-match';
import { newId } from '../core/records/common';
import { UserError } from './errors';
import { overview, sessionSummary, sessionVisits, studyRecords, studySessions, visitSignalCounts } from './queries';
import type { Db } from './schema';
import { sameOrigin, senderKind, type SenderFacts } from './sender';
import * as store from './store';
import { applyContentEvents } from './content-events';
import { applyJournal, applyJournalSoon, journalBatch } from './journal';
import { askNow, endOfSessionPrompt, storeEndOfSessionAnswer } from './session-surveys';
import { promptFor } from './prompts';
import { cachedJourneyMap, forgetMaps, touchpointHealthOf } from './map-cache';
import { applyImport, previewImport } from './import';
import { deleteAnnotation, markAnchored, notedPages, pageAnnotations, saveAnnotation } from './annotations';
import { deleteFeedback, feedbackScreenshot, fileFeedback } from './feedback';
import { storeFailureOf, type StoreHealthLog } from './store-health';
import { applyRetention, enforceRetention, readRetention, retentionPlan } from './retention';

/** What the router needs from the browser; index.ts binds it, tests pass fakes. */
export interface RouterDeps {
  db: () => Promise<Db>;
  now: () => number;
  extension: { id: string; origin: string };
  describeTab: (tabId: number) => Promise<PageDescription | null>;
  tabUrl: (tabId: number) => Promise<string | null>;
  /** The extension's messages in the user's language, for survey wording. */
  translate: (key: string) => string;
  /** Starts the element picker on the page in a tab (annotate or report). */
  startPick: (tabId: number, mode: 'annotate' | 'feedback') => Promise<boolean>;
  /** A PNG of what the tab shows now, or null when this tab may not be captured. */
  captureTab: (tabId: number) => Promise<Blob | null>;
  /** Puts a survey card on the page in a tab. */
  showPrompt: (tabId: number, prompt: PromptSpec) => Promise<boolean>;
  /** Studies, or the running session, changed: observers follow the scopes, and open pages ask again. */
  studiesChanged: (studies: Study[]) => Promise<void>;
  /** Failed writes, for the popup to tell; cleared by the next write that works. */
  health: StoreHealthLog;
}

function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(message)', message: issue.message }));
}

function refuse(error: string, issues?: Issue[]): Reply<never> {
  return issues ? { ok: false, error, issues } : { ok: false, error };
}

/** Requests that never change what a journey map shows; any other may, and drops the cached maps. */
const READ_ONLY = new Set<string>([
  'content.hello',
  'content.annotations',
  'ui.overview',
  'ui.tab.state',
  'ui.session.visits',
  'ui.study.sessions',
  'ui.session.endPrompt',
  'ui.study.export',
  'ui.map',
  'ui.feedback.list',
  'ui.feedback.screenshot',
  'ui.import.preview',
  'ui.store.health',
  'ui.retention.get',
  'ui.retention.preview',
]);

/** Requests that always add to the store: one that works shows the store takes writes again. */
const WRITES = new Set<string>([
  'content.events',
  'content.annotation.save',
  'content.feedback',
  'ui.study.save',
  'ui.persona.save',
  'ui.offsite.save',
  'ui.session.start',
  'ui.session.stop',
  'ui.page.tag',
  'ui.retention.apply',
]);

/** Requests answered before the acknowledged events are applied: the acknowledgement itself, and the health. */
const WITHOUT_JOURNAL = new Set<string>(['content.events', 'ui.store.health']);

/**
 * Applies the acknowledged batches (journal.ts); the surveys their moments call for are put on their tabs' pages,
 * as the page's reply no longer carries them (it is sent before the batch is applied).
 */
export function applyAcknowledged(deps: RouterDeps): Promise<void> {
  return applyJournal(deps.db, async (tabId, moments) => {
    forgetMaps();
    const prompt = await promptFor(await deps.db(), moments, deps.now(), deps.translate);
    if (prompt) void deps.showPrompt(tabId, prompt);
  });
}

/**
 * Everything but an acknowledgement waits for the acknowledged events, so it neither misses nor overtakes one. A
 * read goes on with what is applied when the store is too full to apply more: the popup must still say so.
 */
async function appliedFirst(readOnly: boolean, deps: RouterDeps): Promise<void> {
  try {
    await applyAcknowledged(deps);
  } catch (error) {
    if (!readOnly || storeFailureOf(error) !== 'quota') throw error;
    console.warn('[Journey Lens] acknowledged events not applied yet:', error);
  }
}

/** Said wherever a write failed (popup, options page, in-page forms), with what the person can do. */
const FAILURE_TEXT = { quota: 'storeFailedQuota', aborted: 'storeFailedOther', unknown: 'storeFailedOther', unavailable: 'storeFailedOther' } as const;

/** Validates who is asking and what, then answers. Anything that fails a check is refused before any write. */
export async function handleMessage(message: unknown, sender: SenderFacts, deps: RouterDeps): Promise<Reply<unknown>> {
  const kind = senderKind(sender, deps.extension.id, deps.extension.origin);
  if (!kind) return refuse('Unknown sender');
  const schema = kind === 'ui' ? UiRequest : ContentRequest;
  const parsed = schema.safeParse(message);
  if (!parsed.success) return refuse('Malformed message', issuesOf(parsed.error));
  const request = parsed.data;
  if (!READ_ONLY.has(request.type)) forgetMaps();
  try {
    if (!WITHOUT_JOURNAL.has(request.type)) await appliedFirst(READ_ONLY.has(request.type), deps);
    const data =
      kind === 'ui'
        ? await handleUi(request as UiRequest, deps)
        : await handleContent(request as ContentRequest, sender as Required<SenderFacts> & { tab: { id: number } }, deps);
    if (WRITES.has(request.type)) await deps.health.succeeded();
    return { ok: true, data };
  } catch (error) {
    if (error instanceof UserError) return refuse(error.message);
    if (error instanceof z.ZodError) return refuse('Invalid data', issuesOf(error));
    const failure = storeFailureOf(error);
    if (!failure) throw error;
    // Not a refusal: the page keeps its events and sends them again; the popup says why nothing is saved.
    const page = request.type === 'content.events' && sender.tab?.id !== undefined ? { tabId: sender.tab.id, queued: request.queued } : undefined;
    await deps.health.failed(failure, deps.now(), page);
    console.warn('[Journey Lens] write failed:', failure, error);
    return { ok: false, error: deps.translate(FAILURE_TEXT[failure]), storeFailure: failure };
  }
}

async function studyForUrl(db: Db, url: string): Promise<Study | null> {
  const studies = await db.getAll('studies');
  return studies.find((study) => inScope(url, study.scope)) ?? null;
}

async function handleContent(
  request: ContentRequest,
  sender: { url: string; tab: { id: number } },
  deps: RouterDeps,
): Promise<ContentReplies[ContentRequest['type']]> {
  const db = await deps.db();
  if (request.type === 'content.hello') {
    if (!sameOrigin(request.url, sender.url)) throw new UserError('The page may only speak of itself');
    const study = await studyForUrl(db, request.url);
    if (!study) return { study: null, session: null, tabId: sender.tab.id, openVisit: null, notedPages: [] };
    const active = await store.activeSession(db);
    const session = active?.studyId === study.id ? active : null;
    const { id, scope, stages, rules, settings, goalStageId } = study;
    return {
      study: { id, scope, stages, rules, settings, goalStageId },
      session: session && { id: session.id, startedAt: session.startedAt, role: session.role },
      tabId: sender.tab.id,
      openVisit: session && (await store.openVisitIn(db, session.id, sender.tab.id, storableUrl(request.url))),
      notedPages: await notedPages(db, study.id),
    };
  }
  switch (request.type) {
    case 'content.annotations':
      return pageAnnotations(db, request.studyId, request.pageKey, sender.url);
    case 'content.annotation.save':
      return saveAnnotation(db, request.annotation, sender.url, deps.now());
    case 'content.annotation.delete':
      await deleteAnnotation(db, request.id, sender.url);
      return null;
    case 'content.annotation.anchored':
      await markAnchored(db, request.results, sender.url);
      return null;
    case 'content.feedback':
      return fileFeedback(db, request.submission, sender.url, () => deps.captureTab(sender.tab.id));
    case 'content.events':
      return recordEvents(db, request.events, sender, deps);
  }
}

type PageEvents = Extract<ContentRequest, { type: 'content.events' }>['events'];

/** Acknowledges a batch once it is in the journal; it is applied (and its surveys decided) soon after. */
async function recordEvents(db: Db, events: PageEvents, sender: { url: string; tab: { id: number } }, deps: RouterDeps) {
  await checkScope(db, events, sender);
  await journalBatch(db, sender.tab.id, events);
  applyJournalSoon(() =>
    applyAcknowledged(deps).catch(async (error: unknown) => {
      const failure = storeFailureOf(error);
      if (failure) await deps.health.failed(failure, deps.now());
      console.warn('[Journey Lens] acknowledged events not applied yet:', error);
    }),
  );
  return { acked: events.map((event) => event.eventId) };
}

/** A page writes only visits of its own origin that lie in the scope of the study it records for. */
async function checkScope(db: Db, events: PageEvents, sender: { url: string }): Promise<void> {
  const starts = events.filter((event) => event.kind === 'visit.start');
  // Read only when needed: a running apply holds 'studies', and a burst of signals need not wait for it.
  if (!starts.length) return;
  const studies = new Map((await db.getAll('studies')).map((s) => [s.id, s]));
  for (const event of starts) {
    const study = studies.get(event.visit.studyId);
    if (!study || !inScope(event.visit.url, study.scope) || !sameOrigin(event.visit.url, sender.url)) {
      throw new UserError('A visit outside its study’s scope was refused');
    }
  }
}

/**
 * Applies what a page left in the session outbox as its last message would have been (same checks, the entry's
 * tab and URL standing for the sender), without a survey: the page is gone. Returns the tab, or null when the
 * entry is malformed or refused, to be forgotten like a refused batch.
 */
export async function applyOutboxEntry(entry: unknown, deps: RouterDeps): Promise<number | null> {
  const parsed = OutboxEntry.safeParse(entry);
  if (!parsed.success) return null;
  const { tabId, url, events } = parsed.data;
  // The page's last message comes after what it sent before: those are applied first.
  await applyAcknowledged(deps);
  const db = await deps.db();
  try {
    await checkScope(db, events, { url });
    await applyContentEvents(db, events, tabId);
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
  return tabId;
}

async function handleUi(request: UiRequest, deps: RouterDeps): Promise<UiReplies[UiRequest['type']]> {
  // Answered without the database: it may be what fails to open.
  if (request.type === 'ui.store.health') return deps.health.get();
  const db = await deps.db();
  switch (request.type) {
    case 'ui.overview':
      return overview(db);
    case 'ui.study.save': {
      const saved = await store.saveStudy(db, { ...request.study, updatedAt: deps.now() });
      await deps.studiesChanged(await db.getAll('studies'));
      return saved;
    }
    case 'ui.study.delete':
      await store.deleteStudy(db, request.studyId);
      await deps.studiesChanged(await db.getAll('studies'));
      return null;
    case 'ui.study.export': {
      const file = await studyRecords(db, request.studyId, deps.now());
      if (!file) throw new UserError('That study no longer exists.');
      return file;
    }
    case 'ui.map': {
      const map = await cachedJourneyMap(db, request.studyId, request.filter);
      if (!map) throw new UserError('That study no longer exists.');
      return map;
    }
    case 'ui.offsite.save': {
      if (!(await db.get('studies', request.touchpoint.studyId))) throw new UserError('That study no longer exists.');
      await db.put('offsite', request.touchpoint);
      return request.touchpoint;
    }
    case 'ui.offsite.delete':
      await db.delete('offsite', request.id);
      return null;
    case 'ui.import.preview':
      return previewImport(db, request.text);
    case 'ui.import.apply': {
      const result = await applyImport(db, request.text);
      if (result.ok) await deps.studiesChanged(await db.getAll('studies'));
      return result;
    }
    case 'ui.persona.save':
      return store.savePersona(db, { ...request.persona, updatedAt: deps.now() });
    case 'ui.persona.delete':
      await store.deletePersona(db, request.personaId);
      return null;
    case 'ui.session.start': {
      const { type: _type, ...start } = request;
      const session = await store.startSession(db, start, deps.now());
      await deps.studiesChanged(await db.getAll('studies'));
      return session;
    }
    case 'ui.survey.ask':
      return askNow(db, request.tabId, deps);
    case 'ui.pick':
      return { started: await deps.startPick(request.tabId, request.mode) };
    case 'ui.feedback.list':
      return (await db.getAllFromIndex('feedback', 'byStudy', request.studyId)).sort((a, b) => b.createdAt - a.createdAt);
    case 'ui.feedback.screenshot':
      return feedbackScreenshot(db, request.id);
    case 'ui.feedback.delete':
      await deleteFeedback(db, request.id);
      return null;
    case 'ui.session.endPrompt':
      return endOfSessionPrompt(db, deps);
    case 'ui.session.stop': {
      if (request.answer) await storeEndOfSessionAnswer(db, request.answer, deps.now());
      const session = await store.stopSession(db, request.outcome, deps.now());
      await deps.studiesChanged(await db.getAll('studies'));
      // A finished session may push an older one past "keep the last N sessions". The stop stands if this fails:
      // the next worker start applies it again.
      await enforceRetention(db, deps.now()).catch((error: unknown) => console.warn('[Journey Lens] retention not applied:', error));
      return session;
    }
    case 'ui.session.visits':
      return sessionVisits(db, request.sessionId);
    case 'ui.study.sessions':
      return studySessions(db, request.studyId);
    case 'ui.tab.state': {
      const url = await deps.tabUrl(request.tabId);
      const study = url ? await studyForUrl(db, url) : null;
      const page = study ? await deps.describeTab(request.tabId) : null;
      const session = await store.activeSession(db);
      return {
        url,
        study,
        page,
        active: session && (await sessionSummary(db, session)),
        visitSignalCounts: page?.visitId ? await visitSignalCounts(db, page.visitId) : {},
        orphans: study ? (await db.getAllFromIndex('annotations', 'byStudy', study.id)).filter((a) => a.orphaned) : [],
        touchpointHealth: study && page ? await touchpointHealthOf(db, study.id, page.stageId, page.pageKey) : null,
      };
    }
    case 'ui.page.tag':
      return tagPage(db, request, deps);
    case 'ui.retention.get':
      return readRetention(db);
    case 'ui.retention.preview':
      return (await retentionPlan(db, request.retention, deps.now())).preview;
    case 'ui.retention.apply':
      await store.saveRetention(db, request.retention);
      return applyRetention(db, request.retention, deps.now());
  }
}

/** "Tag this page as …": a path rule for exactly this page, added last so existing rules keep their say. */
async function tagPage(db: Db, request: { tabId: number; studyId: string; stageId: string }, deps: RouterDeps): Promise<Study> {
  const [study, url] = await Promise.all([db.get('studies', request.studyId), deps.tabUrl(request.tabId)]);
  if (!study) throw new UserError('That study no longer exists.');
  if (!url || !inScope(url, study.scope)) throw new UserError('This page is not in the study’s scope.');
  const rule = { id: newId(), stageId: request.stageId, ...ruleForPage(url), keepQuery: false };
  const updated = StudySchema.parse({ ...study, rules: [...study.rules, rule], updatedAt: deps.now() });
  await store.saveStudy(db, updated);
  await deps.studiesChanged(await db.getAll('studies'));
  return updated;
}
