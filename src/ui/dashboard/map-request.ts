import type { HealthFilter } from '../../core/health/filter';
import type { JourneyMapData } from '../../core/journey-map/map-data';
import { api } from '../api';
import { LAST_MAP_STUDY } from './last-map-study';

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
 * The map for a study and filter. The study is remembered: opened again on the map, the options page asks for its
 * unfiltered map as it starts (options/ask-early.ts), before it learns from the overview which study it shows;
 * most often it is this one again, and `api` takes that answer.
 */
export function journeyMapReply(studyId: string, filter: HealthFilter): Promise<JourneyMapData> {
  localStorage.setItem(LAST_MAP_STUDY, studyId);
  return api(request(studyId, filter));
}
