import { formatCount, formatDuration, formatMean, formatShare, formatSigned } from './format';
import type { MapColumn, StageMetrics } from './map-view';

/**
 * The metrics lane's rows, as the screen and the SVG export both draw them. A metric no stage has a value for (no
 * CSAT survey in the study, say) is left out of the whole lane rather than printed as a column of dashes.
 */
export const METRIC_ROWS = ['csat', 'ces', 'seq', 'nps', 'exits', 'dropOff', 'timeToReach', 'pagesToReach'] as const;
export type MetricRow = (typeof METRIC_ROWS)[number];

/** A metric of a stage as text, or null where it has no value. */
export function metricText(m: StageMetrics, row: MetricRow): string | null {
  switch (row) {
    case 'csat':
      return m.csat === null ? null : `${Math.round(m.csat)}%`;
    case 'ces':
      return m.ces === null ? null : formatMean(m.ces);
    case 'seq':
      return m.seq === null ? null : formatMean(m.seq);
    case 'nps':
      return m.nps === null ? null : formatSigned(m.nps);
    case 'exits':
      return String(m.exits);
    case 'dropOff':
      return m.dropOff === null ? null : formatShare(m.dropOff);
    case 'timeToReach':
      return m.medianTimeMs === null ? null : formatDuration(m.medianTimeMs);
    case 'pagesToReach':
      return m.medianPages === null ? null : formatCount(m.medianPages);
  }
}

/** The rows some column has a value for, in their order. */
export function shownMetricRows(columns: readonly Pick<MapColumn, 'metrics'>[]): MetricRow[] {
  return METRIC_ROWS.filter((row) => columns.some((c) => metricText(c.metrics, row) !== null));
}
