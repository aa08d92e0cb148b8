import type { Channel } from '../records/offsite';
import type { SignalKind } from '../records/signal';
import { emotionSegments, emotionY, labelBelow } from './emotion-curve';
import { formatCount, formatDuration, formatEmotion, formatMean, formatShare, formatSigned } from './format';
import { BAND_COLOURS } from './health-band';
import type { JourneyMapData } from './map-data';
import { journeyMapView, MAP_LANES, type MapChip, type MapColumn, type MapLane } from './map-view';
import { DEFAULT_PATHS_LABELS, pathsFigure, type PathsLabels } from './paths-svg';
import { ACCENT, INK, LINE, MUTED, PANEL } from './svg-palette';
import { escapeXml, truncate, wrapText } from './svg-text';

/**
 * The journey map as a standalone SVG document (PRODUCT.md §7): stages as columns, the lanes as rows of text,
 * touchpoint chips coloured by health with the score written on them, and the emotion curve. Everything people
 * typed or pages said is escaped, so the file is well-formed XML whatever the study holds. Light colours only: the
 * file is a document to print or paste into slides, not a themed screen.
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
  /** `{count}` more items not drawn. */
  more: string;
  resolved: string;
  metrics: { csat: string; ces: string; seq: string; nps: string; exits: string; dropOff: string; visits: string; timeToReach: string; pagesToReach: string };
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
  notMeasured: 'not measured',
  noData: '–',
  more: '+{count} more',
  resolved: 'resolved',
  metrics: { csat: 'CSAT', ces: 'CES', seq: 'SEQ', nps: 'NPS', exits: 'Exits', dropOff: 'Drop-off', visits: 'Visits', timeToReach: 'Time to reach', pagesToReach: 'Pages to reach' },
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
const CHIP_H = 36;
const EMOTION_H = 130;
const ITEMS = 6;
const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif";

interface Line {
  text: string;
  size?: number;
  weight?: 'bold';
  fill?: string;
  /** Extra space above this line. */
  gap?: number;
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? String(values[k]) : whole));
const lineHeight = (line: Line) => Math.round((line.size ?? 12) * 1.4) + (line.gap ?? 0);
const linesHeight = (lines: readonly Line[]) => lines.reduce((h, l) => h + lineHeight(l), 0);

function textLines(lines: readonly Line[], x: number, top: number): string {
  let y = top;
  return lines
    .map((line) => {
      y += lineHeight(line);
      const size = line.size ?? 12;
      return `<text x="${x}" y="${y - Math.round(size * 0.35)}" font-size="${size}"${line.weight ? ' font-weight="bold"' : ''} fill="${line.fill ?? INK}">${escapeXml(line.text)}</text>`;
    })
    .join('');
}

/** Wrapped paragraphs, at most `ITEMS` of them, then "+n more". */
function listLines(items: readonly string[], l: MapSvgLabels, maxLines = 3): Line[] {
  const lines: Line[] = [];
  items.slice(0, ITEMS).forEach((item, i) => {
    wrapText(item, MAX_UNITS, maxLines).forEach((text, j) => lines.push({ text, gap: i > 0 && j === 0 ? 6 : 0 }));
  });
  if (items.length > ITEMS) lines.push({ text: fill(l.more, { count: items.length - ITEMS }), fill: MUTED, gap: 4 });
  return lines;
}

function chipStatus(chip: { score: number | null; lowConfidence: boolean }, l: MapSvgLabels): string {
  if (chip.score === null) return l.notMeasured;
  return `${l.health} ${chip.score}${chip.lowConfidence ? ` · ${l.lowConfidence}` : ''}`;
}

function laneLines(column: MapColumn, lane: Exclude<MapLane, 'touchpoints' | 'emotion'>, l: MapSvgLabels): Line[] {
  const none: Line[] = [{ text: l.noData, fill: MUTED }];
  switch (lane) {
    case 'actions': {
      const steps = column.actions.map((a, i) => `${i + 1}. ${a.pageKey}${a.visits > 1 ? ` ×${a.visits}` : ''}`);
      return steps.length ? listLines(steps, l, 2) : none;
    }
    case 'thoughts': {
      const quotes = column.verbatims.map((v) => `“${v.text}”`);
      return quotes.length ? listLines(quotes, l) : none;
    }
    case 'painPoints': {
      const items = [
        ...column.painPoints.map((g) => `${l.signals[g.kind]}${g.element ? ` · ${g.element}` : ''} ×${g.count}`),
        ...column.painNotes.map((a) => `✎ ${a.text}${a.status === 'resolved' ? ` (${l.resolved})` : ''}`),
      ];
      return items.length ? listLines(items, l, 2) : none;
    }
    case 'opportunities': {
      const items = column.opportunities.map((a) => `${a.text}${a.status === 'resolved' ? ` (${l.resolved})` : ''}`);
      return items.length ? listLines(items, l) : none;
    }
    case 'metrics': {
      const m = column.metrics;
      const dash = l.noData;
      const rows: Array<[string, string]> = [
        [l.metrics.csat, m.csat === null ? dash : `${Math.round(m.csat)}%`],
        [l.metrics.ces, m.ces === null ? dash : formatMean(m.ces)],
        [l.metrics.seq, m.seq === null ? dash : formatMean(m.seq)],
        [l.metrics.nps, m.nps === null ? dash : formatSigned(m.nps)],
        [l.metrics.visits, String(m.visits)],
        [l.metrics.exits, `${m.exits}${m.dropOff === null ? '' : ` · ${l.metrics.dropOff} ${formatShare(m.dropOff)}`}`],
        [l.metrics.timeToReach, m.medianTimeMs === null ? dash : formatDuration(m.medianTimeMs)],
        [l.metrics.pagesToReach, m.medianPages === null ? dash : formatCount(m.medianPages)],
      ];
      return rows.map(([name, value]) => ({ text: truncate(`${name}: ${value}`, MAX_UNITS) }));
    }
  }
}

