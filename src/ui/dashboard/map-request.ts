import type { HealthFilter } from '../../core/health/filter';
import { filterKey } from '../../core/journey-map/map-filter';
import type { JourneyMapData } from '../../core/journey-map/map-data';
import { api } from '../api';

/** The study whose map was shown last, in this extension page's own storage (not the store, which exports read). */
const LAST_STUDY = 'journeyLens.lastMapStudy';
const NO_FILTER: HealthFilter = {};

let early: { studyId: string; reply: Promise<JourneyMapData> } | null = null;

/** The `ui.map` request for a filter: plain arrays, no undefined fields. */
function request(studyId: string, filter: HealthFilter) {
  return {
    type: 'ui.map' as const,
    studyId,
    filter: {
      ...(filter.personaIds ? { personaIds: [...filter.personaIds] } : {}),
      ...(filter.sessionIds ? { sessionIds: [...filter.sessionIds] } : {}),
      ...(filter.from !== undefined ? { from: filter.from } : {}),
      ...(filter.to !== undefined ? { to: filter.to } : {}),
    },
  };
}

/**
 * Asked as the options page starts, when it opens on the map: the map of the study shown last, unfiltered. The
 * page learns which study it shows only from the overview, and asking for the map after that answer made the two
 * requests wait one for the other; most often it is the same study again.
 */
export function requestLastMapEarly(): void {
  const studyId = localStorage.getItem(LAST_STUDY);
  if (!studyId || (location.hash !== '' && location.hash !== '#map')) return;
  early = { studyId, reply: api(request(studyId, NO_FILTER)) };
  // Unused (the study is gone, another is shown): its failure is nobody's.
  early.reply.catch(() => undefined);
}

/** The map for a study and filter: the early answer when it is the one asked for, once. */
export function journeyMapReply(studyId: string, filter: HealthFilter): Promise<JourneyMapData> {
  localStorage.setItem(LAST_STUDY, studyId);
  const asked = early;
  early = null;
  if (asked?.studyId === studyId && filterKey(filter) === filterKey(NO_FILTER)) return asked.reply;
  return api(request(studyId, filter));
}
