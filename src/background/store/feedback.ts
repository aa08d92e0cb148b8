import type { FeedbackSubmission } from '../../core/messages';
import type { FeedbackEdit, FeedbackReport } from '../../core/records/feedback';
import { bytesToBase64 } from '../../core/exchange/base64';
import { IssueTracker } from '../../core/records/tracker';
import { newId } from '../../core/records/common';
import { inScope } from '../../core/journey/scope';
import { UserError } from '../errors';
import type { Db } from './schema';
import { annotateScreenshot } from '../screenshot';

/**
 * Files a tester's report: the visible tab is captured here (only the background may), outlined and masked,
 * and stored as a PNG Blob beside the report. Without a capture (no permission for this tab) the report is
 * kept all the same, and says so.
 */
export async function fileFeedback(
  db: Db,
  submission: FeedbackSubmission,
  pageUrl: string,
  capture: () => Promise<Blob | null>,
): Promise<{ id: string; screenshot: boolean }> {
  const { report, elementRect, maskRects } = submission;
  const study = await db.get('studies', report.studyId);
  if (!study || !inScope(pageUrl, study.scope)) throw new UserError('errorPageOutOfScope');
  const raw = await capture();
  const screenshot = raw && (await annotateScreenshot(raw, report.environment.viewport.width, elementRect, maskRects));
  const screenshotId = screenshot ? newId() : null;
  const tx = db.transaction(['feedback', 'screenshots'], 'readwrite');
  if (screenshot && screenshotId) await tx.objectStore('screenshots').put(screenshot, screenshotId);
  await tx.objectStore('feedback').put({ ...report, screenshotId, status: 'new' });
  await tx.done;
  return { id: report.id, screenshot: screenshot !== null };
}

export async function feedbackScreenshot(db: Db, reportId: string): Promise<string | null> {
  const report = await db.get('feedback', reportId);
  const blob = report?.screenshotId ? ((await db.get('screenshots', report.screenshotId)) as Blob | undefined) : undefined;
  if (!blob) return null;
  return `data:${blob.type || 'image/png'};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}

/** A stored report as today's schema has it: one filed before statuses existed is new. */
export const asReport = (stored: FeedbackReport): FeedbackReport => ({ ...stored, status: stored.status ?? 'new' });

/** A report's study, newest first. */
export async function studyFeedback(db: Db, studyId: string): Promise<FeedbackReport[]> {
  return (await db.getAllFromIndex('feedback', 'byStudy', studyId)).map(asReport).sort((a, b) => b.createdAt - a.createdAt);
}

/** Saves a person's edit of a report; its capture, place and time stay as filed. */
export async function updateFeedback(db: Db, id: string, edit: FeedbackEdit, now: number): Promise<FeedbackReport> {
  const tx = db.transaction('feedback', 'readwrite');
  const stored = await tx.store.get(id);
  if (!stored) throw new UserError('errorFeedbackGone');
  const report = { ...asReport(stored), ...edit, updatedAt: now };
  await tx.store.put(report);
  await tx.done;
  return report;
}

export async function deleteFeedback(db: Db, reportId: string): Promise<void> {
  const tx = db.transaction(['feedback', 'screenshots'], 'readwrite');
  const report = await tx.objectStore('feedback').get(reportId);
  if (report?.screenshotId) await tx.objectStore('screenshots').delete(report.screenshotId);
  await tx.objectStore('feedback').delete(reportId);
  await tx.done;
}

const TRACKER = 'issueTracker';

export async function readTracker(db: Db): Promise<IssueTracker> {
  const parsed = IssueTracker.safeParse(await db.get('meta', TRACKER));
  return parsed.success ? parsed.data : { githubRepo: null };
}

export async function saveTracker(db: Db, tracker: IssueTracker): Promise<IssueTracker> {
  await db.put('meta', tracker, TRACKER);
  return tracker;
}
