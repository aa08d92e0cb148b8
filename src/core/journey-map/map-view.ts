import type { Verbatim } from '../health/session-rollup';
import type { HealthPart, HealthPartName, LowConfidenceReason } from '../health/touchpoint-health';
import type { StageHealth } from '../health/journey-health';
import { UNTAGGED } from '../health/stage-rollups';
import type { JourneyPaths } from '../health/paths';
import type { Annotation } from '../records/annotation';
import type { Channel } from '../records/offsite';
import type { Stage } from '../records/study';
import { EMPTY_SUMMARY, type Voice } from '../text/voice';
import { healthBand, type HealthBand, type ScoreView } from './health-band';
import { columnFinder } from './map-columns';
import type { JourneyMapData, MapAction, SignalGroup } from './map-data';
import { bySeverity, type PainSeverity } from './pain-severity';

/**
 * The journey map as the screen and the SVG export draw it: one column per stage, in journey order, holding what
 * each lane shows. Built once per map answer (O(touchpoints + verbatims + annotations)); rendering then only reads.
 */

export const MAP_LANES = ['touchpoints', 'actions', 'thoughts', 'emotion', 'painPoints', 'opportunities', 'metrics'] as const;
export type MapLane = (typeof MAP_LANES)[number];

export type OffsiteChannel = Channel;

export interface MapChip {
  key: string;
  kind: 'page' | 'offsite';
  /** The name people read: the rule's label, else the page title seen most, else the page key; an off-site one's name. */
  label: string;
  /** The page key (URL pattern), shown beside the label. */
  pageKey: string | null;
  offsiteId: string | null;
  channel: OffsiteChannel | null;
  note: string;
  score: number | null;
  lowConfidence: boolean;
  reason: LowConfidenceReason | null;
  band: HealthBand;
  visits: number;
}

/** A step of the persona's path, named as its touchpoint card is. */
export interface MapStep extends MapAction {
  label: string;
}

/** Friction of one kind on one element, with how bad that kind is. */
export interface MapPain extends SignalGroup {
  severity: PainSeverity;
}

export interface StageMetrics {
  visits: number;
  sessionsReached: number;
  csat: number | null;
  ces: number | null;
  seq: number | null;
  nps: number | null;
  exits: number;
  dropOff: number | null;
  medianTimeMs: number | null;
  medianPages: number | null;
  answers: number;
}

/** A column's health: what the score is made of, as a touchpoint's (docs/health.md). */
export type ColumnHealth = ScoreView;

export interface MapColumn {
  stage: Pick<Stage, 'id' | 'name' | 'customerGoal' | 'desiredExperience'>;
  /** The Untagged column (pages no rule tags), drawn after the stages; its name is the reader's language's. */
  untagged: boolean;
  health: ColumnHealth;
  touchpoints: MapChip[];
  actions: MapStep[];
  verbatims: Verbatim[];
  /** Sentiment mix and themes of the stage's open-text answers and notes; the sentiment of its quotes and notes. */
  voice: Voice;
  emotion: { mean: number | null; answers: number };
  /** Worst first (pain-severity.ts), then most frequent. */
  painPoints: MapPain[];
  /** Pain-point annotations, open ones first. */
  painNotes: Annotation[];
  /** Opportunity annotations, open ones first. */
  opportunities: Annotation[];
  metrics: StageMetrics;
}

export interface MapView {
  studyName: string;
  /** The stages in journey order, then the Untagged column when asked for (`MapViewOptions`). */
  columns: MapColumn[];
  score: number | null;
  lowConfidence: boolean;
  band: HealthBand;
  /** The journey score's parts. */
  parts: Record<HealthPartName, HealthPart>;
  paths: JourneyPaths;
  happiness: JourneyMapData['health']['happiness'];
  goalCompletion: JourneyMapData['health']['goalCompletion'];
  sessions: number;
  visits: number;
}

const openFirst = (a: Annotation, b: Annotation) => Number(a.status !== 'open') - Number(b.status !== 'open') || a.createdAt - b.createdAt;

/** Whether a lane of a column has anything to show (an empty cell is not a link to evidence). */
export function laneHasContent(column: MapColumn, lane: MapLane): boolean {
  switch (lane) {
    case 'touchpoints':
      return column.touchpoints.length > 0;
    case 'actions':
      return column.actions.length > 0;
    case 'thoughts':
      return column.verbatims.length > 0 || column.voice.themes.length > 0;
    case 'emotion':
      return column.emotion.mean !== null;
    case 'painPoints':
      return column.painPoints.length > 0 || column.painNotes.length > 0;
    case 'opportunities':
      return column.opportunities.length > 0;
    case 'metrics':
      return column.metrics.visits > 0 || column.metrics.answers > 0;
  }
}

