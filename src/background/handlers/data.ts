import type { UiRequest } from '../../core/messages';
import type { UiReplies } from '../../core/replies';
import { deleteFeedback, feedbackScreenshot, readTracker, saveTracker, studyFeedback, updateFeedback } from '../store/feedback';
import type { HandlerTable } from '../handler';
import { applyRetention, readRetention, retentionPlan } from '../retention';
import { saveRetention } from '../store/records';

type DataRequests = Extract<
  UiRequest,
  { type: 'ui.feedback.list' | 'ui.feedback.screenshot' | 'ui.feedback.delete' | 'ui.feedback.update' | 'ui.tracker.get' | 'ui.tracker.set' | 'ui.store.health' | 'ui.retention.get' | 'ui.retention.preview' | 'ui.retention.apply' }
>;

/** Feedback reports, the store's health and how long data is kept. */
export const DATA_HANDLERS: HandlerTable<DataRequests, UiReplies> = {
  'ui.feedback.list': { effect: 'reads', run: async (request, { db }) => studyFeedback(await db(), request.studyId) },
  'ui.feedback.update': { effect: 'changes', run: async (request, { db, deps }) => updateFeedback(await db(), request.id, request.edit, deps.now()) },
  'ui.tracker.get': { effect: 'reads', run: async (_request, { db }) => readTracker(await db()) },
  'ui.tracker.set': { effect: 'changes', run: async (request, { db }) => saveTracker(await db(), request.tracker) },
  'ui.feedback.screenshot': { effect: 'reads', run: async (request, { db }) => feedbackScreenshot(await db(), request.id) },
  'ui.feedback.delete': {
    effect: 'changes',
    async run(request, { db }) {
      await deleteFeedback(await db(), request.id);
      return null;
    },
  },
  // Answered without the database: it may be what fails to open.
  'ui.store.health': { effect: 'reads', beforeJournal: true, run: (_request, { deps }) => deps.health.get() },
  'ui.retention.get': { effect: 'reads', run: async (_request, { db }) => readRetention(await db()) },
  'ui.retention.preview': { effect: 'reads', run: async (request, { db, deps }) => (await retentionPlan(await db(), request.retention, deps.now())).preview },
  'ui.retention.apply': {
    effect: 'adds',
    async run(request, { db: open, deps }) {
      const db = await open();
      await saveRetention(db, request.retention);
      return applyRetention(db, request.retention, deps.now());
    },
  },
};
