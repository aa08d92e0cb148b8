import { useCallback, useRef } from 'preact/hooks';
import type { StudyExport } from '../../core/exchange/study-export';
import { api } from '../api';

/**
 * The whole study file, fetched on first need (an evidence panel, a JSON or CSV download) and kept for the study
 * until `refresh` changes. The map itself never needs it.
 */
export function useStudyFile(studyId: string | null, refresh: unknown): () => Promise<StudyExport> {
  const cache = useRef<{ studyId: string; refresh: unknown; file: Promise<StudyExport> } | null>(null);
  return useCallback(() => {
    if (!studyId) return Promise.reject(new Error('No study'));
    const hit = cache.current;
    if (hit && hit.studyId === studyId && hit.refresh === refresh) return hit.file;
    const file = api({ type: 'ui.study.export', studyId });
    cache.current = { studyId, refresh, file };
    file.catch(() => {
      if (cache.current?.file === file) cache.current = null;
    });
    return file;
  }, [studyId, refresh]);
}
