import type { FeedbackReport } from '../records/feedback';
import type { Retention } from '../records/retention';
import type { Session } from '../records/session';

const DAY_MS = 86_400_000;

/** Records older than this fall outside the day window; null when there is none. */
export function retentionCutoff(retention: Retention, now: number): number | null {
  return retention.days === null ? null : now - retention.days * DAY_MS;
}

/** When a session last recorded anything: its end, or its start for one that never ended (a crash, an import). */
const lastActivity = (session: Session) => session.endedAt ?? session.startedAt;

/**
 * The sessions that fall outside the retention window. The running session never does, and it counts as the
 * most recent of its study: "keep 3" keeps it and the two before it.
 */
export function expiredSessions(sessions: readonly Session[], retention: Retention, now: number, runningId: string | null): Session[] {
  const expired = new Set<string>();
  const cutoff = retentionCutoff(retention, now);
  if (cutoff !== null) for (const session of sessions) if (lastActivity(session) < cutoff) expired.add(session.id);
  if (retention.sessionsPerStudy !== null) {
    const byStudy = new Map<string, Session[]>();
    for (const session of sessions) byStudy.set(session.studyId, [...(byStudy.get(session.studyId) ?? []), session]);
    for (const studySessions of byStudy.values()) {
      const newestFirst = studySessions.toSorted((a, b) => (a.id === runningId ? -1 : b.id === runningId ? 1 : b.startedAt - a.startedAt));
      for (const session of newestFirst.slice(retention.sessionsPerStudy)) expired.add(session.id);
    }
  }
  expired.delete(runningId ?? '');
  return sessions.filter((session) => expired.has(session.id));
}

/** Feedback that goes: filed in an expired session, or outside any session before the day window. */
export function expiredFeedback(reports: readonly FeedbackReport[], expiredSessionIds: ReadonlySet<string>, cutoff: number | null): FeedbackReport[] {
  return reports.filter((report) =>
    report.sessionId === null ? cutoff !== null && report.createdAt < cutoff : expiredSessionIds.has(report.sessionId),
  );
}
