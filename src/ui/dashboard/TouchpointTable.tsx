import { useMemo, useState } from 'preact/hooks';
import type { JourneyMapData } from '../../core/journey-map/map-data';
import { DEFAULT_SORT, nextSort, sortTouchpoints, touchpointRows, type TouchpointSort, type TouchpointSortKey } from '../../core/journey-map/touchpoint-rows';
import { t, type MessageKey } from '../../shared/i18n';
import { touchpointEvidence, type EvidenceRequest } from './evidence-request';
import { HealthParts } from './HealthParts';
import { CHANNEL_LABEL, REASON_LABEL } from './labels';
import { healthText } from './health-text';

interface Props {
  map: JourneyMapData;
  onEvidence: (request: EvidenceRequest) => void;
}

const COLUMNS: ReadonlyArray<{ key: TouchpointSortKey; label: MessageKey }> = [
  { key: 'health', label: 'dashboardHealth' },
  { key: 'visits', label: 'dashboardMetricVisits' },
  { key: 'signals', label: 'dashboardColumnSignals' },
  { key: 'exits', label: 'dashboardMetricExits' },
];

/** Rows shown before "Show all": enough for a long study's worst offenders without a wall of rows. */
const FIRST_ROWS = 50;

/** Every touchpoint with its health and counts, worst first; sortable by the numeric columns. */
export function TouchpointTable({ map, onEvidence }: Props) {
  const [sort, setSort] = useState<TouchpointSort>(DEFAULT_SORT);
  const [all, setAll] = useState(false);
  const rows = useMemo(() => touchpointRows(map), [map]);
  const sorted = useMemo(() => sortTouchpoints(rows, sort), [rows, sort]);
  const shown = all ? sorted : sorted.slice(0, FIRST_ROWS);
  if (!rows.length) return <p class="muted">{t('dashboardNoTouchpoints')}</p>;
  return (
    <>
      <div class="table-scroll">
        <table class="touchpoint-table" data-testid="touchpoint-table">
          <caption class="visually-hidden">{t('dashboardTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboardColumnTouchpoint')}</th>
              <th scope="col">{t('dashboardStage')}</th>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th key={column.key} scope="col" class={column.key === 'health' ? 'health-col' : 'num'} aria-sort={active ? sort.direction : undefined}>
                    <button type="button" class="sort" onClick={() => setSort(nextSort(sort, column.key))}>
                      {t(column.label)}
                      <span class="sort-mark" aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} data-testid="touchpoint-row" class={`band-${row.band}`}>
                <th scope="row">
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => onEvidence(touchpointEvidence(row, row.stageName ?? t('dashboardUntagged'), 0, null))}
                  >
                    {row.kind === 'offsite' && row.channel ? `${t(CHANNEL_LABEL[row.channel])}: ${row.label}` : row.label}
                  </button>
                  {row.pageKey !== null && row.label !== row.pageKey && <code class="chip-pattern">{row.pageKey}</code>}
                </th>
                <td>{row.stageName ?? <span class="muted">{t('dashboardUntagged')}</span>}</td>
                <td class="health-col">
                  {row.score === null ? (
                    <span class="health-pill band-none">{t(REASON_LABEL[row.reason ?? 'not_measured'])}</span>
                  ) : (
                    <details class="health-details">
                      <summary title={row.reason ? t(REASON_LABEL[row.reason]) : undefined}>
                        <span class={`health-pill band-${row.band}${row.lowConfidence ? ' low' : ''}`}>{healthText(row.score, row.lowConfidence)}</span>
                        <span class="why">{t('dashboardWhy')}</span>
                      </summary>
                      {row.reason && <p class="hint">{t(REASON_LABEL[row.reason])}</p>}
                      <HealthParts parts={row.parts} />
                    </details>
                  )}
                </td>
                <td class="num">{row.visits}</td>
                <td class="num">{row.signals}</td>
                <td class="num">{row.exits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > FIRST_ROWS && (
        <p>
          <button type="button" onClick={() => setAll(!all)}>
            {all ? t('dashboardShowFewer', FIRST_ROWS) : t('dashboardShowAll', sorted.length)}
          </button>
        </p>
      )}
    </>
  );
}
