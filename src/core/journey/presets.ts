import { newId } from '../records/common';
import type { Stage } from '../records/study';

/** Stage names are message keys so a new study's journey is created in the user's language. */
export const JOURNEY_PRESETS = {
  classic: ['stageAwareness', 'stageConsideration', 'stagePurchase', 'stageRetention', 'stageAdvocacy'],
  fiveAs: ['stageAware', 'stageAppeal', 'stageAsk', 'stageAct', 'stageAdvocate'],
} as const;
export type JourneyPreset = keyof typeof JOURNEY_PRESETS;
export type StageNameKey = (typeof JOURNEY_PRESETS)[JourneyPreset][number];

export function presetStages(preset: JourneyPreset, translate: (key: StageNameKey) => string): Stage[] {
  return JOURNEY_PRESETS[preset].map((key) => ({ id: newId(), name: translate(key), customerGoal: '', desiredExperience: '' }));
}
