import type { JourneyAggregate, StageRollup } from './aggregate';
import { touchpointHealth, type TouchpointHealth } from './touchpoint-health';

/**
 * Stage health, journey score, journey happiness and goal completion (PRODUCT.md §6).
 *
 *   stage health   = Σ (touchpoint score × its visits) / Σ visits, over the stage's touchpoints that have a score;
 *                    low confidence when every one of them is (or none has a score).
 *   journey score  = Σ (stage health × stage visits) / Σ stage visits, over the stages that have a health;
 *                    low confidence when every one of them is.
 *   happiness      = stages whose mean emotion answer is above 0 ÷ stages with emotion answers (TheyDo's idea);
 *                    stages nobody rated are left out rather than counted as unhappy.
 *   goal completion = sessions that ended with the goal reached ÷ sessions that ended.
 * Scores are weighted by visits so a page seen once cannot drag a stage as far as one seen a hundred times. The
 * shown (integer) scores are averaged, so anyone can redo the sum from the numbers on the map.
 */

export interface RolledScore {
  /** 0–100 integer; null when nothing below it has a score. */
  score: number | null;
  lowConfidence: boolean;
  /** Visits behind the score. */
  visits: number;
}

/** Visit-weighted mean of scores; low confidence when all the scored items are. */
export function weightedHealth(items: ReadonlyArray<{ score: number | null; lowConfidence: boolean; visits: number }>): RolledScore {
  let sum = 0;
  let visits = 0;
  let allLow = true;
  for (const item of items) {
    if (item.score === null || item.visits <= 0) continue;
    sum += item.score * item.visits;
    visits += item.visits;
    allLow &&= item.lowConfidence;
  }
  return visits ? { score: Math.round(sum / visits), lowConfidence: allLow, visits } : { score: null, lowConfidence: true, visits: 0 };
}

export interface Happiness {
  /** 0…1; null when no stage has emotion answers. */
  share: number | null;
  positiveStages: number;
  stagesWithEmotion: number;
}

/** Share of stages, among those with emotion answers, whose mean emotion is above 0. */
export function journeyHappiness(stages: ReadonlyArray<{ emotionMean: number | null }>): Happiness {
  const rated = stages.filter((s) => s.emotionMean !== null);
  const positive = rated.filter((s) => s.emotionMean! > 0).length;
  return { share: rated.length ? positive / rated.length : null, positiveStages: positive, stagesWithEmotion: rated.length };
}

export interface GoalCompletion {
  /** 0…1; null when no session has ended. */
  rate: number | null;
  reached: number;
  ended: number;
}

/** Sessions that reached their goal ÷ sessions that ended (a running walk has no outcome yet). */
export function goalCompletion(sessions: { ended: number; goalReached: number }): GoalCompletion {
  return { rate: sessions.ended ? sessions.goalReached / sessions.ended : null, reached: sessions.goalReached, ended: sessions.ended };
}

export interface StageHealth extends RolledScore {
  stageId: string;
  name: string;
  touchpoints: TouchpointHealth[];
  /** Mean emotion answer (−2…+2), null when nobody answered. */
  emotionMean: number | null;
  emotionAnswers: number;
  rollup: StageRollup;
}

export interface JourneyHealth extends Omit<RolledScore, 'visits'> {
  stages: StageHealth[];
  /** Every touchpoint's health, in the aggregate's order (plain data: it crosses the message boundary). */
  touchpoints: TouchpointHealth[];
  happiness: Happiness;
  goalCompletion: GoalCompletion;
}

/** Health at every level of the aggregated journey. */
export function journeyHealth(aggregate: JourneyAggregate): JourneyHealth {
  const touchpoints = aggregate.touchpoints.map(touchpointHealth);
  const byKey = new Map(touchpoints.map((h) => [h.key, h]));
  const stages: StageHealth[] = aggregate.stages.map((rollup) => {
    const own = rollup.touchpointKeys.map((key) => byKey.get(key)!);
    return {
      stageId: rollup.stageId,
      name: rollup.name,
      ...weightedHealth(own),
      touchpoints: own,
      emotionMean: rollup.scores.emotion,
      emotionAnswers: rollup.tally.emotion.answers,
      rollup,
    };
  });
  const journey = weightedHealth(stages);
  return {
    score: journey.score,
    lowConfidence: journey.lowConfidence,
    stages,
    touchpoints,
    happiness: journeyHappiness(stages),
    goalCompletion: goalCompletion(aggregate.sessions),
  };
}
