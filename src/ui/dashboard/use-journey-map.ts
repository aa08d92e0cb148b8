import { useEffect, useState } from 'preact/hooks';
import type { HealthFilter } from '../../core/health/filter';
import { filterKey } from '../../core/journey-map/map-filter';
import type { JourneyMapData } from '../../core/journey-map/map-data';
import { describeError } from '../components/use-async';
import { journeyMapReply } from './map-request';

export interface MapState {
  data: JourneyMapData | null;
  loading: boolean;
  error: string | null;
}

/**
 * The map for a study and filter, aggregated in the background. While a new answer is on its way the last one
 * stays on screen (marked busy) so the page does not jump; a late answer to an older question is dropped.
 * `refresh` is anything whose change means "ask again" (new data was stored).
 */
export function useJourneyMap(studyId: string | null, filter: HealthFilter, refresh: unknown): MapState {
  const [state, setState] = useState<MapState & { studyId: string | null }>({ studyId: null, data: null, loading: false, error: null });
  const key = filterKey(filter);
  useEffect(() => {
    if (!studyId) {
      setState({ studyId: null, data: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ studyId, data: s.studyId === studyId ? s.data : null, loading: true, error: null }));
    journeyMapReply(studyId, filter).then(
      (data) => live && setState({ studyId, data, loading: false, error: null }),
      (error: unknown) => live && setState((s) => ({ ...s, loading: false, error: describeError(error) })),
    );
    return () => {
      live = false;
    };
  }, [studyId, key, refresh]);
  return state;
}
