import { describe, expect, it } from 'vitest';
import { newId } from '../../src/core/records/common';
import type { FeedbackReport } from '../../src/core/records/feedback';
import { Retention, RETENTION_OFF } from '../../src/core/records/retention';
import type { Session } from '../../src/core/records/session';
import { expiredFeedback, expiredSessions, retentionCutoff } from '../../src/core/retention/expired';

const DAY = 86_400_000;
const NOW = 400 * DAY;
const studyA = newId();
const studyB = newId();

function session(studyId: string, startDay: number, endDay: number | null): Session {
  return { id: newId(), studyId, personaId: null, goal: '', role: 'tester', startedAt: startDay * DAY, endedAt: endDay === null ? null : endDay * DAY, outcome: null };
}

const ids = (sessions: Session[]) => sessions.map((s) => s.id).sort();

describe('the retention setting', () => {
  it('is off by default, and refuses a limit out of bounds or fractional', () => {
    expect(Retention.parse({})).toEqual(RETENTION_OFF);
    expect(Retention.safeParse({ days: 0 }).success).toBe(false);
    expect(Retention.safeParse({ days: 1.5 }).success).toBe(false);
    expect(Retention.safeParse({ sessionsPerStudy: 10_001 }).success).toBe(false);
    expect(Retention.safeParse({ days: 30, sessionsPerStudy: 5, everything: true }).success).toBe(false);
  });
});

describe('what falls outside retention', () => {
  const old = session(studyA, 10, 10);
  const month = session(studyA, 360, 371);
  const recent = session(studyA, 399, 399);
  const crashed = session(studyA, 100, null);
  const otherStudy = session(studyB, 300, 300);
  const all = [old, month, recent, crashed, otherStudy];

  it('is nothing when retention is off', () => {
    expect(expiredSessions(all, RETENTION_OFF, NOW, null)).toEqual([]);
    expect(retentionCutoff(RETENTION_OFF, NOW)).toBeNull();
  });

  it('by days: sessions whose last activity (end, or start if never ended) is older than the window', () => {
    expect(ids(expiredSessions(all, { days: 30, sessionsPerStudy: null }, NOW, null))).toEqual(ids([old, crashed, otherStudy]));
    // `month` started before the 30-day window but ended inside it: it stays.
    expect(ids(expiredSessions(all, { days: 28, sessionsPerStudy: null }, NOW, null))).toContain(month.id);
  });

  it('by count: beyond the N most recent sessions of each study, counted per study', () => {
    expect(ids(expiredSessions(all, { days: null, sessionsPerStudy: 2 }, NOW, null))).toEqual(ids([old, crashed]));
    expect(ids(expiredSessions(all, { days: null, sessionsPerStudy: 1 }, NOW, null))).toEqual(ids([old, crashed, month]));
  });

  it('with both limits, a session must pass both to stay', () => {
    expect(ids(expiredSessions(all, { days: 60, sessionsPerStudy: 2 }, NOW, null))).toEqual(ids([old, crashed, otherStudy]));
  });

  it('never takes the running session, which counts as its study’s most recent', () => {
    const running = session(studyA, 5, null);
    const withRunning = [...all, running];
    expect(expiredSessions(withRunning, { days: 1, sessionsPerStudy: null }, NOW, running.id)).not.toContainEqual(running);
    // Keep 2: the running one and the newest before it.
    expect(ids(expiredSessions(withRunning, { days: null, sessionsPerStudy: 2 }, NOW, running.id))).toEqual(ids([old, crashed, month]));
  });

  it('takes feedback of expired sessions, and feedback outside any session only by age', () => {
    const report = (sessionId: string | null, day: number) => ({ id: newId(), sessionId, createdAt: day * DAY }) as FeedbackReport;
    const inOld = report(old.id, 10);
    const inRecent = report(recent.id, 399);
    const looseOld = report(null, 50);
    const looseNew = report(null, 390);
    const reports = [inOld, inRecent, looseOld, looseNew];
    expect(expiredFeedback(reports, new Set([old.id]), retentionCutoff({ days: 30, sessionsPerStudy: null }, NOW))).toEqual([inOld, looseOld]);
    // Without a day window, only the expired sessions' reports go.
    expect(expiredFeedback(reports, new Set([old.id]), null)).toEqual([inOld]);
  });
});
