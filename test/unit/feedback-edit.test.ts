import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { studyFeedback, updateFeedback } from '../../src/background/store/feedback';
import { openJourneyDb } from '../../src/background/store/open-db';
import { applyImport } from '../../src/background/store/import';
import { studyRecords } from '../../src/background/store/queries';
import * as store from '../../src/background/store/records';
import { newId } from '../../src/core/records/common';
import { FeedbackEdit, type FeedbackReport } from '../../src/core/records/feedback';
import { sortReports } from '../../src/ui/feedback/feedback-order';
import { testStudy } from './fixtures/records';

const profile = () => openJourneyDb(`edit-${newId()}`);

function report(studyId: string, over: Partial<FeedbackReport> = {}): FeedbackReport {
  return {
    id: newId(), studyId, sessionId: null, visitId: null, pageKey: '/', stageId: null, text: 'Broken', severity: 'low', status: 'new',
    screenshotId: null, anchor: null, url: 'http://127.0.0.1:4310/', consoleErrors: [],
    environment: { browser: 'Chrome', os: 'Linux', viewport: { width: 800, height: 600 }, devicePixelRatio: 1 }, createdAt: 10, ...over,
  };
}

describe('editing a feedback report', () => {
  it('changes text, severity and status only, and stamps the edit', async () => {
    const db = await profile();
    const study = await store.saveStudy(db, testStudy());
    const filed = report(study.id);
    await db.put('feedback', filed);
    const edited = await updateFeedback(db, filed.id, { text: 'Broken on Safari', severity: 'high', status: 'in_progress' }, 99);
    expect(edited).toEqual({ ...filed, text: 'Broken on Safari', severity: 'high', status: 'in_progress', updatedAt: 99 });
    expect(await db.get('feedback', filed.id)).toEqual(edited);
    await expect(updateFeedback(db, newId(), { text: 'x', severity: 'low', status: 'new' }, 1)).rejects.toMatchObject({ key: 'errorFeedbackGone' });
  });

  it('refuses an empty text or an unknown status', () => {
    expect(FeedbackEdit.safeParse({ text: '  ', severity: 'low', status: 'new' }).success).toBe(false);
    expect(FeedbackEdit.safeParse({ text: 'x', severity: 'low', status: 'done' }).success).toBe(false);
  });

  it('reads a report filed before statuses existed as new', async () => {
    const db = await profile();
    const study = await store.saveStudy(db, testStudy());
    const { status: _none, ...old } = report(study.id);
    await db.put('feedback', old as FeedbackReport);
    expect((await studyFeedback(db, study.id)).map((r) => r.status)).toEqual(['new']);
    expect((await studyRecords(db, study.id, 1))!.feedback.map((r) => r.status)).toEqual(['new']);
  });

  it('merges by the later edit', async () => {
    const a = await profile();
    const study = await store.saveStudy(a, testStudy());
    const filed = report(study.id);
    await a.put('feedback', filed);
    const b = await profile();
    await applyImport(b, JSON.stringify(await studyRecords(a, study.id, 1)));
    await updateFeedback(a, filed.id, { text: 'Fixed in 2.1', severity: 'low', status: 'fixed' }, 50);
    expect(await applyImport(b, JSON.stringify(await studyRecords(a, study.id, 2)))).toMatchObject({ ok: true, plan: { replace: { feedback: 1 } } });
    expect((await b.get('feedback', filed.id))?.status).toBe('fixed');
    // The older copy going back does not undo the edit.
    await updateFeedback(b, filed.id, { text: 'Fixed in 2.1', severity: 'low', status: 'fixed' }, 60);
    await applyImport(b, JSON.stringify({ ...(await studyRecords(a, study.id, 3))!, feedback: [filed] }));
    expect((await b.get('feedback', filed.id))?.updatedAt).toBe(60);
  });

  it('sorts by severity or status, newest first among equals', () => {
    const id = newId();
    const r = (severity: FeedbackReport['severity'], status: FeedbackReport['status'], createdAt: number) => report(id, { severity, status, createdAt, text: `${severity} ${status} ${createdAt}` });
    const list = [r('low', 'fixed', 1), r('critical', 'wont_fix', 2), r('critical', 'new', 3), r('medium', 'in_progress', 4)];
    expect(sortReports(list, 'severity').map((x) => x.text)).toEqual(['critical new 3', 'critical wont_fix 2', 'medium in_progress 4', 'low fixed 1']);
    expect(sortReports(list, 'status').map((x) => x.text)).toEqual(['critical new 3', 'medium in_progress 4', 'low fixed 1', 'critical wont_fix 2']);
    expect(sortReports(list, 'oldest').map((x) => x.createdAt)).toEqual([1, 2, 3, 4]);
    expect(sortReports(list, 'newest').map((x) => x.createdAt)).toEqual([4, 3, 2, 1]);
  });
});
