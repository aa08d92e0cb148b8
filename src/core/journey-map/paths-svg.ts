import { placeOf } from '../health/session-rollup';
import type { MapView } from './map-view';
import { ACCENT, INK, MUTED } from './svg-palette';
import { escapeXml, truncate } from './svg-text';

/**
 * The Paths figure (PRODUCT.md §6): touchpoints as boxes in their stage's column, each transition as an arrow as
 * thick as it was taken often, with its count; how many walks ended at each touchpoint; the most common path to the
 * goal drawn in the accent colour. Drawn on the dashboard and added under the map in its SVG and PNG exports.
 */

export interface PathsLabels {
  title: string;
  /** `{count}` walks ended here. */
  endedHere: string;
  /** `{count}` of `{reached}` walks that reached the goal went this way. */
  toGoal: string;
  none: string;
}

export const DEFAULT_PATHS_LABELS: PathsLabels = {
  title: 'Paths',
  endedHere: 'ended here: {count}',
  toGoal: 'Most common path to the goal ({count} of {reached} walks that reached it)',
  none: 'No walks with a path in this filter.',
};

const BOX_W = 168;
const BOX_H = 38;
const GAP_X = 84;
const GAP_Y = 44;
const PAD = 24;
const TOP = 56;
const EDGE = '#8c959f';

