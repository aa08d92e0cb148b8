import type { RecordKind } from '../../core/exchange/merge';
import { t, type MessageKey } from '../../shared/i18n';

export const RECORD_KIND_LABEL: Record<RecordKind, MessageKey> = {
  personas: 'dashboardKindPersonas',
  sessions: 'dashboardKindSessions',
  visits: 'dashboardKindVisits',
  signals: 'dashboardKindSignals',
  responses: 'dashboardKindResponses',
  annotations: 'dashboardKindAnnotations',
  feedback: 'dashboardKindFeedback',
  offsite: 'dashboardKindOffsite',
};

const isKind = (name: string): name is RecordKind => name in RECORD_KIND_LABEL;

/** `sessionId` → "session id": a field name as words. */
const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * Where in the file a problem is, in plain words: `visits[3].sessionId` → "Visits, item 4 › session id",
 * `study.stages[0].name` → "study › stages, item 1 › name"; the whole file when there is no path.
 */
export function describePath(path: string): string {
  if (!path) return t('dashboardImportWholeFile');
  const parts: string[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) {
      const last = parts.pop() ?? '';
      parts.push(t('dashboardImportItem', last, Number(match[2]) + 1));
    } else {
      const name = match[1]!;
      parts.push(parts.length === 0 && isKind(name) ? t(RECORD_KIND_LABEL[name]) : words(name));
    }
  }
  return parts.join(' › ');
}
