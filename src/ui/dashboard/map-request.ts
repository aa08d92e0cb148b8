import type { HealthFilter } from '../../core/health/filter';
import { filterKey } from '../../core/journey-map/map-filter';
import type { JourneyMapData } from '../../core/journey-map/map-data';
import { api, unwrap } from '../api';
import { LAST_MAP_STUDY, takeEarly } from '../options/early-replies';

const NO_FILTER: HealthFilter = {};

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
 * The map for a study and filter: the one the options page asked for as it started (options/ask-early.ts) when it
 * is the one asked for, once. The page learns which study it shows only from the overview; most often it is the
 * study shown last again.
 */
export function journeyMapReply(studyId: string, filter: HealthFilter): Promise<JourneyMapData> {
  localStorage.setItem(LAST_MAP_STUDY, studyId);
  const asked = takeEarly('map');
  if (asked?.studyId === studyId && filterKey(filter) === filterKey(NO_FILTER)) return asked.reply.then(unwrap);
  return api(request(studyId, filter));
}
