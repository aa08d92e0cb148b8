import type { Channel } from '../records/offsite';
import type { SignalKind } from '../records/signal';
import { emotionSegments, emotionY, labelBelow } from './emotion-curve';
import { formatEmotion, formatShare } from './format';
import { BAND_COLOURS, BAND_FAIR, BAND_GOOD, type HealthBand } from './health-band';
import type { JourneyMapData } from './map-data';
import { CHANNEL_ICON, chipChannel, IDEA_ICON, NOTE_ICON } from './map-icons';
import { BAND_PATTERNS, bandStripe, confidenceRing, faceMark, lineIcon, severityBars } from './map-svg-marks';
import { journeyMapView, MAP_LANES, type MapChip, type MapColumn, type MapLane } from './map-view';
import { metricText, shownMetricRows, type MetricRow } from './metric-rows';
import { DEFAULT_PATHS_LABELS, pathsFigure, type PathsLabels } from './paths-svg';
import { ACCENT, INK, LINE, MUTED, PANEL } from './svg-palette';
import { escapeXml, textUnits, truncate, wrapText } from './svg-text';

/**
 * The journey map as a standalone SVG document (PRODUCT.md §7), the same picture as on screen: stages as numbered
 * arrows with their health and goals, touchpoint cards (channel icon, name, pattern, a health band in colour and
 * pattern with the score in words), the emotion curve of faces with gaps where nobody answered, pain points worst
 * first with severity bars, opportunities, the metrics some stage has, and a legend that says once what the marks
 * mean. Everything people typed or pages said is escaped, so the file is well-formed XML whatever the study holds.
 * Light colours only: the file is a document to print or paste into slides, not a themed screen.
 */

export interface MapSvgLabels {
  title: string;
  journeyScore: string;
  happiness: string;
  goalCompletion: string;
  /** `{count}` sessions. */
  sessions: string;
  lanes: Record<MapLane, string>;
  customerGoal: string;
  desiredExperience: string;
  health: string;
  lowConfidence: string;
  notMeasured: string;
  noData: string;
  /** Under a stage nobody rated on the emotion curve. */
  noAnswers: string;
  /** The second series of the emotion curve. */
  writtenSentiment: string;
  /** `{negative}`, `{neutral}`, `{positive}`: a stage's sentiment mix. */
  sentimentMix: string;
  themes: string;
  painNote: string;
  bands: Record<Exclude<HealthBand, 'none'>, string>;
  /** The legend's lines, their numbers filled in. */
  legend: { good: string; fair: string; poor: string; lowConfidence: string; severity: string; web: string };
  /** `{count}` more items not drawn. */
  more: string;
  resolved: string;
  metrics: Record<MetricRow, string>;
  signals: Record<SignalKind, string>;
  channels: Record<Channel, string>;
  /** The Untagged column's heading. */
  untagged: string;
  paths: PathsLabels;
}

