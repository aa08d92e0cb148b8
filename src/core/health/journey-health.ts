import type { JourneyAggregate } from './aggregate';
import type { StageRollup } from './stage-rollups';
import { addTally, attitudeAnswers, attitudeInputs, emptyTally, type Normalise } from './scores';
import { touchpointHealth, type TouchpointHealth } from './touchpoint-health';

/**
 * Stage health, journey score, journey happiness and goal completion (PRODUCT.md §6; docs/health.md has the
 * formulas with a worked example).
 *
 *   stage health   = the touchpoint formula applied to everything measured in the stage at once: its friction per
 *                    visit, exits per visit, dead-end visits per visit, answers and open pain points (the parts
 *                    are shown, as a touchpoint's are);
 *   journey score  = the same formula over the whole journey, the Untagged column included;
 *   happiness      = stages whose mean emotion answer is above 0 ÷ stages with emotion answers (TheyDo's idea);
 *                    stages nobody rated are left out rather than counted as unhappy;
 *   goal completion = sessions that ended having reached the goal (a visit to the goal stage, or "Stop: goal
 *                    reached") ÷ sessions that ended.
 * Pooling rather than averaging the touchpoints' scores is what keeps a walk full of friction from reading healthy:
 * an average lets ten quiet pages outvote the two where everything went wrong, while friction per visit over the
 * stage counts every signal once, wherever it happened.
 */

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

/** A stage's (or the journey's) health: a touchpoint's, of everything in it together. */
export interface StageHealth extends Omit<TouchpointHealth, 'key'> {
  stageId: string;
  name: string;
  touchpoints: TouchpointHealth[];
  /** Mean emotion answer (−2…+2), null when nobody answered. */
  emotionMean: number | null;
  emotionAnswers: number;
  rollup: StageRollup;
}

export interface JourneyHealth extends Omit<TouchpointHealth, 'key'> {
  stages: StageHealth[];
  /** The Untagged column's health (pages no rule tags). */
  untagged: StageHealth;
  /** Every touchpoint's health, in the aggregate's order (plain data: it crosses the message boundary). */
  touchpoints: TouchpointHealth[];
  happiness: Happiness;
  goalCompletion: GoalCompletion;
}

/** The health of a group of touchpoints counted together (a stage, the journey). */
function pooledHealth(rollup: Pick<StageRollup, 'visits' | 'signalsByKind' | 'exits' | 'deadEnds' | 'tally' | 'openPainPoints'>, normalise?: Normalise) {
  const { key: _key, ...health } = touchpointHealth({
    key: '',
    kind: 'page',
    stageId: null,
    pageKey: null,
    visits: rollup.visits,
    signalsByKind: rollup.signalsByKind,
    exits: rollup.exits,
    deadEnds: rollup.deadEnds,
    attitude: attitudeInputs(rollup.tally, normalise),
    answers: attitudeAnswers(rollup.tally),
    openPainPoints: rollup.openPainPoints,
  });
  return health;
}

function stageHealth(rollup: StageRollup, byKey: ReadonlyMap<string, TouchpointHealth>, normalise?: Normalise): StageHealth {
  return {
    stageId: rollup.stageId,
    name: rollup.name,
    ...pooledHealth(rollup, normalise),
    touchpoints: rollup.touchpointKeys.map((key) => byKey.get(key)!),
    emotionMean: rollup.scores.emotion,
    emotionAnswers: rollup.tally.emotion.answers,
    rollup,
  };
}

/** Everything measured in these stages, as one. */
function journeyTotals(stages: readonly StageRollup[]): Parameters<typeof pooledHealth>[0] {
  const total: Parameters<typeof pooledHealth>[0] = { visits: 0, signalsByKind: {}, exits: 0, deadEnds: 0, tally: emptyTally(), openPainPoints: 0 };
  for (const stage of stages) {
    total.visits += stage.visits;
    total.exits += stage.exits;
    total.deadEnds += stage.deadEnds;
    total.openPainPoints += stage.openPainPoints;
    for (const [kind, n] of Object.entries(stage.signalsByKind) as [keyof StageRollup['signalsByKind'], number][]) total.signalsByKind[kind] = (total.signalsByKind[kind] ?? 0) + n;
    addTally(total.tally, stage.tally);
  }
  return total;
}

/** Health at every level of the aggregated journey. */
export function journeyHealth(aggregate: Pick<JourneyAggregate, 'stages' | 'untagged' | 'touchpoints' | 'sessions'>, normalise?: Normalise): JourneyHealth {
  const touchpoints = aggregate.touchpoints.map(touchpointHealth);
  const byKey = new Map(touchpoints.map((h) => [h.key, h]));
  const stages = aggregate.stages.map((rollup) => stageHealth(rollup, byKey, normalise));
  return {
    ...pooledHealth(journeyTotals([...aggregate.stages, aggregate.untagged]), normalise),
    stages,
    untagged: stageHealth(aggregate.untagged, byKey, normalise),
    touchpoints,
    happiness: journeyHappiness(stages),
    goalCompletion: goalCompletion(aggregate.sessions),
  };
}
