import { z } from 'zod';
import { Timestamp } from '../records/common';
import { Annotation } from '../records/annotation';
import { FeedbackReport } from '../records/feedback';
import { OffsiteTouchpoint } from '../records/offsite';
import { Persona } from '../records/persona';
import { SurveyResponse } from '../records/response';
import { Session } from '../records/session';
import { Signal } from '../records/signal';
import { Study } from '../records/study';
import { Visit } from '../records/visit';

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
  });
export type StudyExport = z.infer<typeof StudyExport>;

export function exportFileName(studyName: string, at: number): string {
  const slug = studyName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'study';
  return `journey-lens-${slug}-${new Date(at).toISOString().slice(0, 10)}.json`;
}