export const DEFAULT_SVG_LABELS: MapSvgLabels = {
  title: 'Journey map',
  journeyScore: 'Journey score',
  happiness: 'Happiness',
  goalCompletion: 'Goal completion',
  sessions: '{count} sessions',
  lanes: {
    touchpoints: 'Touchpoints',
    actions: 'Actions',
    thoughts: 'Thoughts & feelings',
    emotion: 'Emotion curve',
    painPoints: 'Pain points',
    opportunities: 'Opportunities',
    metrics: 'Metrics',
  },
  customerGoal: 'Goal',
  desiredExperience: 'Desired',
  health: 'Health',
  lowConfidence: 'low confidence',
  notMeasured: 'Not measured',
  noData: '–',
  noAnswers: 'no answers',
  writtenSentiment: 'Sentiment of what people wrote',
  sentimentMix: '{negative} negative · {neutral} neutral · {positive} positive',
  themes: 'Themes',
  painNote: 'Pain point',
  bands: { good: 'Good', fair: 'Fair', poor: 'Poor' },
  legend: {
    good: `Good: health ${BAND_GOOD} or more`,
    fair: `Fair: health ${BAND_FAIR}–${BAND_GOOD - 1}`,
    poor: `Poor: health below ${BAND_FAIR}`,
    lowConfidence: 'Dotted ring: low confidence (few visits or answers; the score may still move)',
    severity: 'Bars: how severe a pain point is (three high, two medium, one low)',
    web: 'Web page',
  },
  more: '+{count} more',
  resolved: 'resolved',
  metrics: { csat: 'CSAT', ces: 'CES', seq: 'SEQ', nps: 'NPS', exits: 'Exits', dropOff: 'Drop-off', timeToReach: 'Time to reach', pagesToReach: 'Pages to reach' },
  signals: {
    rage_click: 'Rage click',
    dead_click: 'Dead click',
    slow_click: 'Slow click',
    dead_end: 'Dead end',
    exit: 'Exit',
    quick_back: 'Quick back',
    form_abandonment: 'Form abandoned',
    error: 'Page error',
    error_click: 'Error click',
    slow_page: 'Slow page',
    excessive_scroll: 'Excessive scrolling',
  },
  channels: { ad: 'Ad', email: 'Email', store_visit: 'Store visit', call_centre: 'Call centre', social: 'Social', chat: 'Chat', other: 'Other' },
  untagged: 'Untagged',
  paths: DEFAULT_PATHS_LABELS,
};

const PAD = 24;
const LANE_W = 150;
const COL_W = 230;
const CELL_PAD = 10;
const CHAR_W = 6.4; // mean advance of 12 px system-ui text
const MAX_UNITS = Math.floor((COL_W - 2 * CELL_PAD) / CHAR_W);
/** Text beside a mark (a number, an icon, severity bars) starts 20 px in. */
const MARKED_UNITS = MAX_UNITS - 4;
/** A card's name, bold, beside its band and icon. */
const CARD_UNITS = Math.floor((COL_W - 2 * CELL_PAD - 46) / 7);
const ARROW_H = 34;
const HEALTH_H = 28;
const EMOTION_H = 160;
const FACE_R = 11;
const ITEMS = 6;
const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif";
const MONO = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

interface Line {
  text: string;
  size?: number;
  weight?: 'bold';
  fill?: string;
  /** Extra space above this line. */
  gap?: number;
  /** Words at the start of the line drawn bold (a signal's name, "Goal:"). */
  lead?: string;
  /** A value drawn right-aligned on the same line (a metric's). */
  value?: string;
  italic?: boolean;
}

/** Something a lane cell lists: its wrapped lines, and a mark drawn at their left (top-left corner given). */
interface Item {
  lines: Line[];
  mark?: (x: number, y: number) => string;
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? String(values[k]) : whole));
const lineHeight = (line: Line) => Math.round((line.size ?? 12) * 1.4) + (line.gap ?? 0);
const linesHeight = (lines: readonly Line[]) => lines.reduce((h, l) => h + lineHeight(l), 0);
const ITEM_GAP = 7;
const itemsHeight = (items: readonly Item[]) => items.reduce((h, item, i) => h + linesHeight(item.lines) + (i ? ITEM_GAP : 0), 0);

function textLines(lines: readonly Line[], x: number, top: number, right = x): string {
  let y = top;
  return lines
    .map((line) => {
      y += lineHeight(line);
      const size = line.size ?? 12;
      const base = y - Math.round(size * 0.35);
      const body =
        line.lead && line.text.startsWith(line.lead)
          ? `<tspan font-weight="bold">${escapeXml(line.lead)}</tspan>${escapeXml(line.text.slice(line.lead.length))}`
          : escapeXml(line.text);
      const style = `${line.weight ? ' font-weight="bold"' : ''}${line.italic ? ' font-style="italic"' : ''}`;
      const value = line.value === undefined ? '' : `<text x="${right}" y="${base}" font-size="${size}" font-weight="bold" text-anchor="end" fill="${INK}">${escapeXml(line.value)}</text>`;
      return `<text x="${x}" y="${base}" font-size="${size}"${style} fill="${line.fill ?? INK}">${body}</text>${value}`;
    })
    .join('');
}