function chipSvg(chip: MapChip, x: number, y: number, l: MapSvgLabels): string {
  const colours = BAND_COLOURS[chip.band];
  const dashed = chip.lowConfidence ? ' stroke-dasharray="4 3"' : '';
  const name = chip.kind === 'offsite' && chip.channel ? `${l.channels[chip.channel]}: ${chip.label}` : chip.label;
  return (
    `<rect x="${x}" y="${y}" width="${COL_W - 2 * CELL_PAD}" height="${CHIP_H - 4}" rx="5" fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="1.5"${dashed}/>` +
    `<text x="${x + 8}" y="${y + 13}" font-size="11" fill="${INK}">${escapeXml(truncate(name, MAX_UNITS - 3))}</text>` +
    `<text x="${x + 8}" y="${y + 26}" font-size="10.5" font-weight="bold" fill="${colours.text}">${escapeXml(chipStatus(chip, l))}</text>`
  );
}

export function journeyMapSvg(map: JourneyMapData, labels: Partial<MapSvgLabels> = {}): string {
  const l: MapSvgLabels = { ...DEFAULT_SVG_LABELS, ...labels };
  const view = journeyMapView(map);
  const columns = view.columns;
  const mapWidth = PAD * 2 + LANE_W + COL_W * columns.length;
  const colX = (i: number) => PAD + LANE_W + i * COL_W;
  const parts: string[] = [];

  // Title and summary.
  const summary = [
    `${l.journeyScore}: ${view.score === null ? l.noData : `${view.score}/100${view.lowConfidence ? ` (${l.lowConfidence})` : ''}`}`,
    `${l.happiness}: ${view.happiness.share === null ? l.noData : formatShare(view.happiness.share)}`,
    `${l.goalCompletion}: ${view.goalCompletion.rate === null ? l.noData : formatShare(view.goalCompletion.rate)}`,
    fill(l.sessions, { count: view.sessions }),
  ].join('   ·   ');
  parts.push(textLines([{ text: `${l.title}: ${view.studyName}`, size: 18, weight: 'bold' }, { text: summary, size: 12, fill: MUTED, gap: 2 }], PAD, PAD - 6));
  let y = PAD + 54;

  // Stage headers: name, stage health, goal and desired experience.
  const headers = columns.map((c) => {
    const lines: Line[] = [{ text: truncate(c.untagged ? l.untagged : c.stage.name, MAX_UNITS - 2), size: 14, weight: 'bold' }];
    lines.push({ text: chipStatus(c.health, l), size: 11, weight: 'bold', fill: BAND_COLOURS[c.health.band].text });
    if (c.stage.customerGoal.trim()) {
      wrapText(`${l.customerGoal}: ${c.stage.customerGoal}`, MAX_UNITS + 4, 3).forEach((text, i) => lines.push({ text, size: 10.5, fill: MUTED, gap: i ? 0 : 4 }));
    }
    if (c.stage.desiredExperience.trim()) {
      wrapText(`${l.desiredExperience}: ${c.stage.desiredExperience}`, MAX_UNITS + 4, 3).forEach((text, i) => lines.push({ text, size: 10.5, fill: MUTED, gap: i ? 0 : 4 }));
    }
    return lines;
  });
  const headerH = Math.max(44, ...headers.map(linesHeight)) + 2 * CELL_PAD;
  parts.push(`<rect x="${PAD + LANE_W}" y="${y}" width="${COL_W * columns.length}" height="${headerH}" fill="${PANEL}"/>`);
  columns.forEach((c, i) => {
    parts.push(`<g data-stage-id="${escapeXml(c.stage.id)}">${textLines(headers[i]!, colX(i) + CELL_PAD, y + CELL_PAD - 4)}</g>`);
    parts.push(`<rect x="${colX(i)}" y="${y}" width="${COL_W}" height="4" fill="${ACCENT}"/>`);
  });
  y += headerH;

  const laneTop: Array<[MapLane, number, number]> = [];
  for (const lane of MAP_LANES) {
    let height: number;
    let body = '';
    if (lane === 'touchpoints') {
      const count = Math.max(1, ...columns.map((c) => Math.min(c.touchpoints.length, ITEMS + 1)));
      height = count * CHIP_H + 2 * CELL_PAD;
      columns.forEach((c, i) => {
        const shown = c.touchpoints.slice(0, ITEMS);
        shown.forEach((chip, k) => (body += chipSvg(chip, colX(i) + CELL_PAD, y + CELL_PAD + k * CHIP_H, l)));
        if (!c.touchpoints.length) body += textLines([{ text: l.noData, fill: MUTED }], colX(i) + CELL_PAD, y + CELL_PAD - 4);
        if (c.touchpoints.length > ITEMS) {
          body += textLines([{ text: fill(l.more, { count: c.touchpoints.length - ITEMS }), fill: MUTED }], colX(i) + CELL_PAD, y + CELL_PAD + ITEMS * CHIP_H - 6);
        }
      });
    } else if (lane === 'emotion') {
      height = EMOTION_H;
      const top = y + 18;
      const band = EMOTION_H - 36;
      const values = columns.map((c) => c.emotion.mean);
      const x = (i: number) => colX(i) + COL_W / 2;
      const zero = emotionY(0, top, band);
      body += `<line x1="${colX(0)}" y1="${zero}" x2="${colX(columns.length)}" y2="${zero}" stroke="${LINE}" stroke-width="1.5" stroke-dasharray="5 4"/>`;
      for (const [value, label] of [[2, '+2'], [0, '0'], [-2, '\u22122']] as const) {
        body += `<text x="${PAD + LANE_W - 8}" y="${emotionY(value, top, band) + 4}" font-size="10" text-anchor="end" fill="${MUTED}">${label}</text>`;
      }
      for (const [a, b] of emotionSegments(values)) {
        body += `<line x1="${x(a)}" y1="${emotionY(values[a]!, top, band)}" x2="${x(b)}" y2="${emotionY(values[b]!, top, band)}" stroke="${ACCENT}" stroke-width="2.5" stroke-linecap="round"/>`;
      }
      values.forEach((value, i) => {
        if (value === null) {
          body += `<text x="${x(i)}" y="${zero + 4}" font-size="11" text-anchor="middle" fill="${MUTED}">${escapeXml(l.noData)}</text>`;
          return;
        }
        const cy = emotionY(value, top, band);
        body += `<circle cx="${x(i)}" cy="${cy}" r="5" fill="${ACCENT}" stroke="#ffffff" stroke-width="2"/>`;
        body += `<text x="${x(i)}" y="${labelBelow(value) ? cy + 18 : cy - 10}" font-size="11" font-weight="bold" text-anchor="middle" fill="${INK}">${formatEmotion(value)}</text>`;
      });
    } else {
      const cells = columns.map((c) => laneLines(c, lane, l));
      height = Math.max(36, ...cells.map(linesHeight)) + 2 * CELL_PAD;
      cells.forEach((lines, i) => (body += textLines(lines, colX(i) + CELL_PAD, y + CELL_PAD - 4)));
    }
    laneTop.push([lane, y, height]);
    parts.push(`<g data-lane="${lane}">${body}</g>`);
    y += height;
  }
  const mapBottom = y;
  // The Paths figure goes under the map, so the exported picture carries both.
  const paths = pathsFigure(view, l.paths);
  parts.push(`<g data-section="paths" transform="translate(0 ${mapBottom + PAD})">${paths.body}</g>`);
  const width = Math.max(mapWidth, paths.width);
  const height = mapBottom + PAD + paths.height + PAD;

  // Grid and lane headers, drawn under the content.
  const grid: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  for (const [lane, top, h] of laneTop) {
    grid.push(`<rect x="${PAD}" y="${top}" width="${LANE_W}" height="${h}" fill="${PANEL}"/>`);
    grid.push(textLines(wrapText(l.lanes[lane], 20, 2).map((text) => ({ text, size: 12, weight: 'bold' as const })), PAD + CELL_PAD, top + CELL_PAD - 4));
    grid.push(`<line x1="${PAD}" y1="${top}" x2="${mapWidth - PAD}" y2="${top}" stroke="${LINE}"/>`);
  }
  const gridTop = PAD + 54;
  for (let i = 0; i <= columns.length; i++) grid.push(`<line x1="${colX(i)}" y1="${gridTop}" x2="${colX(i)}" y2="${y}" stroke="${LINE}"/>`);
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
