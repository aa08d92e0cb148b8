import { z } from 'zod';
import { Id, Timestamp } from '../records/common';
import { Annotation } from '../records/annotation';
import { FeedbackReport } from '../records/feedback';
import { OffsiteTouchpoint } from '../records/offsite';
import { Persona } from '../records/persona';
import { SurveyResponse } from '../records/response';
import { Session } from '../records/session';
import { Signal } from '../records/signal';
import { Study } from '../records/study';
import { Visit } from '../records/visit';

/** A screenshot's PNG may be at most this big (a 4K capture is a few MB); larger is not ours. */
export const MAX_SCREENSHOT_BYTES = 8 * 1024 * 1024;
// Every PNG starts with the same 8 bytes; in base64 these are its first 11 characters.
const PNG_BASE64_START = 'iVBORw0KGgo';

/** A report's screenshot in the file: its store key (the report's `screenshotId`) and its PNG, byte for byte. */
export const ScreenshotFile = z.strictObject({
  id: Id,
  type: z.literal('image/png'),
  base64: z
    .string()
    .max(Math.ceil(MAX_SCREENSHOT_BYTES / 3) * 4, 'Screenshot larger than 8 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64')
    .refine((b) => b.startsWith(PNG_BASE64_START), 'Not a PNG image'),
});
export type ScreenshotFile = z.infer<typeof ScreenshotFile>;

export const EXPORT_FORMAT = 'journey-lens/study';
export const EXPORT_VERSION = 1;

/**
 * A whole study as one versioned JSON file: its configuration and everything recorded for it. Every record
 * keeps its UUID, so files from several browsers merge by id; the same schemas validate it on import.
 */
export const StudyExport = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: Timestamp,
    study: Study,
    personas: z.array(Persona),
    sessions: z.array(Session),
    visits: z.array(Visit),
    signals: z.array(Signal),
    responses: z.array(SurveyResponse),
    annotations: z.array(Annotation),
    feedback: z.array(FeedbackReport),
    offsite: z.array(OffsiteTouchpoint),
    /** Files written before screenshots were exported have none. */
    screenshots: z.array(ScreenshotFile).max(10_000).default([]),
  })
  .superRefine((file, ctx) => {
    const studyId = file.study.id;
    const kinds = ['sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite'] as const;
    for (const kind of kinds) {
      file[kind].forEach((record, i) => {
        if (record.studyId !== studyId) ctx.addIssue({ code: 'custom', path: [kind, i, 'studyId'], message: 'Belongs to another study' });
      });
    }
    const sessions = new Set(file.sessions.map((s) => s.id));
    file.visits.forEach((visit, i) => {
      if (!sessions.has(visit.sessionId)) ctx.addIssue({ code: 'custom', path: ['visits', i, 'sessionId'], message: 'No such session in the file' });
    });
    const shown = new Set(file.feedback.map((f) => f.screenshotId));
    const seen = new Set<string>();
    file.screenshots.forEach((shot, i) => {
      if (!shown.has(shot.id)) ctx.addIssue({ code: 'custom', path: ['screenshots', i, 'id'], message: 'No report in the file shows this screenshot' });
      if (seen.has(shot.id)) ctx.addIssue({ code: 'custom', path: ['screenshots', i, 'id'], message: 'Screenshot listed twice' });
      seen.add(shot.id);
    });
  });
export type StudyExport = z.infer<typeof StudyExport>;
