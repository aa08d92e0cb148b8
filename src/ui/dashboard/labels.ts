import type { CsvKind } from '../../core/exchange/csv';
import type { ReportLabels } from '../../core/exchange/markdown-report';
import type { HealthPartName, LowConfidenceReason } from '../../core/health/touchpoint-health';
import { BAND_FAIR, BAND_GOOD, type HealthBand } from '../../core/journey-map/health-band';
import type { MapSvgLabels } from '../../core/journey-map/map-svg';
import type { MetricRow } from '../../core/journey-map/metric-rows';
import type { PainSeverity } from '../../core/journey-map/pain-severity';
import type { PathsLabels } from '../../core/journey-map/paths-svg';
import type { MapColumn, MapLane } from '../../core/journey-map/map-view';
import type { AnnotationType } from '../../core/records/annotation';
import type { Channel } from '../../core/records/offsite';
import type { Outcome } from '../../core/records/session';
import type { SignalKind } from '../../core/records/signal';
import type { Instrument } from '../../core/records/survey';
import { t, type MessageKey } from '../../shared/i18n';
import { SIGNAL_LABEL } from '../signal-labels';

/** The words of the dashboard, by the values they name; and the translated labels the exports are written with. */

export const LANE_LABEL: Record<MapLane, MessageKey> = {
  touchpoints: 'dashboardLaneTouchpoints',
  actions: 'dashboardLaneActions',
  thoughts: 'dashboardLaneThoughts',
  emotion: 'dashboardLaneEmotion',
  painPoints: 'dashboardLanePainPoints',
  opportunities: 'dashboardLaneOpportunities',
  metrics: 'dashboardLaneMetrics',
};

export const CHANNEL_LABEL: Record<Channel, MessageKey> = {
  ad: 'dashboardChannelAd',
  email: 'dashboardChannelEmail',
  store_visit: 'dashboardChannelStoreVisit',
  call_centre: 'dashboardChannelCallCentre',
  social: 'dashboardChannelSocial',
  chat: 'dashboardChannelChat',
  other: 'dashboardChannelOther',
};

export const BAND_LABEL: Record<HealthBand, MessageKey> = {
  good: 'dashboardBandGood',
  fair: 'dashboardBandFair',
  poor: 'dashboardBandPoor',
  none: 'dashboardNotMeasured',
};

export const SEVERITY_LABEL: Record<PainSeverity, MessageKey> = {
  high: 'dashboardSeverityHigh',
  medium: 'dashboardSeverityMedium',
  low: 'dashboardSeverityLow',
};

export const METRIC_LABEL: Record<MetricRow, MessageKey> = {
  csat: 'dashboardMetricCsat',
  ces: 'dashboardMetricCes',
  seq: 'dashboardMetricSeq',
  nps: 'dashboardMetricNps',
  exits: 'dashboardMetricExits',
  dropOff: 'dashboardMetricDropOff',
  timeToReach: 'dashboardMetricTime',
  pagesToReach: 'dashboardMetricPages',
};

export const REASON_LABEL: Record<LowConfidenceReason, MessageKey> = {
  not_measured: 'dashboardReasonNotMeasured',
  no_visits: 'dashboardReasonNoVisits',
  few_visits: 'dashboardReasonFewVisits',
  few_visits_no_answers: 'dashboardReasonFewVisitsNoAnswers',
};

export const PART_LABEL: Record<HealthPartName, MessageKey> = {
  friction: 'dashboardPartFriction',
  exits: 'dashboardPartExits',
  deadEnd: 'dashboardPartDeadEnd',
  attitude: 'dashboardPartAttitude',
  painPoints: 'dashboardPartPainPoints',
};

export const INSTRUMENT_LABEL: Record<Instrument, MessageKey> = {
  csat: 'dashboardMetricCsat',
  ces: 'dashboardMetricCes',
  seq: 'dashboardMetricSeq',
  nps: 'dashboardMetricNps',
  emotion: 'dashboardInstrumentEmotion',
  open_text: 'dashboardInstrumentOpenText',
};