const fill = (text: string, values: Record<string, number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

interface Node {
  key: string;
  label: string;
  x: number;
  y: number;
  ended: number;
}

/** The figure's parts, for a caller that places it (the map's SVG) or wraps it in a document of its own. */
export function pathsFigure(view: Pick<MapView, 'columns' | 'paths'>, labels: PathsLabels = DEFAULT_PATHS_LABELS): { body: string; width: number; height: number } {
  const { paths } = view;
  const names = new Map<string, string>();
  const columnOf = new Map<string, number>();
  view.columns.forEach((column, i) => {
    if (!column.untagged) columnOf.set(column.stage.id, i);
    for (const chip of column.touchpoints) names.set(chip.key, chip.label);
  });
  const lastColumn = Math.max(0, view.columns.length - 1);
  const keys = new Set<string>();
  for (const t of paths.transitions) keys.add(t.from).add(t.to);
  for (const e of paths.ends) keys.add(e.key);
  const byColumn = new Map<number, string[]>();
  for (const key of keys) {
    const { stageId } = placeOf(key);
    const col = (stageId !== null ? columnOf.get(stageId) : undefined) ?? lastColumn;
    byColumn.set(col, [...(byColumn.get(col) ?? []), key]);
  }
  const ended = new Map(paths.ends.map((e) => [e.key, e.count]));
  const nodes = new Map<string, Node>();
  let rows = 0;
  for (const [col, list] of byColumn) {
    list.sort((a, b) => a.localeCompare(b));
    rows = Math.max(rows, list.length);
    list.forEach((key, row) => nodes.set(key, { key, label: names.get(key) ?? placeOf(key).pageKey, x: PAD + col * (BOX_W + GAP_X), y: TOP + row * (BOX_H + GAP_Y), ended: ended.get(key) ?? 0 }));
  }
  const width = PAD * 2 + (lastColumn + 1) * BOX_W + lastColumn * GAP_X;
  const height = TOP + Math.max(1, rows) * (BOX_H + GAP_Y) + 40;
  const goal = new Set<string>();
  paths.toGoal?.keys.forEach((key, i, all) => i > 0 && goal.add(`${all[i - 1]}\n${key}`));
  const max = Math.max(1, ...paths.transitions.map((t) => t.count));

  // Arrowheads sized to the line (markerUnits = stroke width), one per colour.
  const marker = (id: string, colour: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" markerHeight="4" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${colour}"/></marker>`;
  const out: string[] = [
    `<defs>${marker('jl-arrow', EDGE)}${marker('jl-arrow-goal', ACCENT)}</defs>`,
    `<text x="${PAD}" y="24" font-size="16" font-weight="bold" fill="${INK}">${escapeXml(labels.title)}</text>`,
  ];
  if (paths.toGoal) {
    const steps = paths.toGoal.keys.map((key) => nodes.get(key)?.label ?? placeOf(key).pageKey).join(' → ');
    out.push(`<text x="${PAD}" y="42" font-size="11" fill="${MUTED}">${escapeXml(truncate(`${fill(labels.toGoal, { count: paths.toGoal.count, reached: paths.toGoal.reached })}: ${steps}`, 160))}</text>`);
  }
  if (!nodes.size) out.push(`<text x="${PAD}" y="${TOP + 14}" font-size="12" fill="${MUTED}">${escapeXml(labels.none)}</text>`);
  for (const t of paths.transitions) {
    const a = nodes.get(t.from)!;
    const b = nodes.get(t.to)!;
    const onGoal = goal.has(`${t.from}\n${t.to}`);
    const stroke = onGoal ? ACCENT : EDGE;
    const w = (1.5 + (3.5 * t.count) / max).toFixed(1);
    // To the next column: right edge to left edge. Further on: the same, dipping into the gap under the row so it
    // passes under the boxes between. Back or within a column: a loop below both boxes.
    const forward = b.x > a.x;
    const next = forward && b.x - a.x === BOX_W + GAP_X;
    const [x1, y1, x2, y2] = forward ? [a.x + BOX_W, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2] : [a.x + BOX_W / 2, a.y + BOX_H, b.x + BOX_W / 2 + 8, b.y + BOX_H];
    const dip = Math.max(a.y, b.y) + BOX_H + (forward ? 28 : 36);
    const d = next ? `M${x1} ${y1} C${(x1 + x2) / 2} ${y1} ${(x1 + x2) / 2} ${y2} ${x2} ${y2}` : forward ? `M${x1} ${y1} C${x1 + GAP_X / 2} ${dip} ${x2 - GAP_X / 2} ${dip} ${x2} ${y2}` : `M${x1} ${y1} C${x1} ${dip} ${x2} ${dip} ${x2} ${y2}`;
    // The label sits on the curve: its middle point is 3/4 of the way to the control points' depth.
    const [mx, my] = next ? [(x1 + x2) / 2, (y1 + y2) / 2 - 5] : [(x1 + x2) / 2, (y1 + y2) / 8 + (dip * 3) / 4 + 4];
    out.push(
      `<g data-transition="${escapeXml(`${t.from} → ${t.to}`)}" data-count="${t.count}"><path d="${d}" fill="none" stroke="${stroke}" stroke-width="${w}" stroke-opacity="0.85" marker-end="url(#${onGoal ? 'jl-arrow-goal' : 'jl-arrow'})"/>` +
        `<text x="${mx}" y="${my}" font-size="11" font-weight="bold" text-anchor="middle" fill="${onGoal ? ACCENT : INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${t.count}</text></g>`,
    );
  }
  for (const node of nodes.values()) {
    out.push(
      `<g data-touchpoint="${escapeXml(node.key)}"><rect x="${node.x}" y="${node.y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="#ffffff" stroke="${INK}"/>` +
        `<text x="${node.x + 8}" y="${node.y + 15}" font-size="11.5" fill="${INK}">${escapeXml(truncate(node.label, 26))}</text>` +
        (node.ended ? `<text x="${node.x + 8}" y="${node.y + 30}" font-size="10.5" fill="${MUTED}">${escapeXml(fill(labels.endedHere, { count: node.ended }))}</text>` : '') +
        '</g>',
    );
  }
  return { body: out.join(''), width, height };
}

/** The Paths figure as a standalone SVG document. */
export function pathsSvg(view: Pick<MapView, 'columns' | 'paths'>, labels: PathsLabels = DEFAULT_PATHS_LABELS): string {
  const { body, width, height } = pathsFigure(view, labels);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" role="img" aria-label="${escapeXml(labels.title)}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}
