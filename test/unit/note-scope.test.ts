import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { pageAnnotations, reattachAnnotation } from '../../src/background/store/annotations';
import { openJourneyDb } from '../../src/background/store/open-db';
import * as store from '../../src/background/store/records';
import { newId } from '../../src/core/records/common';
import type { Annotation } from '../../src/core/records/annotation';
import { testStudy } from './fixtures/records';

const SITE = 'http://127.0.0.1:4310';
const anchor = { selector: '#add-to-cart', quote: { exact: 'Add to cart', prefix: '', suffix: '' }, position: 0 };

function note(studyId: string, over: Partial<Annotation>): Annotation {
  return {
    id: newId(), studyId, sessionId: null, visitId: null, pageKey: '/product/:id', stageId: null, type: 'idea', text: 'x', emotion: null,
    role: 'pm', anchor, status: 'open', orphaned: false, createdAt: 1, updatedAt: 1, ...over,
  };
}

describe('where a note shows', () => {
  it('on its own page, on every page of its touchpoint when chosen, and on the touchpoint when written before the choice', async () => {
    const db = await openJourneyDb(`notes-${newId()}`);
    const study = await store.saveStudy(db, { ...testStudy(), scope: [`${SITE}/*`] });
    const own = note(study.id, { text: 'own', scope: 'page', url: `${SITE}/product/1` });
    const every = note(study.id, { text: 'every', scope: 'touchpoint', url: `${SITE}/product/2` });
    const old = note(study.id, { text: 'old' });
    for (const n of [own, every, old]) await db.put('annotations', n);
    const texts = async (path: string) => (await pageAnnotations(db, study.id, '/product/:id', `${SITE}${path}`)).map((n) => n.text).sort();
    expect(await texts('/product/1')).toEqual(['every', 'old', 'own']);
    expect(await texts('/product/1?utm=x#top')).toEqual(['every', 'old', 'own']);
    expect(await texts('/product/2')).toEqual(['every', 'old']);
  });

  it('re-attaches an orphan with the new anchor, only from a page of its study', async () => {
    const db = await openJourneyDb(`notes-${newId()}`);
    const study = await store.saveStudy(db, { ...testStudy(), scope: [`${SITE}/*`] });
    const orphan = note(study.id, { orphaned: true });
    await db.put('annotations', orphan);
    const moved = { ...anchor, selector: '#buy-now', quote: { ...anchor.quote, exact: 'Buy' } };
    await expect(reattachAnnotation(db, orphan.id, moved, 'https://elsewhere.example/', 5)).rejects.toMatchObject({ key: 'errorPageOutOfScope' });
    await expect(reattachAnnotation(db, newId(), moved, `${SITE}/product/1`, 5)).rejects.toMatchObject({ key: 'errorNoteGone' });
    expect(await reattachAnnotation(db, orphan.id, moved, `${SITE}/product/1`, 5)).toEqual({ ...orphan, anchor: moved, orphaned: false, updatedAt: 5 });
  });
});
