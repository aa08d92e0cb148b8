import type { Anchor } from '../../core/records/anchor';
import type { Annotation } from '../../core/records/annotation';
import { storableUrl } from '../../core/journey/route';
import { inScope } from '../../core/journey/scope';
import { UserError } from '../errors';
import type { Db } from './schema';

/** A page may read and write only the notes of a study whose scope it is in. */
async function studyFor(db: Db, studyId: string, pageUrl: string) {
  const study = await db.get('studies', studyId);
  if (!study || !inScope(pageUrl, study.scope)) throw new UserError('errorPageOutOfScope');
  return study;
}

export async function pageAnnotations(db: Db, studyId: string, pageKey: string, pageUrl: string): Promise<Annotation[]> {
  await studyFor(db, studyId, pageUrl);
  const here = storableUrl(pageUrl);
  return (await db.getAllFromIndex('annotations', 'byPage', [studyId, pageKey])).filter((note) => note.scope !== 'page' || note.url === here);
}

/**
 * The pages of a study that hold notes, told with the page's hello: a page not among them shows no pins and
 * need not ask for its notes at load (one message fewer per page load, PRODUCT.md §8).
 */
export async function notedPages(db: Db, studyId: string): Promise<string[]> {
  const pages: string[] = [];
  // Index keys are [studyId, pageKey]; any array sorts after every string, so [studyId, []] closes the range.
  const range = IDBKeyRange.bound([studyId], [studyId, []]);
  for (let cursor = await db.transaction('annotations').store.index('byPage').openKeyCursor(range, 'nextunique'); cursor; cursor = await cursor.continue()) {
    pages.push(cursor.key[1]);
  }
  return pages;
}

/** Creates or edits a note; its creation time is kept from the stored copy, its edit time is now. */
export async function saveAnnotation(db: Db, annotation: Annotation, pageUrl: string, now: number): Promise<Annotation> {
  await studyFor(db, annotation.studyId, pageUrl);
  const stored = await db.get('annotations', annotation.id);
  if (stored && stored.studyId !== annotation.studyId) throw new UserError('errorNoteOtherStudy');
  const saved = { ...annotation, createdAt: stored?.createdAt ?? annotation.createdAt, updatedAt: now };
  await db.put('annotations', saved);
  return saved;
}

export async function deleteAnnotation(db: Db, id: string, pageUrl: string): Promise<void> {
  const stored = await db.get('annotations', id);
  if (!stored) return;
  await studyFor(db, stored.studyId, pageUrl);
  await db.delete('annotations', id);
}

/** An orphan pinned again to the element picked for it on this page: found, with the new anchor. */
export async function reattachAnnotation(db: Db, id: string, anchor: Anchor, pageUrl: string, now: number): Promise<Annotation> {
  const stored = await db.get('annotations', id);
  if (!stored) throw new UserError('errorNoteGone');
  await studyFor(db, stored.studyId, pageUrl);
  const saved = { ...stored, anchor, orphaned: false, updatedAt: now };
  await db.put('annotations', saved);
  return saved;
}

/** Re-anchoring on a page found or lost notes: an orphan stays listed (never dropped) until it is found again. */
export async function markAnchored(db: Db, results: readonly { id: string; orphaned: boolean }[], pageUrl: string): Promise<void> {
  const tx = db.transaction(['annotations', 'studies'], 'readwrite');
  for (const { id, orphaned } of results) {
    const stored = await tx.objectStore('annotations').get(id);
    const study = stored && (await tx.objectStore('studies').get(stored.studyId));
    if (!stored || !study || !inScope(pageUrl, study.scope) || stored.orphaned === orphaned) continue;
    await tx.objectStore('annotations').put({ ...stored, orphaned });
  }
  await tx.done;
}