export const ANNOTATION_LABEL: Record<AnnotationType, MessageKey> = {
  pain_point: 'dashboardNotePainPoint',
  opportunity: 'dashboardNoteOpportunity',
  idea: 'dashboardNoteIdea',
  question: 'dashboardNoteQuestion',
};

export const CSV_KIND_LABEL: Record<CsvKind, MessageKey> = {
  sessions: 'dashboardCsvSessions',
  personas: 'dashboardCsvPersonas',
  visits: 'dashboardCsvVisits',
  signals: 'dashboardCsvSignals',
  responses: 'dashboardCsvResponses',
  annotations: 'dashboardCsvAnnotations',
  feedback: 'dashboardCsvFeedback',
  offsite: 'dashboardCsvOffsite',
};

export const OUTCOME_LABEL: Record<Outcome | 'running', MessageKey> = {
  goal_reached: 'outcomeGoalReached',
  abandoned: 'outcomeAbandoned',
  unknown: 'outcomeUnknown',
  running: 'dashboardSessionRunning',
};

// Over the labels, not SignalKind's options: the popup shows these, and loads no zod (it would run every schema first).
const signalNames = () => Object.fromEntries(Object.entries(SIGNAL_LABEL).map(([kind, key]) => [kind, t(key)])) as Record<SignalKind, string>;
const channelNames = () => Object.fromEntries(Object.entries(CHANNEL_LABEL).map(([c, key]) => [c, t(key)])) as Record<Channel, string>;
const laneNames = () => Object.fromEntries(Object.entries(LANE_LABEL).map(([lane, key]) => [lane, t(key)])) as Record<MapLane, string>;

/** What the map's marks mean, as its legend says on screen and in the SVG/PNG. */
export function legendWords(): MapSvgLabels['legend'] {
  return {
    good: `${t('dashboardBandGood')}: ${t('dashboardLegendGood', BAND_GOOD)}`,
    fair: `${t('dashboardBandFair')}: ${t('dashboardLegendFair', BAND_FAIR, BAND_GOOD - 1)}`,
    poor: `${t('dashboardBandPoor')}: ${t('dashboardLegendPoor', BAND_FAIR)}`,
    lowConfidence: t('dashboardLegendLow'),
    severity: t('dashboardLegendSeverity'),
    web: t('dashboardChannelWeb'),
  };
}

export function svgLabels(): MapSvgLabels {
  return {
    title: t('dashboardHeading'),
    journeyScore: t('dashboardJourneyScore'),
    happiness: t('dashboardHappiness'),
    goalCompletion: t('dashboardGoalCompletion'),
    sessions: t('dashboardSvgSessions', '{count}'),
    lanes: laneNames(),
    customerGoal: t('dashboardStageGoal'),
    desiredExperience: t('dashboardStageDesired'),
    health: t('dashboardHealth'),
    lowConfidence: t('dashboardLowConfidence'),
    notMeasured: t('dashboardNotMeasured'),
    noData: t('dashboardNoData'),
    more: t('dashboardMore', '{count}'),
    resolved: t('dashboardResolved'),
    noAnswers: t('dashboardNoAnswersShort'),
    writtenSentiment: t('dashboardWrittenSentiment'),
    sentimentMix: t('dashboardSentimentMix', '{negative}', '{neutral}', '{positive}'),
    themes: t('dashboardThemes'),
    painNote: t('dashboardNotePainPoint'),
    bands: { good: t('dashboardBandGood'), fair: t('dashboardBandFair'), poor: t('dashboardBandPoor') },
    legend: legendWords(),
    metrics: Object.fromEntries(Object.entries(METRIC_LABEL).map(([row, key]) => [row, t(key)])) as Record<MetricRow, string>,
    signals: signalNames(),
    channels: channelNames(),
    untagged: t('dashboardUntagged'),
    paths: pathsLabels(),
  };
}

