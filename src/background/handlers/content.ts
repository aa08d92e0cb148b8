import type { ContentRequest } from '../../core/messages';
import type { ContentReplies } from '../../core/replies';
import { storableUrl } from '../../core/journey/route';
import { scopeExpressions } from '../../core/journey/scope';
import { pageRules } from '../../core/journey/stage-match';
import { deleteAnnotation, markAnchored, reattachAnnotation, notedPages, pageAnnotations, saveAnnotation } from '../store/annotations';
import { UserError } from '../errors';
import { fileFeedback } from '../store/feedback';
import type { HandlerContext, HandlerTable, PageSender } from '../handler';
import { recordEvents } from '../recording/ingest';
import { startProposedVisit } from '../recording/proposed-visit';
import { studyForUrl } from '../store/queries';
import { sameOrigin } from '../sender';
import { activeSession, openVisitIn } from '../store/records';

export type ContentContext = HandlerContext & { sender: PageSender };

/** What a page's content script may ask; the sender is its own tab and URL, never what the message claims. */
export const CONTENT_HANDLERS: HandlerTable<ContentRequest, ContentReplies, ContentContext> = {
  'content.hello': {
    effect: 'reads',
    // Answered at once, not after the acknowledged events are applied (a burst of tabs can take seconds, and a page
    // that has not been answered records nothing): what it reads is not journaled, but the open visit, which
    // openVisitIn also looks for in the journal. The visit it starts is journaled like a page's batch.
    beforeJournal: true,
    async run(request, { db: open, sender, deps }) {
      if (!sameOrigin(request.url, sender.url)) throw new UserError('errorPageOtherOrigin');
      const db = await open();
      const study = await studyForUrl(db, request.url);
      if (!study) return { study: null, session: null, tabId: sender.tabId, openVisit: null, started: null, notedPages: [] };
      const active = await activeSession(db);
      const session = active?.studyId === study.id ? active : null;
      const { id, scope, stages, rules, settings, goalStageId } = study;
      const openVisit = session && (await openVisitIn(db, session.id, sender.tabId, storableUrl(request.url)));
      const started = session && request.visit ? await startProposedVisit(db, request.url, request.visit, study, session, sender, openVisit, deps) : null;
      return {
        study: { id, scopeExpressions: scopeExpressions(scope), stages, rules: pageRules(rules), settings, goalStageId },
        session: session && { id: session.id, startedAt: session.startedAt, role: session.role, channel: await deps.handoverChannel(session.id) },
        tabId: sender.tabId,
        openVisit: started ? null : openVisit,
        started,
        notedPages: await notedPages(db, study.id),
      };
    },
  },
  'content.events': {
    effect: 'adds',
    beforeJournal: true,
    run: async (request, { db, sender, deps }) => recordEvents(await db(), request.events, sender, deps),
  },
  'content.annotations': {
    effect: 'reads',
    run: async (request, { db, sender }) => pageAnnotations(await db(), request.studyId, request.pageKey, sender.url),
  },
  'content.annotation.save': {
    effect: 'adds',
    run: async (request, { db, sender, deps }) => saveAnnotation(await db(), request.annotation, sender.url, deps.now()),
  },
  'content.annotation.delete': {
    effect: 'changes',
    async run(request, { db, sender }) {
      await deleteAnnotation(await db(), request.id, sender.url);
      return null;
    },
  },
  'content.annotation.reattach': {
    effect: 'changes',
    run: async (request, { db, sender, deps }) => reattachAnnotation(await db(), request.id, request.anchor, sender.url, deps.now()),
  },
  'content.annotation.anchored': {
    effect: 'changes',
    async run(request, { db, sender }) {
      await markAnchored(await db(), request.results, sender.url);
      return null;
    },
  },
  'content.feedback': {
    effect: 'adds',
    run: async (request, { db, sender, deps }) => fileFeedback(await db(), request.submission, sender.url, () => deps.captureTab(sender.tabId)),
  },
  // The worker injects an on-demand part into the asking observer's world: pages can fetch none of our files.
  'content.part': {
    effect: 'reads',
    beforeJournal: true,
    async run(request, { sender, deps }) {
      await deps.injectPart(sender.tabId, request.part);
      return null;
    },
  },
  'content.compose.open': {
    effect: 'reads',
    beforeJournal: true,
    run: async (request, { sender, deps }) => ({ in: await deps.showCompose(sender.tabId, request.id) }),
  },
};
