import type { SignalKind } from '../records/signal';
import type { AttitudeInputs } from './scores';

/**
 * Touchpoint health (PRODUCT.md §6): 0–100, higher is healthier, from what people did (behaviour) and what they
 * said (attitude). Every part is a "badness" b in 0…1; the score is 100 minus the weighted badness. The formula,
 * the reasons for each weight and the bands are in docs/health.md (keep the two in step):
 *
 * | part       | raw value                    | weight | saturates at          |
 * |------------|------------------------------|--------|-----------------------|
 * | friction   | severity points per visit    | 40     | 0.5 per visit         |
 * | exits      | exits ÷ visits               | 15     | 100 %                 |
 * | deadEnd    | dead-end visits ÷ visits     | 15     | 100 %                 |
 * | attitude   | mean normalised answer (0–1) | 20     | 0 (1 = no penalty)    |
 * | painPoints | open pain-point annotations  | 10     | 3                     |
 *
 *     contribution(part) = 100 × weight(part) × b(part) / Σ weight(parts present)
 *     score = round(100 − Σ contribution)
 *
 * Without answers the attitude part is left out and the others share its weight. Friction weighs most and
 * saturates early so that friction alone can pull a score out of "good" (≥ 80): saturated friction costs 40 points
 * with answers and 50 without. Stages and the journey use the same formula over all their visits at once
 * (journey-health.ts).
 */

/**
 * How much one signal of each kind says about trouble on the page (0…1).
 *
 * | kind             | severity | why                                                    |
 * |------------------|----------|--------------------------------------------------------|
 * | error            | 1.0      | the page broke under the visitor                       |
 * | dead_end         | 1.0      | an error page or no way on: the walk stopped here      |
 * | error_click      | 1.0      | their own action broke it                              |
 * | rage_click       | 1.0      | frustration the visitor showed                         |
 * | form_abandonment | 0.7      | a task begun and given up                              |
 * | dead_click       | 0.6      | they expected something and nothing happened           |
 * | quick_back       | 0.5      | the page was not what they expected                    |
 * | slow_page        | 0.4      | they waited, but got there                             |
 * | slow_click       | 0.3      | it worked, late                                        |
 * | excessive_scroll | 0.3      | searching; the weakest evidence (no published number)  |
 * | exit             | 0        | its own part (`exits`): leaving is not always the page's fault |
 *
 * A dead end is friction *and* has its own part (how often the page was one): counted only in its part, a 404 that
 * every visit hit still read 81 ("good") when nobody answered.
 */
export const SIGNAL_SEVERITY: Readonly<Record<SignalKind, number>> = {
  error: 1,
  dead_end: 1,
  error_click: 1,
  rage_click: 1,
  form_abandonment: 0.7,
  dead_click: 0.6,
  quick_back: 0.5,
  slow_page: 0.4,
  slow_click: 0.3,
  excessive_scroll: 0.3,
  exit: 0,
};

export const HEALTH_WEIGHTS = { friction: 40, exits: 15, deadEnd: 15, attitude: 20, painPoints: 10 } as const;
export type HealthPartName = keyof typeof HEALTH_WEIGHTS;
export const HEALTH_PARTS = Object.keys(HEALTH_WEIGHTS) as HealthPartName[];

/** Severity points per visit at which friction takes its whole weight: a dead click on every other page is bad enough. */
export const FRICTION_SATURATION = 0.5;
/** Open pain points at which that part takes its whole weight. */
export const PAIN_POINT_SATURATION = 3;
/** Fewer visits than this: low confidence. */
export const MIN_VISITS = 5;
/** Fewer visits than this and no answers at all: low confidence. */
export const MIN_VISITS_WITHOUT_ANSWERS = 10;

/** What one touchpoint's health is computed from: plain counts, already filtered. */
export interface TouchpointAggregate {
  /** `touchpointKey(stageId, pageKey)`, or `offsiteKey(id)`. */
  key: string;
  kind: 'page' | 'offsite';
  stageId: string | null;
  /** Null for an off-site touchpoint. */
  pageKey: string | null;
  visits: number;
  /** All signals seen at the touchpoint, exits and dead ends included (their parts use `exits` / `deadEnds`). */
  signalsByKind: Partial<Record<SignalKind, number>>;
  /** Visits that ended in an exit (drop-off). */
  exits: number;
  /** Visits that were dead ends. */
  deadEnds: number;
  /** Normalised survey scores, 0…1, null where nobody answered. */
  attitude: AttitudeInputs;
  /** Answers behind `attitude` (dismissals and open text not counted). */
  answers: number;
  openPainPoints: number;
}

