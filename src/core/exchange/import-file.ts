import { issuePath, type Issue } from '../issue';
import { EXPORT_FORMAT, EXPORT_VERSION, StudyExport } from './study-export';

/**
 * Reading an export file before anything is stored: JSON, then the same zod schemas the store writes with. A file
 * that fails says what is wrong and where (`visits[3].sessionId`), and nothing of it is applied.
 */

export type ReadResult = { ok: true; file: StudyExport } | { ok: false; errors: Issue[] };

/** The file's text (or already-parsed JSON) as a validated study export, or every problem with its path. */
export function readStudyExport(input: string | unknown): ReadResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, errors: [{ path: '', message: `Not a JSON file: ${(error as Error).message}` }] };
    }
  }
  if (typeof data === 'object' && data !== null) {
    const { format, version } = data as { format?: unknown; version?: unknown };
    if (format !== EXPORT_FORMAT) return { ok: false, errors: [{ path: 'format', message: `Not a Journey Lens study export (expected format "${EXPORT_FORMAT}")` }] };
    if (typeof version === 'number' && version > EXPORT_VERSION) {
      return { ok: false, errors: [{ path: 'version', message: `Made by a newer Journey Lens (file version ${version}, this one reads ${EXPORT_VERSION})` }] };
    }
  }
  const result = StudyExport.safeParse(data);
  if (result.success) return { ok: true, file: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message })) };
}