function drawItems(items: readonly Item[], x: number, top: number, width: number): string {
  let y = top;
  return items
    .map((item, i) => {
      if (i) y += ITEM_GAP;
      const indent = item.mark ? 20 : 0;
      const out = (item.mark ? item.mark(x, y + 3) : '') + textLines(item.lines, x + indent, y, x + width);
      y += linesHeight(item.lines);
      return out;
    })
    .join('');
}

/** Wrapped texts, at most `ITEMS` of them, then "+n more". */
function textItems(texts: readonly string[], l: MapSvgLabels, options: { maxLines?: number; mark?: (i: number) => Item['mark']; lead?: (i: number) => string | undefined; italic?: boolean } = {}): Item[] {
  const items: Item[] = texts.slice(0, ITEMS).map((text, i) => {
    const mark = options.mark?.(i);
    const lead = options.lead?.(i);
    const lines = wrapText(text, mark ? MARKED_UNITS : MAX_UNITS, options.maxLines ?? 3).map((t, j): Line => ({ text: t, ...(j === 0 && lead ? { lead } : {}), ...(options.italic ? { italic: true } : {}) }));
    return mark ? { lines, mark } : { lines };
  });
  if (texts.length > ITEMS) items.push({ lines: [{ text: fill(l.more, { count: texts.length - ITEMS }), fill: MUTED }] });
  return items;
}

const stepMark = (n: number) => (x: number, y: number) =>
  `<circle cx="${x + 8}" cy="${y + 6}" r="8" fill="${PANEL}" stroke="${LINE}"/><text x="${x + 8}" y="${y + 9.5}" font-size="10" font-weight="bold" text-anchor="middle" fill="${INK}">${n}</text>`;

function laneItems(column: MapColumn, lane: Exclude<MapLane, 'touchpoints' | 'emotion'>, l: MapSvgLabels, metricRows: readonly MetricRow[]): Item[] {
  switch (lane) {
    case 'actions':
      return textItems(
        column.actions.map((a) => `${a.label}${a.visits > 1 ? ` ×${a.visits}` : ''}`),
        l,
        { maxLines: 2, mark: (i) => stepMark(i + 1) },
      );
    case 'thoughts': {
      const items: Item[] = [];
      const { voice } = column;
      if (voice.themes.length || voice.mean !== null) {
        const mix = fill(l.sentimentMix, voice.mix);
        const themes = voice.themes.map((t) => `${t.label} ×${t.count}`).join(', ');
        items.push({
          lines: [
            ...wrapText(mix, MAX_UNITS, 2).map((text): Line => ({ text, fill: MUTED })),
            ...(themes ? wrapText(`${l.themes}: ${themes}`, MAX_UNITS, 2).map((text, j): Line => ({ text, ...(j ? {} : { lead: `${l.themes}:` }) })) : []),
          ],
        });
      }
      return [...items, ...textItems(column.verbatims.map((v) => `“${v.text}”`), l, { italic: true })];
    }
    case 'painPoints': {
      const signals = column.painPoints.map((g) => `${l.signals[g.kind]}${g.element ? ` · ${g.element}` : ''} ×${g.count}`);
      const notes = column.painNotes.map((a) => `${l.painNote}: ${a.text}${a.status === 'resolved' ? ` (${l.resolved})` : ''}`);
      return textItems([...signals, ...notes], l, {
        maxLines: 2,
        mark: (i) => {
          const group = column.painPoints[i];
          return group ? (x, y) => severityBars(group.severity, x, y + 11) : (x, y) => lineIcon(NOTE_ICON, x, y - 1, MUTED, 14);
        },
        lead: (i) => (i < signals.length ? l.signals[column.painPoints[i]!.kind] : `${l.painNote}:`),
      });
    }
    case 'opportunities':
      return textItems(
        column.opportunities.map((a) => `${a.text}${a.status === 'resolved' ? ` (${l.resolved})` : ''}`),
        l,
        { mark: () => (x, y) => lineIcon(IDEA_ICON, x, y - 1, MUTED, 14) },
      );
    case 'metrics':
      return [{ lines: metricRows.map((row): Line => ({ text: l.metrics[row], fill: MUTED, value: metricText(column.metrics, row) ?? l.noData })) }];
  }
}

