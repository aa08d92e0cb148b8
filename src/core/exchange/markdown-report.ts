import { inertText } from '../inert-text';
import type { Annotation } from '../records/annotation';
import type { Study } from '../records/study';
import type { MapAggregate } from '../journey-map/map-data';
import type { TouchpointRollup } from '../health/touchpoint-rollups';
import type { JourneyHealth } from '../health/journey-health';
import { formatHealthPartValue, formatShare } from '../journey-map/format';
import { HEALTH_PARTS, worstParts, type HealthPart, type HealthPartName, type LowConfidenceReason, type TouchpointHealth } from '../health/touchpoint-health';
import { placeOf } from '../health/session-rollup';
import type { Channel } from '../records/offsite';
import type { Polarity } from '../text/sentiment';
import { summarizeTexts } from '../text/summary';
import type { TextSummary } from '../text/voice';

/**
 * The Markdown report (PRODUCT.md §7): map summary, the five worst touchpoints and why, verbatims, pain points and
 * opportunities. Everything people typed or pages said — stage names, page keys, answers, notes — is untrusted: it
 * is flattened to one line and escaped so it stays text in any renderer (no HTML, links, headings or table cells of
 * its own). The report writes no HTML itself either, so a `<` in the output is never a tag.
 */

export interface ReportLabels {
  title: string;
  generated: string;
  filters: string;
  allSessions: string;
  personas: string;
  sessions: string;
  dates: string;
  summary: string;
  journeyScore: string;
  happiness: string;
  /** `{positive}` of `{rated}` stages. */
  happinessDetail: string;
  goalCompletion: string;
  /** `{reached}` of `{ended}` sessions. */
  goalCompletionDetail: string;
  /** `{sessions}` and `{visits}`. */
  sampleSize: string;
  lowConfidence: string;
  notMeasured: string;
  noData: string;
  stagesHeading: string;
  stage: string;
  health: string;
  emotion: string;
  exits: string;
  dropOff: string;
  visits: string;
  csat: string;
  ces: string;
  seq: string;
  nps: string;
  timeToReach: string;
  pagesToReach: string;
  worstHeading: string;
  untagged: string;
  parts: Record<HealthPartName, string>;
  reasons: Record<LowConfidenceReason, string>;
  verbatimsHeading: string;
  themes: string;
  sentiment: Record<Polarity, string>;
  painPointsHeading: string;
  opportunitiesHeading: string;
  resolved: string;
  none: string;
  /** The parts of the journey score: `{parts}`. */
  journeyParts: string;
  goalsHeading: string;
  customerGoal: string;
  desiredExperience: string;
  offsiteHeading: string;
  channels: Record<Channel, string>;
  pathsHeading: string;
  /** `{count}` of `{reached}` walks that reached the goal. */
  pathsToGoal: string;
  pathsMoves: string;
  pathsEnded: string;
}

export const DEFAULT_REPORT_LABELS: ReportLabels = {
  title: 'Journey report',
  generated: 'Generated',
  filters: 'Filters',
  allSessions: 'all sessions',
  personas: 'Personas',
  sessions: 'Sessions',
  dates: 'Dates',
  summary: 'Summary',
  journeyScore: 'Journey score',
  happiness: 'Happiness',
  happinessDetail: '{positive} of {rated} stages with positive emotion',
  goalCompletion: 'Goal completion',
  goalCompletionDetail: '{reached} of {ended} ended sessions',
  sampleSize: '{sessions} sessions, {visits} visits',
  lowConfidence: 'low confidence',
  notMeasured: 'not measured',
  noData: '–',
  stagesHeading: 'Stages',
  stage: 'Stage',
  health: 'Health',
  emotion: 'Emotion',
  exits: 'Exits',
  dropOff: 'Drop-off',
  visits: 'Visits',
  csat: 'CSAT',
  ces: 'CES',
  seq: 'SEQ',
  nps: 'NPS',
  timeToReach: 'Time to reach (median)',
  pagesToReach: 'Pages to reach (median)',
  worstHeading: 'Five worst touchpoints',
  untagged: 'Untagged',
  parts: {
    friction: 'Friction per visit',
    exits: 'Exit rate',
    deadEnd: 'Dead-end rate',
    attitude: 'Survey answers',
    painPoints: 'Open pain points',
  },
  reasons: {
    not_measured: 'not measured',
    no_visits: 'no visits',
    few_visits: 'fewer than 5 visits',
    few_visits_no_answers: 'fewer than 10 visits and no survey answers',
  },
  verbatimsHeading: 'Verbatims',
  themes: 'Themes',
  sentiment: { negative: 'negative', neutral: 'neutral', positive: 'positive' },
  painPointsHeading: 'Pain points',
  opportunitiesHeading: 'Opportunities',
  resolved: 'resolved',
  none: 'None.',
  journeyParts: 'What it is made of: {parts}',
  goalsHeading: 'Stage goals and desired experience',
  customerGoal: 'Goal',
  desiredExperience: 'Desired experience',
  offsiteHeading: 'Off-site touchpoints',
  channels: { ad: 'Ad', email: 'Email', store_visit: 'Store visit', call_centre: 'Call centre', social: 'Social', chat: 'Chat', other: 'Other' },
  pathsHeading: 'Paths',
  pathsToGoal: 'Most common path to the goal ({count} of {reached} walks that reached it)',
  pathsMoves: 'Moves between touchpoints, most taken first',
  pathsEnded: 'Where walks ended',
};

