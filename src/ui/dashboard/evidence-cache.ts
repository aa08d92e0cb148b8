import type { StudyExport } from '../../core/exchange/study-export';
import type { HealthFilter } from '../../core/health/filter';
import { evidenceIndex, type EvidenceIndex } from '../../core/journey-map/evidence';
import { filterKey } from '../../core/journey-map/map-filter';

/** One index per study file and filter: the first cell opened pays for the grouping, the next ones only look up. */
const indexes = new WeakMap<StudyExport, Map<string, EvidenceIndex>>();

export function cachedEvidenceIndex(file: StudyExport, filter: HealthFilter): EvidenceIndex {
  let byFilter = indexes.get(file);
  if (!byFilter) indexes.set(file, (byFilter = new Map()));
  const key = filterKey(filter);
  let index = byFilter.get(key);
  if (!index) byFilter.set(key, (index = evidenceIndex(file, filter)));
  return index;
}
