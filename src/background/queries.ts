import type { SessionSummary } from '../core/replies';
import type { Session } from '../core/records/session';
import type { Visit } from '../core/records/visit';
import type { Db } from './schema';
import { activeSession } from './store';

/** Read side for the UI pages: they ask, this module answers from IndexedDB; nothing here writes. */

export async function overview(db: Db) {
  const [studies, personas, active, last] = await Promise.all([db.getAll('studies'), db.getAll('personas'), activeSession(db), lastEndedSession(db)]);
  studies.sort((a, b) => a.createdAt - b.createdAt);
  personas.sort((a, b) => a.name.localeCompare(b.name));
  return {
    studies,
    personas,
    active: active && (await sessionSummary(db, active)),
    last: last && (await sessionSummary(db, last)),
  };
}

/** The walk that ended most recently, so the popup can show what was just recorded. */
async function lastEndedSession(db: Db): Promise<Session | null> {
  let last: Session | null = null;
  for (const session of await db.getAll('sessions')) {
    if (session.endedAt !== null && (!last || session.endedAt > last.endedAt!)) last = session;
  }
  return last;
}

export function sessionVisits(db: Db, sessionId: string): Promise<Visit[]> {
  const range = IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]);
  return db.getAllFromIndex('visits', 'bySession', range);
}

export async function sessionSummary(db: Db, session: Session): Promise<SessionSummary> {
  const [study, persona, visits] = await Promise.all([
    db.get('studies', session.studyId),
    session.personaId ? db.get('personas', session.personaId) : undefined,
    sessionVisits(db, session.id),
  ]);
  return { session, studyName: study?.name ?? '', persona: persona ?? null, visits };
}