export function reportLabels(): ReportLabels {
  return {
    title: t('dashboardReportTitle'),
    generated: t('dashboardReportGenerated'),
    filters: t('dashboardReportFilters'),
    allSessions: t('dashboardReportAllSessions'),
    personas: t('dashboardPersonas'),
    sessions: t('dashboardSessions'),
    dates: t('dashboardReportDates'),
    summary: t('dashboardReportSummary'),
    journeyScore: t('dashboardJourneyScore'),
    happiness: t('dashboardHappiness'),
    happinessDetail: t('dashboardHappinessDetail', '{positive}', '{rated}'),
    goalCompletion: t('dashboardGoalCompletion'),
    goalCompletionDetail: t('dashboardGoalDetail', '{reached}', '{ended}'),
    sampleSize: t('dashboardReportSample', '{sessions}', '{visits}'),
    lowConfidence: t('dashboardLowConfidence'),
    notMeasured: t('dashboardNotMeasured'),
    noData: t('dashboardNoData'),
    stagesHeading: t('dashboardReportStages'),
    stage: t('dashboardStage'),
    health: t('dashboardHealth'),
    emotion: t('dashboardInstrumentEmotion'),
    exits: t('dashboardMetricExits'),
    dropOff: t('dashboardMetricDropOff'),
    visits: t('dashboardMetricVisits'),
    csat: t('dashboardMetricCsat'),
    ces: t('dashboardMetricCes'),
    seq: t('dashboardMetricSeq'),
    nps: t('dashboardMetricNps'),
    timeToReach: t('dashboardMetricTime'),
    pagesToReach: t('dashboardMetricPages'),
    worstHeading: t('dashboardReportWorst'),
    untagged: t('dashboardUntagged'),
    parts: Object.fromEntries(Object.entries(PART_LABEL).map(([part, key]) => [part, t(key)])) as Record<HealthPartName, string>,
    reasons: Object.fromEntries(Object.entries(REASON_LABEL).map(([reason, key]) => [reason, t(key)])) as Record<LowConfidenceReason, string>,
    verbatimsHeading: t('dashboardReportVerbatims'),
    themes: t('dashboardThemes'),
    sentiment: { negative: t('textSentimentNegative'), neutral: t('textSentimentNeutral'), positive: t('textSentimentPositive') },
    painPointsHeading: t('dashboardLanePainPoints'),
    opportunitiesHeading: t('dashboardLaneOpportunities'),
    resolved: t('dashboardResolved'),
    none: t('dashboardReportNone'),
    journeyParts: t('dashboardReportParts', '{parts}'),
    goalsHeading: t('dashboardReportGoals'),
    customerGoal: t('dashboardStageGoal'),
    desiredExperience: t('dashboardStageDesired'),
    offsiteHeading: t('dashboardOffsiteHeading'),
    channels: channelNames(),
    pathsHeading: t('dashboardPathsHeading'),
    pathsToGoal: t('dashboardPathsToGoal', '{count}', '{reached}'),
    pathsMoves: t('dashboardReportPathsMoves'),
    pathsEnded: t('dashboardReportPathsEnded'),
  };
}

/** A map column's heading: the stage's name, or "Untagged" in the reader's language. */
export function columnName(column: Pick<MapColumn, 'stage' | 'untagged'>): string {
  return column.untagged ? t('dashboardUntagged') : column.stage.name;
}

/** The Paths figure's words; `{count}` and `{reached}` are filled in by the figure. */
export function pathsLabels(): PathsLabels {
  return {
    title: t('dashboardPathsHeading'),
    endedHere: t('dashboardPathsEnded', '{count}'),
    toGoal: t('dashboardPathsToGoal', '{count}', '{reached}'),
    none: t('dashboardPathsNone'),
  };
}
