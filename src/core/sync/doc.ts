import { z } from 'zod';
import { Annotation } from '../records/annotation';
import { Id } from '../records/common';
import { FeedbackReport } from '../records/feedback';
import { OffsiteTouchpoint } from '../records/offsite';
import { Persona } from '../records/persona';
import { SurveyResponse } from '../records/response';
import { Session } from '../records/session';
import { Signal } from '../records/signal';
import { Study } from '../records/study';
import { Visit } from '../records/visit';
import type { RecordKind, RecordOf } from '../exchange/merge';

/**
 * A study in a team database (CouchDB's replication protocol): one document per record, `_id` = kind + ':' +
 * the record's UUID, the record itself under `record`, and the study it belongs to beside it. A feedback report's
 * screenshot is its one attachment. Incoming documents pass the same schemas as an imported file.
 */

export type SyncKind = 'study' | RecordKind;

const SCHEMAS = {
  study: Study,
  personas: Persona,
  sessions: Session,
  visits: Visit,
  signals: Signal,
  responses: SurveyResponse,
  annotations: Annotation,
  feedback: FeedbackReport,
  offsite: OffsiteTouchpoint,
} as const;

export const SYNC_KINDS = Object.keys(SCHEMAS) as SyncKind[];

/** Edited after they are written, so two people can edit one at the same time: a conflict someone picks from. */
export const EDITABLE_KINDS: ReadonlySet<SyncKind> = new Set<SyncKind>(['study', 'personas', 'annotations', 'feedback']);

export const SCREENSHOT_ATTACHMENT = 'screenshot.png';

export type SyncRecord = { [K in SyncKind]: { kind: K; record: K extends 'study' ? Study : RecordOf<Exclude<K, 'study'>> } }[SyncKind];

export const docId = (kind: SyncKind, id: string): string => `${kind}:${id}`;

/** The document body a record is stored as (without `_rev` and attachments). */
export function toDoc(studyId: string, item: SyncRecord): { _id: string; studyId: string; record: unknown } {
  return { _id: docId(item.kind, item.record.id), studyId, record: item.record };
}

const DocShape = z.object({
  _id: z.string().max(200),
  studyId: Id,
  record: z.unknown(),
  _attachments: z.record(z.string(), z.object({ content_type: z.string().optional() }).loose()).optional(),
});

/** A document read back: the record it holds, or why it is refused (never stored). */
export type ReadDoc = ({ ok: true; id: string; shot: boolean } & SyncRecord) | { ok: false; id: string; reason: string };

/** Checks a replicated document: its id's form, its study, and its record against the kind's schema. */
export function readDoc(doc: unknown, studyId: string): ReadDoc {
  const id = typeof doc === 'object' && doc !== null && typeof (doc as { _id?: unknown })._id === 'string' ? (doc as { _id: string })._id : '(no id)';
  const shape = DocShape.safeParse(doc);
  if (!shape.success) return { ok: false, id, reason: `Not a Journey Lens document: ${shape.error.issues[0]?.message ?? ''}` };
  const [kind, uuid, ...rest] = id.split(':');
  if (!kind || !(kind in SCHEMAS) || rest.length || !Id.safeParse(uuid).success) return { ok: false, id, reason: 'Unknown document id (kind:uuid expected)' };
  if (shape.data.studyId !== studyId) return { ok: false, id, reason: 'Belongs to another study' };
  const parsed = SCHEMAS[kind as SyncKind].safeParse(shape.data.record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, id, reason: `Invalid ${kind}: ${issue ? `${issue.path.join('.') || '(record)'}: ${issue.message}` : ''}` };
  }
  const record = parsed.data as { id: string; studyId?: string };
  if (record.id !== uuid) return { ok: false, id, reason: 'The record’s id is not the document’s' };
  const owner = kind === 'study' ? record.id : record.studyId;
  if (owner !== undefined && owner !== studyId) return { ok: false, id, reason: 'Belongs to another study' };
  const shot = kind === 'feedback' && shape.data._attachments?.[SCREENSHOT_ATTACHMENT] !== undefined;
  return { ok: true, id, shot, kind, record } as ReadDoc;
}

/** A line that tells two versions of an edited record apart in a conflict list. */
export function conflictLabel(item: SyncRecord): string {
  switch (item.kind) {
    case 'study':
    case 'personas':
      return item.record.name;
    case 'annotations':
      return item.record.text;
    case 'feedback':
      return `${item.record.status} · ${item.record.text}`;
    default:
      return item.record.id;
  }
}