/** "95 Good" with the band's ink, and the dotted ring when the score is of low confidence. */
function healthWords(score: number | null, band: HealthBand, low: boolean, x: number, baseline: number, l: MapSvgLabels, prefix = ''): string {
  const ink = BAND_COLOURS[band].text;
  if (score === null) return `<text x="${x}" y="${baseline}" font-size="12" font-weight="bold" fill="${ink}">${escapeXml(prefix ? `${prefix} ${l.notMeasured}` : l.notMeasured)}</text>`;
  const word = band === 'none' ? '' : l.bands[band];
  const head = prefix ? `<tspan fill="${MUTED}">${escapeXml(prefix)}</tspan> ` : '';
  const text = `<text x="${x}" y="${baseline}" font-size="12" font-weight="bold" fill="${ink}">${head}<tspan font-size="14">${score}</tspan> ${escapeXml(word)}</text>`;
  // No layout engine here: widths are estimated generously from bold 12 px and 14 px text.
  const width = (prefix ? textUnits(prefix) * 8 + 4 : 0) + String(score).length * 9.5 + 4 + textUnits(word) * 8.4;
  return text + (low ? confidenceRing(x + width + 12, baseline - 4.5, ink) : '');
}

function cardLines(chip: MapChip, l: MapSvgLabels): { name: string[]; sub: string | null } {
  const sub = chip.kind === 'offsite' ? l.channels[chip.channel ?? 'other'] : chip.pageKey !== null && chip.pageKey !== chip.label ? chip.pageKey : null;
  return { name: wrapText(chip.label, CARD_UNITS, 2), sub: sub === null ? null : truncate(sub, CARD_UNITS + 6) };
}

const cardHeight = (chip: MapChip, l: MapSvgLabels) => {
  const { name, sub } = cardLines(chip, l);
  return 12 + name.length * 16 + (sub === null ? 0 : 14) + 22;
};

