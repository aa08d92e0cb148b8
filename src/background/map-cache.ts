import type { HealthFilter } from '../core/health/filter';
import { touchpointKey } from '../core/health/session-rollup';
import type { TouchpointHealth } from '../core/health/touchpoint-health';
import type { JourneyMapData } from '../core/journey-map/map-data';
import { journeyMap } from './store/queries';
import type { Db } from './store/schema';

/**
 * The last journey maps built, until anything is written: opening the dashboard again, switching tabs or
 * filters back and forth costs nothing while the data stands still. Lost with the worker, which is fine.
 */
const KEEP = 8;
const maps = new Map<string, JourneyMapData>();

export function forgetMaps(): void {
  maps.clear();
}

export async function cachedJourneyMap(db: Db, studyId: string, filter: HealthFilter): Promise<JourneyMapData | null> {
  const key = `${studyId}|${JSON.stringify(filter)}`;
  const cached = maps.get(key);
  if (cached) return cached;
  const built = await journeyMap(db, studyId, filter);
  if (built) {
    if (maps.size >= KEEP) maps.delete(maps.keys().next().value!);
    maps.set(key, built);
  }
  return built;
}

/** One touchpoint's health over the whole study, from the (cached) map: what the popup shows for its page. */
export async function touchpointHealthOf(db: Db, studyId: string, stageId: string | null, pageKey: string): Promise<TouchpointHealth | null> {
  const map = await cachedJourneyMap(db, studyId, {});
  const key = touchpointKey(stageId, pageKey);
  return map?.health.touchpoints.find((touchpoint) => touchpoint.key === key) ?? null;
}
