import { Retention, RETENTION_OFF } from '../core/records/retention';
import { expiredFeedback, expiredSessions, retentionCutoff } from '../core/retention/expired';
import type { RetentionPreview } from '../core/replies';
import type { Db } from './store/schema';
import { ACTIVE_SESSION, deleteRecorded, RETENTION, type Removal } from './store/records';
import { sessionRange } from './recording/journey-signals';

export async function readRetention(db: Db): Promise<Retention> {
  const parsed = Retention.safeParse(await db.get('meta', RETENTION));
  return parsed.success ? parsed.data : RETENTION_OFF;
}

/** What `retention` would remove now, and the counts the person sees before confirming. */
export async function retentionPlan(db: Db, retention: Retention, now: number): Promise<{ removal: Removal; preview: RetentionPreview }> {
  const running = ((await db.get('meta', ACTIVE_SESSION)) as string | undefined) ?? null;
  const sessions = expiredSessions(await db.getAll('sessions'), retention, now, running);
  const sessionIds = new Set(sessions.map((session) => session.id));
  const feedback = expiredFeedback(await db.getAll('feedback'), sessionIds, retentionCutoff(retention, now));
  const preview: RetentionPreview = { sessions: sessions.length, visits: 0, signals: 0, responses: 0, feedback: feedback.length, notesKept: 0, from: null, to: null };
  for (const id of sessionIds) {
    preview.visits += await db.countFromIndex('visits', 'bySession', sessionRange(id));
    preview.signals += await db.countFromIndex('signals', 'bySession', id);
    preview.responses += await db.countFromIndex('responses', 'bySession', id);
  }
  if (sessionIds.size) preview.notesKept = (await db.getAll('annotations')).filter((note) => note.sessionId !== null && sessionIds.has(note.sessionId)).length;
  const times = [...sessions.flatMap((s) => [s.startedAt, s.endedAt ?? s.startedAt]), ...feedback.map((report) => report.createdAt)];
  if (times.length) [preview.from, preview.to] = [Math.min(...times), Math.max(...times)];
  return { removal: { sessionIds: [...sessionIds], feedbackIds: feedback.map((report) => report.id) }, preview };
}

/** Removes what falls outside `retention` now; returns what it removed. */
export async function applyRetention(db: Db, retention: Retention, now: number): Promise<RetentionPreview> {
  const { removal, preview } = await retentionPlan(db, retention, now);
  if (removal.sessionIds.length || removal.feedbackIds.length) await deleteRecorded(db, removal);
  return preview;
}

/** The saved setting, applied: on worker start and after a session ends. Off (the default) reads nothing more. */
export async function enforceRetention(db: Db, now: number): Promise<RetentionPreview | null> {
  const retention = await readRetention(db);
  if (retention.days === null && retention.sessionsPerStudy === null) return null;
  return applyRetention(db, retention, now);
}