export interface ReportFilter {
  /** Persona names (not ids): the report is read by people. */
  personas?: readonly string[];
  /** Session names or labels. */
  sessions?: readonly string[];
  from?: number;
  to?: number;
}

export interface ReportInput {
  study: Pick<Study, 'name' | 'stages'>;
  aggregate: MapAggregate;
  health: JourneyHealth;
  /** Touchpoint key → the name people read (the map's `labels`); the page key otherwise. */
  labels?: Readonly<Record<string, string>>;
  filter?: ReportFilter;
  generatedAt: number;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Untrusted text as inert inline Markdown: line breaks become spaces (no new blocks), `& < >` become entities (no
 * HTML, no autolinks), and what opens emphasis, code, links and images (`[` — so `](` and `![` are dead too),
 * headings, table cells and strikethrough is backslash-escaped anywhere; what only starts a block (a list's `-`,
 * `+` or `1.`, a setext `=`) is escaped at the start, where the text may land after our own `- `. Other punctuation
 * is left alone so the raw file stays readable. Bidi and zero-width controls become U+FFFD (core/inert-text.ts).
 */
export function escapeMarkdown(text: string): string {
  return inertText(text)
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .trim()
    .replace(/[&<>]/g, (c) => ENTITIES[c]!)
    .replace(/[\\`*_[\]#|~]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** `{name}` placeholders filled with values (numbers or already-escaped text). */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const signed = (n: number, digits: number) => `${n > 0 ? '+' : ''}${n.toFixed(digits)}`;
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The whole report. `labels` overrides the English defaults, key by key (the UI passes translations). */
export function markdownReport(input: ReportInput, labels: Partial<ReportLabels> = {}): string {
  const l: ReportLabels = { ...DEFAULT_REPORT_LABELS, ...labels };
  const { aggregate, health } = input;
  const stageNames = new Map(input.study.stages.map((s) => [s.id, s.name]));
  const stageName = (id: string | null) => escapeMarkdown((id !== null && stageNames.get(id)) || l.untagged);
  const esc = escapeMarkdown;
  const dash = esc(l.noData);
  const scoreText = (score: number | null, low: boolean, reason?: LowConfidenceReason) => {
    if (score === null) return esc(l.notMeasured);
    return low ? `${score}/100 (${esc(reason ? l.reasons[reason] : l.lowConfidence)})` : `${score}/100`;
  };
  const out: string[] = [];

  out.push(`# ${esc(l.title)}: ${esc(input.study.name)}`, '');
  out.push(`- ${esc(l.generated)}: ${isoDate(input.generatedAt)}`);
  out.push(`- ${esc(l.filters)}: ${filterText(input.filter ?? {}, l)}`, '');

  out.push(`## ${esc(l.summary)}`, '');
  out.push(`- ${esc(l.journeyScore)}: ${health.score === null ? dash : `${health.score}/100${health.lowConfidence ? ` (${esc(l.lowConfidence)})` : ''}`}`);
  const { happiness, goalCompletion } = health;
  out.push(
    `- ${esc(l.happiness)}: ${happiness.share === null ? dash : `${formatShare(happiness.share)} (${esc(fillLabel(l.happinessDetail, { positive: happiness.positiveStages, rated: happiness.stagesWithEmotion }))})`}`,
  );
  out.push(
    `- ${esc(l.goalCompletion)}: ${goalCompletion.rate === null ? dash : `${formatShare(goalCompletion.rate)} (${esc(fillLabel(l.goalCompletionDetail, { reached: goalCompletion.reached, ended: goalCompletion.ended }))})`}`,
  );
  out.push(`- ${esc(fillLabel(l.sampleSize, { sessions: aggregate.sessions.total, visits: aggregate.counts.visits }))}`);
  const journeyWhy = partsText(health.parts, l);
  if (health.score !== null && journeyWhy) out.push(`  - ${fillLabel(esc(l.journeyParts), { parts: journeyWhy })}`);
  out.push('');

  out.push(`## ${esc(l.goalsHeading)}`, '');
  const described = input.study.stages.filter((s) => s.customerGoal.trim() || s.desiredExperience.trim());
  if (!described.length) out.push(esc(l.none));
  for (const stage of described) {
    out.push(`- **${esc(stage.name)}**`);
    if (stage.customerGoal.trim()) out.push(`  - ${esc(l.customerGoal)}: ${esc(stage.customerGoal)}`);
    if (stage.desiredExperience.trim()) out.push(`  - ${esc(l.desiredExperience)}: ${esc(stage.desiredExperience)}`);
  }
  out.push('');

  out.push(`## ${esc(l.stagesHeading)}`, '');
  const headers = [l.stage, l.health, l.emotion, l.exits, l.dropOff, l.visits, l.csat, l.ces, l.seq, l.nps, l.timeToReach, l.pagesToReach];
  out.push(`| ${headers.map(esc).join(' | ')} |`, `|${headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  const rows = health.untagged.visits > 0 ? [...health.stages, { ...health.untagged, name: l.untagged }] : health.stages;
  for (const stage of rows) {
    const { rollup } = stage;
    const scores = rollup.scores;
    const cells = [
      esc(stage.name),
      scoreText(stage.score, stage.lowConfidence, stage.reason),
      stage.emotionMean === null ? dash : signed(stage.emotionMean, 1),
      String(rollup.exits),
      rollup.dropOff === null ? dash : formatShare(rollup.dropOff),
      String(rollup.visits),
      scores.csat === null ? dash : `${Math.round(scores.csat)}%`,
      scores.ces === null ? dash : scores.ces.toFixed(1),
      scores.seq === null ? dash : scores.seq.toFixed(1),
      scores.nps === null ? dash : signed(Math.round(scores.nps), 0),
      rollup.findability.medianTimeMs === null ? dash : seconds(rollup.findability.medianTimeMs),
      rollup.findability.medianPages === null ? dash : String(rollup.findability.medianPages),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  for (const stage of rows) {
    const why = stage.score === null ? '' : partsText(stage.parts, l);
    if (why) out.push(`- ${esc(stage.name)}: ${why}`);
  }
  out.push('');

  out.push(`## ${esc(l.worstHeading)}`, '');
  const byKey = new Map(aggregate.touchpoints.map((tp) => [tp.key, tp]));
  const worst = health.touchpoints
    .filter((h): h is TouchpointHealth & { score: number } => h.score !== null)
    .sort((a, b) => a.score - b.score || b.visits - a.visits)
    .slice(0, 5);
  if (!worst.length) out.push(esc(l.none));
  worst.forEach((h, i) => {
    const tp = byKey.get(h.key)!;
    const why = worstParts(h).map((p) => `${esc(l.parts[p.part])} ${(p.raw === null ? '' : formatHealthPartValue(p.part, p.raw))} (−${p.contribution})`);
    out.push(`${i + 1}. **${name(tp)}** (${stageName(tp.stageId)}): ${scoreText(h.score, h.lowConfidence, h.reason)}; ${esc(l.visits)}: ${h.visits}`);
    if (why.length) out.push(`   - ${why.join('; ')}`);
  });
  out.push('');

  out.push(`## ${esc(l.verbatimsHeading)}`, '');
  if (!aggregate.verbatims.length) out.push(esc(l.none), '');
  // Sentiment of every answer and note; themes and the sentiment mix per stage, and per touchpoint when a stage's
  // texts come from more than one.
  const notesOf = (stageId: string | null) => aggregate.annotations.filter((a) => a.stageId === stageId && (a.type === 'pain_point' || a.type === 'opportunity'));
  const textsSaid = aggregate.verbatims.map((v) => ({ id: v.responseId, text: v.text }));
  const said = summarizeTexts([...textsSaid, ...aggregate.annotations.map((a) => ({ id: a.id, text: a.text }))], { themes: 0 }).sentiments;
  const polarity = (id: string) => (said[id] ? ` (${esc(l.sentiment[said[id].polarity])})` : '');
  for (const [stageId, items] of groupByStage(aggregate.verbatims, input.study)) {
    out.push(`### ${stageName(stageId)}`, '');
    const texts = [...items.map((v) => ({ id: v.responseId, text: v.text, pageKey: v.pageKey })), ...notesOf(stageId)];
    out.push(voiceLine(summarizeTexts(texts), l), '');
    const pages = [...new Set(texts.map((x) => x.pageKey))];
    if (pages.length > 1) {
      for (const page of pages) out.push(`- ${esc(page)}: ${voiceLine(summarizeTexts(texts.filter((x) => x.pageKey === page)), l)}`);
      out.push('');
    }
    for (const v of items) out.push(`- ${esc(v.text)} — ${esc(v.pageKey)}${polarity(v.responseId)}`);
    out.push('');
  }

  const notes = (type: Annotation['type'], heading: string) => {
    out.push(`## ${esc(heading)}`, '');
    const list = aggregate.annotations.filter((a) => a.type === type);
    if (!list.length) out.push(esc(l.none));
    for (const a of list) {
      out.push(`- ${stageName(a.stageId)}, ${esc(a.pageKey)}: ${esc(a.text)}${a.status === 'resolved' ? ` (${esc(l.resolved)})` : ''}${polarity(a.id)}`);
    }
    out.push('');
  };
  notes('pain_point', l.painPointsHeading);
  notes('opportunity', l.opportunitiesHeading);

  out.push(`## ${esc(l.offsiteHeading)}`, '');
  const offsite = aggregate.touchpoints.filter((tp) => tp.offsite);
  if (!offsite.length) out.push(esc(l.none));
  for (const tp of offsite) {
    const o = tp.offsite!;
    const when = o.at === null ? '' : ` (${isoDate(o.at)})`;
    out.push(`- ${stageName(tp.stageId)}, ${esc(l.channels[o.channel])}: **${esc(o.name)}**${when}${o.note.trim() ? ` — ${esc(o.note)}` : ''}`);
  }
  out.push('');

  out.push(`## ${esc(l.pathsHeading)}`, '');
  const { paths } = aggregate;
  const keyName = (key: string) => name(byKey.get(key) ?? null, key);
  if (!paths.walks) out.push(esc(l.none));
  else {
    if (paths.toGoal) out.push(`${esc(fillLabel(l.pathsToGoal, { count: paths.toGoal.count, reached: paths.toGoal.reached }))}: ${paths.toGoal.keys.map(keyName).join(' → ')}`, '');
    out.push(`${esc(l.pathsMoves)}:`, '');
    for (const move of paths.transitions.slice(0, 10)) out.push(`- ${keyName(move.from)} → ${keyName(move.to)}: ${move.count}`);
    out.push('', `${esc(l.pathsEnded)}:`, '');
    for (const end of paths.ends) out.push(`- ${keyName(end.key)}: ${end.count}`);
  }
  out.push('');

  return out.join('\n');

  function name(tp: TouchpointRollup | null, key = tp?.key ?? ''): string {
    const label = input.labels?.[key];
    const fallback = tp?.pageKey ?? tp?.offsite?.name ?? placeOf(key).pageKey;
    return escapeMarkdown(label && label !== fallback ? `${label} (${fallback})` : fallback);
  }
}

/** A score's parts that cost points, worst first: "Friction per visit 1.07 (−40)". */
function partsText(parts: Record<HealthPartName, HealthPart>, l: ReportLabels): string {
  return HEALTH_PARTS.map((part) => ({ part, ...parts[part] }))
    .filter((p) => p.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .map((p) => `${escapeMarkdown(l.parts[p.part])} ${p.raw === null ? '' : formatHealthPartValue(p.part, p.raw)} (−${p.contribution})`)
    .join('; ');
}

function filterText(filter: ReportFilter, l: ReportLabels): string {
  const parts: string[] = [];
  if (filter.personas?.length) parts.push(`${escapeMarkdown(l.personas)}: ${filter.personas.map(escapeMarkdown).join(', ')}`);
  if (filter.sessions?.length) parts.push(`${escapeMarkdown(l.sessions)}: ${filter.sessions.map(escapeMarkdown).join(', ')}`);
  if (filter.from !== undefined || filter.to !== undefined) {
    parts.push(`${escapeMarkdown(l.dates)}: ${filter.from === undefined ? '…' : isoDate(filter.from)} … ${filter.to === undefined ? '…' : isoDate(filter.to)}`);
  }
  return parts.length ? parts.join('; ') : escapeMarkdown(l.allSessions);
}

/** "Themes: 배송 ×3, 결제 ×2 · negative 2 · neutral 0 · positive 1", in the report's words. */
function voiceLine(voice: TextSummary, l: ReportLabels): string {
  const themes = voice.themes.map((t) => `${escapeMarkdown(t.label)} ×${t.count}`).join(', ');
  const mix = (['negative', 'neutral', 'positive'] as const).map((p) => `${escapeMarkdown(l.sentiment[p])} ${voice.mix[p]}`).join(' · ');
  return `*${themes ? `${escapeMarkdown(l.themes)}: ${themes} · ` : ''}${mix}*`;
}

/** Items grouped by stage, in journey order; untagged (or unknown stage) last. */
function groupByStage<T extends { stageId: string | null }>(items: readonly T[], study: Pick<Study, 'stages'>): Array<[string | null, T[]]> {
  const groups = new Map<string | null, T[]>(study.stages.map((s) => [s.id, []]));
  const known = new Set(study.stages.map((s) => s.id));
  for (const item of items) {
    const key = item.stageId !== null && known.has(item.stageId) ? item.stageId : null;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].filter(([, list]) => list.length > 0);
}
