import type { UiRequest } from '../../core/messages';
import type { TabState, UiReplies } from '../../core/replies';
import type { HandlerContext, HandlerTable } from '../handler';
import { touchpointHealthOf } from '../map-cache';
import { overview, sessionSummary, sessionVisits, studyForUrl, studySessions, visitSignalCounts } from '../store/queries';
import { enforceRetention } from '../retention';
import { askNow, dismissUnansweredEndPrompt, endOfSessionPrompt, stopVisit, storeEndOfSessionAnswer } from '../session-surveys';
import { activeSession, startSession, stopSession } from '../store/records';
import { pageAnnotations } from '../store/annotations';
import { storableUrl } from '../../core/journey/route';
import type { Db } from '../store/schema';

type SessionRequests = Extract<
  UiRequest,
  {
    type: 'ui.overview' | 'ui.session.start' | 'ui.session.stop' | 'ui.session.endPrompt' | 'ui.session.visits' | 'ui.study.sessions' | 'ui.survey.ask' | 'ui.pick' | 'ui.tab.state' | 'ui.signal.show';
  }
>;

/** The walk: what the popup shows of it and asks of it. */
export const SESSION_HANDLERS: HandlerTable<SessionRequests, UiReplies> = {
  'ui.overview': { effect: 'reads', run: async (_request, { db }) => overview(await db()) },
  'ui.session.start': {
    effect: 'adds',
    async run({ type: _type, ...start }, { db: open, deps }) {
      const db = await open();
      const session = await startSession(db, start, deps.now());
      await deps.studiesChanged(await db.getAll('studies'));
      return session;
    },
  },
  'ui.session.stop': {
    effect: 'adds',
    async run(request, { db: open, deps }) {
      const db = await open();
      // The session stops at the page of the popup's tab: its answer and an "abandoned" exit belong there.
      const where = await stopVisit(db, request.tabId, deps);
      if (request.answer) await storeEndOfSessionAnswer(db, request.answer, where, deps.now());
      else await dismissUnansweredEndPrompt(db, where, deps.now());
      const session = await stopSession(db, request.outcome, deps.now(), where?.id ?? null);
      await deps.studiesChanged(await db.getAll('studies'));
      // A finished session may push an older one past "keep the last N sessions". The stop stands if this fails:
      // the next worker start applies it again.
      await enforceRetention(db, deps.now()).catch((error: unknown) => console.warn('[Journey Lens] retention not applied:', error));
      return session;
    },
  },
  // It remembers the prompt it returns as open (prompts.ts), which no map shows.
  'ui.session.endPrompt': { effect: 'reads', run: async (request, { db, deps }) => endOfSessionPrompt(await db(), request.tabId, deps) },
  'ui.session.visits': { effect: 'reads', run: async (request, { db }) => sessionVisits(await db(), request.sessionId) },
  'ui.study.sessions': { effect: 'reads', run: async (request, { db }) => studySessions(await db(), request.studyId) },
  'ui.survey.ask': { effect: 'changes', run: async (request, { db, deps }) => askNow(await db(), request.tabId, deps) },
  'ui.pick': { effect: 'changes', run: async (request, { deps }) => ({ started: await deps.startPick(request.tabId, request.mode, request.note) }) },
  'ui.tab.state': { effect: 'reads', run: (request, context) => tabState(request.tabId, context) },
  'ui.signal.show': {
    effect: 'reads',
    async run({ tabId, signalId }, { db, deps }) {
      const selector = (await (await db()).get('signals', signalId))?.element?.selector;
      return { shown: selector ? await deps.outlineInTab(tabId, selector) : false };
    },
  },
};

async function pageReports(db: Db, studyId: string, url: string): Promise<TabState['reports']> {
  const here = storableUrl(url);
  const reports = await db.getAllFromIndex('feedback', 'byStudy', studyId);
  return reports.filter((r) => r.url === here).map(({ id, text, severity, status, createdAt }) => ({ id, text, severity, status, createdAt }));
}

/** What the popup shows of the page in a tab: its study, stage, the running session and the page's health. */
async function tabState(tabId: number, { db: open, deps }: HandlerContext): Promise<TabState> {
  const db = await open();
  const url = await deps.tabUrl(tabId);
  const study = url ? await studyForUrl(db, url) : null;
  const page = study ? await deps.describeTab(tabId) : null;
  const session = await activeSession(db);
  return {
    url,
    study,
    page,
    active: session && (await sessionSummary(db, session)),
    visitSignalCounts: page?.visitId ? await visitSignalCounts(db, page.visitId) : {},
    notes: study && page && url ? (await pageAnnotations(db, study.id, page.pageKey, url)).sort((a, b) => a.createdAt - b.createdAt) : [],
    reports: study && url ? await pageReports(db, study.id, url) : [],
    orphans: study ? (await db.getAllFromIndex('annotations', 'byStudy', study.id)).filter((a) => a.orphaned) : [],
    touchpointHealth: study && page ? await touchpointHealthOf(db, study.id, page.stageId, page.pageKey) : null,
  };
}
