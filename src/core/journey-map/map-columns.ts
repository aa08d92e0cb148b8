import type { JourneyHealth } from '../health/journey-health';
import { UNTAGGED } from '../health/stage-rollups';

/** Quotes a map's column shows of what people wrote; the rest are one click away, in its evidence. */
export const QUOTES_SHOWN = 3;

/** The map column a record of this stage is drawn in: its stage's, or Untagged (no stage, or one no longer in the study). */
export function columnFinder(health: Pick<JourneyHealth, 'stages'>): (stageId: string | null) => string {
  const stages = new Set(health.stages.map((stage) => stage.stageId));
  return (stageId) => (stageId !== null && stages.has(stageId) ? stageId : UNTAGGED);
}
