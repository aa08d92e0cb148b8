import type { HealthFilter } from '../core/health/filter';
import { touchpointKey } from '../core/health/session-rollup';
import type { TouchpointHealth } from '../core/health/touchpoint-health';
import type { JourneyMapData } from '../core/journey-map/map-data';
import { journeyMap, wholeStudyTouchpointHealth } from './store/queries';
import type { Db } from './store/schema';

/**
 * The last journey maps built, until anything is written: opening the dashboard again, switching tabs or
 * filters back and forth costs nothing while the data stands still. Lost with the worker, which is fine.
 */
const KEEP = 8;
const KEEP_HEALTHS = 32;
const maps = new Map<string, JourneyMapData>();
const mapKey = (studyId: string, filter: HealthFilter) => `${studyId}|${JSON.stringify(filter)}`;
/** Touchpoint health asked for since the last write, by study and touchpoint. */
const healths = new Map<string, TouchpointHealth | null>();
/** Counts writes: what was read before one is not kept after it (it may be from before it). */
let generation = 0;

export function forgetMaps(): void {
  generation++;
  maps.clear();
  healths.clear();
}

function keep<T>(cache: Map<string, T>, limit: number, key: string, value: T, readIn: number): void {
  if (readIn !== generation) return;
  if (cache.size >= limit) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

export async function cachedJourneyMap(db: Db, studyId: string, filter: HealthFilter): Promise<JourneyMapData | null> {
  const key = mapKey(studyId, filter);
  const cached = maps.get(key);
  if (cached) return cached;
  const readIn = generation;
  const built = await journeyMap(db, studyId, filter);
  if (built) keep(maps, KEEP, key, built, readIn);
  return built;
}

/**
 * One touchpoint's health over the whole study: what the popup shows for its page, polled while it is open. From
 * the whole-study map when one is kept; otherwise added up for the touchpoint alone (a walk's every write drops
 * the maps, and building one to show one touchpoint cost the side panel's every poll the whole map).
 */
export async function touchpointHealthOf(db: Db, studyId: string, stageId: string | null, pageKey: string): Promise<TouchpointHealth | null> {
  const key = touchpointKey(stageId, pageKey);
  const map = maps.get(mapKey(studyId, {}));
  if (map) return map.health.touchpoints.find((touchpoint) => touchpoint.key === key) ?? null;
  const healthKey = `${studyId}|${key}`;
  if (healths.has(healthKey)) return healths.get(healthKey)!;
  const readIn = generation;
  const health = await wholeStudyTouchpointHealth(db, studyId, key);
  keep(healths, KEEP_HEALTHS, healthKey, health, readIn);
  return health;
}