function cardSvg(chip: MapChip, x: number, y: number, l: MapSvgLabels): string {
  const w = COL_W - 2 * CELL_PAD;
  const h = cardHeight(chip, l);
  const { name, sub } = cardLines(chip, l);
  let ty = y + 8;
  let body = name.map((line) => `<text x="${x + 38}" y="${(ty += 16) - 4}" font-size="12.5" font-weight="bold" fill="${INK}">${escapeXml(line)}</text>`).join('');
  if (sub !== null) body += `<text x="${x + 38}" y="${(ty += 14) - 3}" font-size="10.5" fill="${MUTED}"${chip.kind === 'page' ? ` font-family="${MONO}"` : ''}>${escapeXml(sub)}</text>`;
  body += healthWords(chip.score, chip.band, chip.lowConfidence, x + 38, ty + 17, l);
  return (
    `<g data-touchpoint="${escapeXml(chip.key)}" data-band="${chip.band}">` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="#ffffff" stroke="${LINE}"/>` +
    bandStripe(chip.band, x, y, 7, h) +
    lineIcon(CHANNEL_ICON[chipChannel(chip)], x + 15, y + 10, MUTED) +
    body +
    `</g>`
  );
}

/** The legend under the map: what the bands, the ring, the bars and the icon mean, said once. */
function legendSvg(l: MapSvgLabels, x0: number, top: number, right: number): { body: string; height: number } {
  const entries: Array<[string, string]> = [
    [bandStripe('good', 0, -10, 22, 12), l.legend.good],
    [bandStripe('fair', 0, -10, 22, 12), l.legend.fair],
    [bandStripe('poor', 0, -10, 22, 12), l.legend.poor],
    [bandStripe('none', 0, -10, 22, 12), l.notMeasured],
    [confidenceRing(8, -4, MUTED), l.legend.lowConfidence],
    [severityBars('high', 0, 1), l.legend.severity],
    [lineIcon(CHANNEL_ICON.web, 0, -12, MUTED), l.legend.web],
  ];
  let x = x0;
  let y = top + 14;
  const body = entries
    .map(([mark, text]) => {
      const width = 30 + textUnits(text) * 6.2 + 24;
      if (x > x0 && x + width > right) {
        x = x0;
        y += 22;
      }
      const out = `<g transform="translate(${x} ${y})">${mark}<text x="30" y="0" font-size="11.5" fill="${MUTED}">${escapeXml(text)}</text></g>`;
      x += width;
      return out;
    })
    .join('');
  return { body: `<g data-section="legend">${body}</g>`, height: y - top + 10 };
}

export function journeyMapSvg(map: JourneyMapData, labels: Partial<MapSvgLabels> = {}): string {
  const l: MapSvgLabels = { ...DEFAULT_SVG_LABELS, ...labels };
  const view = journeyMapView(map);
  const columns = view.columns;
  const mapWidth = PAD * 2 + LANE_W + COL_W * columns.length;
  const colX = (i: number) => PAD + LANE_W + i * COL_W;
  const metricRows = shownMetricRows(columns);
  const parts: string[] = [BAND_PATTERNS];

  // Title and summary.
  const summary = [
    `${l.journeyScore}: ${view.score === null ? l.noData : `${view.score}/100${view.lowConfidence ? ` (${l.lowConfidence})` : ''}`}`,
    `${l.happiness}: ${view.happiness.share === null ? l.noData : formatShare(view.happiness.share)}`,
    `${l.goalCompletion}: ${view.goalCompletion.rate === null ? l.noData : formatShare(view.goalCompletion.rate)}`,
    fill(l.sessions, { count: view.sessions }),
  ].join('   ·   ');
  parts.push(textLines([{ text: `${l.title}: ${view.studyName}`, size: 20, weight: 'bold' }, { text: summary, size: 12.5, fill: MUTED, gap: 2 }], PAD, PAD - 8));
  const headTop = PAD + 58;
  let y = headTop;

  // Stage heads: a numbered arrow, the stage's health as a band with its words, the goal and desired experience.
  const notes = columns.map((c) => {
    const lines: Line[] = [];
    const note = (label: string, text: string) =>
      wrapText(`${label}: ${text}`, MAX_UNITS + 4, 3).forEach((t, i) => lines.push({ text: t, size: 10.5, fill: MUTED, gap: i ? 0 : 4, ...(i ? {} : { lead: `${label}:` }) }));
    if (c.stage.customerGoal.trim()) note(l.customerGoal, c.stage.customerGoal);
    if (c.stage.desiredExperience.trim()) note(l.desiredExperience, c.stage.desiredExperience);
    return lines;
  });
  const headH = ARROW_H + 10 + HEALTH_H + Math.max(0, ...notes.map(linesHeight)) + CELL_PAD + 4;
  parts.push(`<rect x="${PAD + LANE_W}" y="${y}" width="${COL_W * columns.length}" height="${headH}" fill="${PANEL}"/>`);
  columns.forEach((c, i) => {
    const x0 = colX(i);
    const notch = i > 0 && !c.untagged;
    const mid = y + ARROW_H / 2;
    const arrow = [`${x0},${y}`, `${x0 + COL_W - 12},${y}`, `${x0 + COL_W},${mid}`, `${x0 + COL_W - 12},${y + ARROW_H}`, `${x0},${y + ARROW_H}`, ...(notch ? [`${x0 + 11},${mid}`] : [])];
    parts.push(`<polygon points="${arrow.join(' ')}" fill="${c.untagged ? BAND_COLOURS.none.text : ACCENT}"/>`);
    const nameX = x0 + (c.untagged ? 14 : notch ? 48 : 38);
    const healthTop = y + ARROW_H + 10;
    parts.push(
      `<g data-stage-id="${escapeXml(c.stage.id)}">` +
        `<text x="${nameX}" y="${mid + 5}" font-size="14.5" font-weight="bold" fill="#ffffff">${escapeXml(truncate(c.untagged ? l.untagged : c.stage.name, MAX_UNITS - 6))}</text>` +
        (c.untagged ? '' : `<circle cx="${nameX - 15}" cy="${mid}" r="10" fill="#ffffff"/><text x="${nameX - 15}" y="${mid + 4}" font-size="11.5" font-weight="bold" text-anchor="middle" fill="${ACCENT}">${i + 1}</text>`) +
        `<rect x="${x0 + CELL_PAD}" y="${healthTop}" width="${COL_W - 2 * CELL_PAD}" height="${HEALTH_H}" rx="4" fill="${BAND_COLOURS[c.health.band].fill}"/>` +
        bandStripe(c.health.band, x0 + CELL_PAD, healthTop, 7, HEALTH_H) +
        healthWords(c.health.score, c.health.band, c.health.lowConfidence, x0 + CELL_PAD + 16, healthTop + 19, l, l.health) +
        textLines(notes[i]!, x0 + CELL_PAD, healthTop + HEALTH_H + 2) +
        `</g>`,
    );
  });
  y += headH;

  const laneTop: Array<[MapLane, number, number]> = [];
  for (const lane of MAP_LANES) {
    let height: number;
    let body = '';
    if (lane === 'touchpoints') {
      const stacks = columns.map((c) => c.touchpoints.slice(0, ITEMS).reduce((h, chip) => h + cardHeight(chip, l) + 8, 0) + (c.touchpoints.length > ITEMS ? 18 : 0));
      height = Math.max(36, ...stacks) + 2 * CELL_PAD - 8;
      columns.forEach((c, i) => {
        let top = y + CELL_PAD;
        for (const chip of c.touchpoints.slice(0, ITEMS)) {
          body += cardSvg(chip, colX(i) + CELL_PAD, top, l);
          top += cardHeight(chip, l) + 8;
        }
        if (!c.touchpoints.length) body += textLines([{ text: l.noData, fill: MUTED }], colX(i) + CELL_PAD, y + CELL_PAD - 4);
        if (c.touchpoints.length > ITEMS) body += textLines([{ text: fill(l.more, { count: c.touchpoints.length - ITEMS }), fill: MUTED }], colX(i) + CELL_PAD, top - 4);
      });
    } else if (lane === 'emotion') {
      height = EMOTION_H;
      const top = y + 30;
      const band = EMOTION_H - 60;
      const values = columns.map((c) => c.emotion.mean);
      const written = columns.some((c) => c.voice.mean !== null) ? columns.map((c) => (c.voice.mean === null ? null : c.voice.mean * 2)) : null;
      const x = (i: number) => colX(i) + COL_W / 2;
      const ey = (v: number) => emotionY(v, top, band);
      const zero = ey(0);
      body += `<line x1="${colX(0)}" y1="${zero}" x2="${colX(columns.length)}" y2="${zero}" stroke="${MUTED}" stroke-width="1" stroke-dasharray="4 4"/>`;
      for (const v of [2, -2]) body += `<line x1="${colX(0)}" y1="${ey(v)}" x2="${colX(columns.length)}" y2="${ey(v)}" stroke="${LINE}" stroke-width="1"/>`;
      for (const [value, label] of [[2, '+2'], [0, '0'], [-2, '\u22122']] as const) {
        body += `<text x="${PAD + LANE_W - 8}" y="${ey(value) + 4}" font-size="10" text-anchor="end" fill="${MUTED}">${label}</text>`;
      }
      if (written) {
        for (const [a, b] of emotionSegments(written)) body += `<line x1="${x(a)}" y1="${ey(written[a]!)}" x2="${x(b)}" y2="${ey(written[b]!)}" stroke="${INK}" stroke-width="2" stroke-dasharray="2 4"/>`;
        written.forEach((v, i) => v !== null && (body += `<rect x="${x(i) - 4.5}" y="${ey(v) - 4.5}" width="9" height="9" fill="${INK}" stroke="#ffffff" stroke-width="1.5"/>`));
        const right = colX(columns.length) - 8;
        body += `<rect x="${right - 8}" y="${y + 8}" width="8" height="8" fill="${INK}"/><text x="${right - 14}" y="${y + 16}" font-size="11" text-anchor="end" fill="${MUTED}">${escapeXml(l.writtenSentiment)}</text>`;
      }
      for (const [a, b] of emotionSegments(values)) {
        body += `<line x1="${x(a)}" y1="${ey(values[a]!)}" x2="${x(b)}" y2="${ey(values[b]!)}" stroke="${ACCENT}" stroke-width="2.5" stroke-linecap="round"/>`;
      }
      values.forEach((value, i) => {
        if (value === null) {
          body += `<text x="${x(i)}" y="${zero + 16}" font-size="11" font-style="italic" text-anchor="middle" fill="${MUTED}">${escapeXml(l.noAnswers)}</text>`;
          return;
        }
        const cy = ey(value);
        body += faceMark(value, x(i), cy, FACE_R, ACCENT);
        body += `<text x="${x(i)}" y="${labelBelow(value) ? cy + FACE_R + 14 : cy - FACE_R - 6}" font-size="11.5" font-weight="bold" text-anchor="middle" fill="${INK}">${formatEmotion(value)}</text>`;
      });
    } else {
      const cells = columns.map((c) => laneItems(c, lane, l, metricRows));
      height = Math.max(36, ...cells.map(itemsHeight)) + 2 * CELL_PAD;
      cells.forEach((items, i) => {
        body += items.length ? drawItems(items, colX(i) + CELL_PAD, y + CELL_PAD - 4, COL_W - 2 * CELL_PAD) : textLines([{ text: l.noData, fill: MUTED }], colX(i) + CELL_PAD, y + CELL_PAD - 4);
      });
    }
    laneTop.push([lane, y, height]);
    parts.push(`<g data-lane="${lane}">${body}</g>`);
    y += height;
  }
  const mapBottom = y;
  const legend = legendSvg(l, PAD, mapBottom + 12, mapWidth - PAD);
  parts.push(legend.body);
  const pathsTop = mapBottom + 12 + legend.height + PAD;
  // The Paths figure goes under the map, so the exported picture carries both.
  const paths = pathsFigure(view, l.paths);
  parts.push(`<g data-section="paths" transform="translate(0 ${pathsTop})">${paths.body}</g>`);
  const width = Math.max(mapWidth, paths.width);
  const height = pathsTop + paths.height + PAD;

  // Grid and lane headers, drawn under the content.
  const grid: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  for (const [lane, top, h] of laneTop) {
    grid.push(`<rect x="${PAD}" y="${top}" width="${LANE_W}" height="${h}" fill="${PANEL}"/>`);
    grid.push(textLines(wrapText(l.lanes[lane], 20, 2).map((text) => ({ text, size: 12.5, weight: 'bold' as const })), PAD + CELL_PAD, top + CELL_PAD - 4));
    grid.push(`<line x1="${PAD}" y1="${top}" x2="${mapWidth - PAD}" y2="${top}" stroke="${LINE}"/>`);
  }
  for (let i = 0; i <= columns.length; i++) grid.push(`<line x1="${colX(i)}" y1="${headTop + ARROW_H}" x2="${colX(i)}" y2="${y}" stroke="${LINE}"/>`);
  grid.push(`<line x1="${PAD}" y1="${y}" x2="${mapWidth - PAD}" y2="${y}" stroke="${LINE}"/>`);

  const title = `${l.title}: ${view.studyName}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-labelledby="map-title">` +
    `<title id="map-title">${escapeXml(title)}</title>` +
    grid.join('') +
    parts.join('') +
    '</svg>'
  );
}
