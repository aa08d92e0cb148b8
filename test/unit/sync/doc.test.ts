import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/records/common';
import type { Session } from '../../../src/core/records/session';
import { conflictLabel, docId, readDoc, toDoc } from '../../../src/core/sync/doc';
import { SyncSettings, syncErrorOf } from '../../../src/core/sync/settings';
import { FIRST_SOFT_404_PATTERNS as first, testPersona, testStudy } from '../fixtures/records';

const study = testStudy();
const session: Session = { id: newId(), studyId: study.id, personaId: null, goal: 'Buy a phone', role: 'researcher', startedAt: 1, endedAt: null, outcome: null };

describe('a team database document', () => {
  it('holds one record under kind:uuid and reads back as the same record', () => {
    for (const item of [{ kind: 'study', record: study }, { kind: 'sessions', record: session }, { kind: 'personas', record: testPersona() }] as const) {
      const doc = { ...toDoc(study.id, item), _rev: '1-abc' };
      expect(doc._id).toBe(docId(item.kind, item.record.id));
      expect(readDoc(doc, study.id)).toEqual({ ok: true, id: doc._id, shot: false, kind: item.kind, record: item.record });
    }
    expect(conflictLabel({ kind: 'study', record: study })).toBe('Demo shop');
  });

  it('reads a teammate’s study that kept the first soft-404 defaults with today’s', () => {
    const doc = toDoc(study.id, { kind: 'study', record: { ...study, settings: { ...study.settings, soft404Patterns: first } } });
    const read = readDoc(doc, study.id);
    expect(read.ok && read.kind === 'study' && read.record.settings.soft404Patterns).toEqual(study.settings.soft404Patterns);
  });

  it('is refused with its reason when it is not ours, not valid, or another study’s', () => {
    const reason = (doc: unknown) => {
      const read = readDoc(doc, study.id);
      return read.ok ? null : read.reason;
    };
    expect(reason({ _id: 'x', hello: 1 })).toMatch(/^Not a Journey Lens document/);
    expect(reason({ ...toDoc(study.id, { kind: 'sessions', record: session }), _id: `sessions:${session.id}:extra` })).toMatch(/Unknown document id/);
    expect(reason({ ...toDoc(study.id, { kind: 'sessions', record: session }), _id: `widgets:${session.id}` })).toMatch(/Unknown document id/);
    expect(reason({ _id: `sessions:${session.id}`, studyId: study.id, record: { ...session, goal: 42 } })).toBe('Invalid sessions: goal: Invalid input: expected string, received number');
    expect(reason({ _id: `sessions:${newId()}`, studyId: study.id, record: session })).toMatch(/id is not the document/);
    const other = newId();
    expect(reason(toDoc(other, { kind: 'sessions', record: session }))).toBe('Belongs to another study');
    expect(reason(toDoc(study.id, { kind: 'sessions', record: { ...session, studyId: other } }))).toBe('Belongs to another study');
    expect(reason(toDoc(study.id, { kind: 'study', record: { ...study, id: other } }))).toBe('Belongs to another study');
  });
});

describe('sync settings and errors', () => {
  const settings = { studyId: study.id, url: 'https://couch.example.com', database: 'team-study', username: 'ana', password: 'pw', screenshots: false };

  it('takes a server address without credentials and a CouchDB database name', () => {
    expect(SyncSettings.safeParse(settings).success).toBe(true);
    expect(SyncSettings.safeParse({ ...settings, url: 'https://ana:pw@couch.example.com' }).success).toBe(false);
    expect(SyncSettings.safeParse({ ...settings, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(SyncSettings.safeParse({ ...settings, database: 'Team Study' }).success).toBe(false);
  });

  it('says why a request failed in the words the status uses', () => {
    expect(syncErrorOf({ status: 401, message: 'unauthorized' })).toBe('auth');
    expect(syncErrorOf({ status: 403 })).toBe('refused');
    expect(syncErrorOf({ status: 404, reason: 'no_db_file' })).toBe('refused');
    expect(syncErrorOf(new TypeError('Failed to fetch'))).toBe('offline');
    expect(syncErrorOf({ status: 500, message: 'boom' })).toBe('other');
  });
});