export interface MapViewOptions {
  /** Draw the Untagged column. Compared maps ask for it on both sides when either has untagged pages. */
  untagged?: boolean;
}

/** Whether a map has anything untagged to draw: pages no rule tags, or notes made on them. */
export function hasUntagged(map: JourneyMapData): boolean {
  return map.aggregate.untagged.touchpointKeys.length > 0;
}

function columnHealth(h: StageHealth): ColumnHealth {
  return { score: h.score, lowConfidence: h.lowConfidence, reason: h.reason ?? null, band: healthBand(h.score), parts: h.parts, visits: h.visits };
}

export function journeyMapView(map: JourneyMapData, options: MapViewOptions = { untagged: hasUntagged(map) }): MapView {
  const { aggregate, health } = map;
  const rollups = new Map(aggregate.touchpoints.map((tp) => [tp.key, tp]));
  const stageHealth = new Map(health.stages.map((s) => [s.stageId, s]));
  const columnOf = columnFinder(health);
  const verbatims = new Map<string, Verbatim[]>();
  for (const v of aggregate.verbatims) {
    const list = verbatims.get(columnOf(v.stageId));
    if (list) list.push(v);
    else verbatims.set(columnOf(v.stageId), [v]);
  }
  const notes = new Map<string, { pain: Annotation[]; opportunity: Annotation[] }>();
  for (const a of aggregate.annotations) {
    if (a.type !== 'pain_point' && a.type !== 'opportunity') continue;
    let entry = notes.get(columnOf(a.stageId));
    if (!entry) notes.set(columnOf(a.stageId), (entry = { pain: [], opportunity: [] }));
    (a.type === 'pain_point' ? entry.pain : entry.opportunity).push(a);
  }

  const untaggedStage = { id: UNTAGGED, name: '', customerGoal: '', desiredExperience: '' };
  const shown = options.untagged ? [...aggregate.stages, aggregate.untagged] : aggregate.stages;
  const columns = shown.map((rollup): MapColumn => {
    const isUntagged = rollup === aggregate.untagged;
    const stage = isUntagged ? untaggedStage : map.study.stages.find((s) => s.id === rollup.stageId)!;
    // Health has a stage for every stage of the aggregate.
    const sh = isUntagged ? health.untagged : stageHealth.get(rollup.stageId)!;
    const touchpoints = sh.touchpoints.map((h): MapChip => {
      const tp = rollups.get(h.key);
      const offsite = tp?.offsite ?? null;
      return {
        key: h.key,
        kind: tp?.kind ?? 'page',
        label: offsite?.name ?? map.labels[h.key] ?? tp?.pageKey ?? h.key,
        pageKey: tp?.pageKey ?? null,
        offsiteId: offsite?.id ?? null,
        channel: offsite?.channel ?? null,
        note: offsite?.note ?? '',
        score: h.score,
        lowConfidence: h.lowConfidence,
        reason: h.reason ?? null,
        band: healthBand(h.score),
        visits: h.visits,
      };
    });
    const own = notes.get(rollup.stageId);
    const said = verbatims.get(rollup.stageId) ?? [];
    const { tally, scores, findability } = rollup;
    return {
      stage: { id: stage.id, name: stage.name, customerGoal: stage.customerGoal, desiredExperience: stage.desiredExperience },
      untagged: isUntagged,
      health: columnHealth(sh),
      touchpoints,
      actions: (map.actions[rollup.stageId] ?? []).map((a) => ({ ...a, label: map.labels[a.key] ?? a.pageKey })),
      verbatims: said,
      voice: map.voices[rollup.stageId] ?? EMPTY_SUMMARY,
      emotion: { mean: scores.emotion, answers: tally.emotion.answers },
      painPoints: bySeverity(map.painPoints[rollup.stageId] ?? []),
      painNotes: [...(own?.pain ?? [])].sort(openFirst),
      opportunities: [...(own?.opportunity ?? [])].sort(openFirst),
      metrics: {
        visits: rollup.visits,
        sessionsReached: rollup.sessionsReached,
        csat: scores.csat,
        ces: scores.ces,
        seq: scores.seq,
        nps: scores.nps,
        exits: rollup.exits,
        dropOff: rollup.dropOff,
        medianTimeMs: findability.medianTimeMs,
        medianPages: findability.medianPages,
        answers: tally.csat.answers + tally.ces.answers + tally.seq.answers + tally.nps.answers + tally.emotion.answers,
      },
    };
  });

  return {
    studyName: map.study.name,
    columns,
    score: health.score,
    lowConfidence: health.lowConfidence,
    band: healthBand(health.score),
    parts: health.parts,
    paths: aggregate.paths,
    happiness: health.happiness,
    goalCompletion: health.goalCompletion,
    sessions: aggregate.sessions.total,
    visits: aggregate.counts.visits,
  };
}