export interface HealthPart {
  /** The measured value in its own unit (see the table above); null when there is nothing to measure. */
  raw: number | null;
  /** 0 (fine) … 1 (as bad as this part can say); null when the part is left out. */
  badness: number | null;
  /** The weight it had in this score, in points of 100 (re-shared when attitude is left out). */
  weight: number;
  /** Points this part took off the 100, one decimal. */
  contribution: number;
}

export type LowConfidenceReason = 'not_measured' | 'no_visits' | 'few_visits' | 'few_visits_no_answers';

export interface TouchpointHealth {
  key: string;
  /** 0–100 integer; null when the touchpoint had no visits. */
  score: number | null;
  parts: Record<HealthPartName, HealthPart>;
  visits: number;
  answers: number;
  lowConfidence: boolean;
  reason?: LowConfidenceReason;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Kind by kind in one fixed order: sums of fractions depend on their order, the counts' keys come in any. */
function frictionPoints(signalsByKind: TouchpointAggregate['signalsByKind']): number {
  let points = 0;
  for (const [kind, severity] of Object.entries(SIGNAL_SEVERITY) as [SignalKind, number][]) points += severity * (signalsByKind[kind] ?? 0);
  return points;
}

function attitudeMean(attitude: AttitudeInputs): number | null {
  const known = [attitude.csat, attitude.ces, attitude.seq, attitude.emotion].filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

/** The touchpoint's health, its parts, and whether the sample is too small to trust. */
export function touchpointHealth(tp: TouchpointAggregate): TouchpointHealth {
  const attitude = tp.answers > 0 ? attitudeMean(tp.attitude) : null;
  const painRaw = tp.openPainPoints;
  if (tp.visits <= 0) {
    const idle = (raw: number | null): HealthPart => ({ raw, badness: null, weight: 0, contribution: 0 });
    return {
      key: tp.key,
      score: null,
      parts: { friction: idle(null), exits: idle(null), deadEnd: idle(null), attitude: idle(attitude), painPoints: idle(painRaw) },
      visits: 0,
      answers: tp.answers,
      lowConfidence: true,
      reason: tp.kind === 'offsite' ? 'not_measured' : 'no_visits',
    };
  }

  const friction = frictionPoints(tp.signalsByKind) / tp.visits;
  const exits = tp.exits / tp.visits;
  const deadEnd = tp.deadEnds / tp.visits;
  const raw: Record<HealthPartName, number | null> = { friction, exits, deadEnd, attitude, painPoints: painRaw };
  const badness: Record<HealthPartName, number | null> = {
    friction: Math.min(1, friction / FRICTION_SATURATION),
    exits: Math.min(1, exits),
    deadEnd: Math.min(1, deadEnd),
    attitude: attitude === null ? null : 1 - Math.min(1, Math.max(0, attitude)),
    painPoints: Math.min(1, painRaw / PAIN_POINT_SATURATION),
  };
  const present = HEALTH_PARTS.filter((name) => badness[name] !== null);
  const totalWeight = present.reduce((sum, name) => sum + HEALTH_WEIGHTS[name], 0);

  let lost = 0;
  const parts = {} as Record<HealthPartName, HealthPart>;
  for (const name of HEALTH_PARTS) {
    const b = badness[name];
    const weight = b === null ? 0 : (100 * HEALTH_WEIGHTS[name]) / totalWeight;
    const points = b === null ? 0 : weight * b;
    lost += points;
    parts[name] = { raw: raw[name], badness: b, weight: round1(weight), contribution: round1(points) };
  }

  const reason: LowConfidenceReason | undefined =
    tp.visits < MIN_VISITS ? 'few_visits' : tp.answers === 0 && tp.visits < MIN_VISITS_WITHOUT_ANSWERS ? 'few_visits_no_answers' : undefined;
  return {
    key: tp.key,
    score: Math.min(100, Math.max(0, Math.round(100 - lost))),
    parts,
    visits: tp.visits,
    answers: tp.answers,
    lowConfidence: reason !== undefined,
    ...(reason ? { reason } : {}),
  };
}

/** The parts that cost the most points, worst first (for "why is this touchpoint bad"). */
export function worstParts(health: TouchpointHealth): Array<{ part: HealthPartName } & HealthPart> {
  return HEALTH_PARTS.map((part) => ({ part, ...health.parts[part] }))
    .filter((p) => p.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution);
}
