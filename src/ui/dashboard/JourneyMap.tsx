import { useId } from 'preact/hooks';
import { MAP_LANES, type MapColumn, type MapLane as MapLaneName, type MapView } from '../../core/journey-map/map-view';
import { t } from '../../shared/i18n';
import { shownMetricRows } from '../../core/journey-map/metric-rows';
import { EmotionCurve } from './EmotionCurve';
import { laneEvidence, touchpointEvidence, type EvidenceRequest } from './evidence-request';
import { LANE_LABEL } from './labels';
import { EmptyCell } from './EmptyCell';
import { LaneCell } from './LaneCell';
import { MapLane, type LaneSide } from './MapLane';
import { columnName, StageHeader } from './StageHeader';
import { TagSelect } from './TagSelect';
import type { Stage } from '../../core/records/study';
import { TouchpointChip } from './TouchpointChip';

export interface MapSide {
  /** "A" / "B" and who it shows, when comparing; null for the single map. */
  name: string | null;
  view: MapView;
}

export interface JourneyMapProps {
  sides: readonly MapSide[];
  busy: boolean;
  onEvidence: (request: EvidenceRequest) => void;
  /** The stages an untagged touchpoint can be tagged to. */
  stages: readonly Pick<Stage, 'id' | 'name'>[];
  /** Tags an untagged touchpoint (its page key) to a stage. */
  onTag: (pageKey: string, stageId: string) => Promise<void>;
}

/** Chips drawn in a cell before "+n more" (the table below lists them all). */
const CHIPS_SHOWN = 8;

/**
 * The journey map as a table: stages are columns (in journey order), lanes are rows with row headers, so a screen
 * reader announces "Pain points, Purchase" for a cell. Every cell with something in it is a button to its evidence.
 * When comparing, each stage holds one sub-column per side, side by side, so the same stage lines up.
 */
export function JourneyMap({ sides, busy, onEvidence, stages, onTag }: JourneyMapProps) {
  const captionId = useId();
  const first = sides[0]!.view;
  const stageCount = first.columns.length;
  const laneSides: LaneSide[] = sides.map((s) => ({ name: s.name, columns: s.view.columns }));
  const span = sides.length;
  const sideName = (s: number) => sides[s]?.name ?? null;
  const metricRows = shownMetricRows(sides.flatMap((s) => s.view.columns));
  /** A text lane's cell, opening the records behind it. */
  const textCell = (lane: Exclude<MapLaneName, 'touchpoints'>) => (column: MapColumn, s: number) => (
    <LaneCell lane={lane} column={column} metricRows={metricRows} onOpen={() => onEvidence(laneEvidence(lane, column, s, sideName(s)))} />
  );

  return (
    <div class="map-scroll" role="region" aria-labelledby={captionId} tabIndex={0} aria-busy={busy}>
      <table class={`journey-map${span > 1 ? ' comparing' : ''}`} data-testid="journey-map" style={{ '--columns': String(stageCount * span) }}>
        <caption id={captionId} class="visually-hidden">
          {span > 1 ? t('dashboardMapCaptionCompare', first.studyName) : t('dashboardMapCaption', first.studyName)}
        </caption>
        <colgroup>
          <col class="lane-col" />
          {Array.from({ length: stageCount * span }, (_, i) => (
            <col key={i} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td class="corner" />
            {first.columns.map((column, i) => (
              <StageHeader key={column.stage.id} step={column.untagged ? null : i + 1} sides={sides.map((side) => ({ name: side.name, column: side.view.columns[i]! }))} />
            ))}
          </tr>
          {span > 1 && (
            <tr class="side-heads">
              <td class="corner" />
              {first.columns.flatMap((column) =>
                sides.map((side, s) => (
                  <th key={`${column.stage.id}-${s}`} scope="col" class={`side-head side-${s}`}>
                    {side.name}
                  </th>
                )),
              )}
            </tr>
          )}
        </thead>
        <tbody>
          {MAP_LANES.map((lane) => {
            if (lane === 'touchpoints') {
              return (
                <MapLane
                  key={lane}
                  lane={lane}
                  header={t(LANE_LABEL[lane])}
                  sides={laneSides}
                  stageCount={stageCount}
                  render={(column, s) =>
                    column.touchpoints.length ? (
                      <ul class="plain chips">
                        {column.touchpoints.slice(0, CHIPS_SHOWN).map((chip) => (
                          <li key={chip.key}>
                            <TouchpointChip chip={chip} onOpen={() => onEvidence(touchpointEvidence({ ...chip, stageId: column.untagged ? null : column.stage.id }, columnName(column), s, sideName(s)))} />
                            {column.untagged && chip.pageKey !== null && <TagSelect pageKey={chip.pageKey} stages={stages} onTag={onTag} />}
                          </li>
                        ))}
                        {column.touchpoints.length > CHIPS_SHOWN && <li class="more">{t('dashboardMore', column.touchpoints.length - CHIPS_SHOWN)}</li>}
                      </ul>
                    ) : (
                      <EmptyCell />
                    )
                  }
                />
              );
            }
            if (lane === 'emotion') {
              return [
                <tr key="emotion-curve" class="lane lane-emotion-curve">
                  <th scope="row" rowSpan={2} class="lane-head">
                    {t(LANE_LABEL[lane])}
                    {span > 1 && (
                      <span class="curve-legend">
                        {sides.map((side, s) => (
                          <span key={s} class={`legend-${s}`}>
                            <svg width="28" height="10" aria-hidden="true">
                              <line x1="2" x2="26" y1="5" y2="5" />
                              <circle cx="14" cy="5" r="3.5" />
                            </svg>{' '}
                            {side.name}
                          </span>
                        ))}
                      </span>
                    )}
                  </th>
                  <td class="curve-cell" colSpan={stageCount * span}>
                    <EmotionCurve
                      stageNames={first.columns.map(columnName)}
                      series={sides.map((side) => ({
                        name: side.name,
                        values: side.view.columns.map((c) => c.emotion.mean),
                        answers: side.view.columns.map((c) => c.emotion.answers),
                      }))}
                      written={first.columns.map((c) => c.voice.mean)}
                    />
                  </td>
                </tr>,
                <MapLane
                  key="emotion-values"
                  lane={lane}
                  header={null}
                  omitHeader
                  sides={laneSides}
                  stageCount={stageCount}
                  render={textCell(lane)}
                />,
              ];
            }
            return (
              <MapLane
                key={lane}
                lane={lane}
                header={t(LANE_LABEL[lane])}
                sides={laneSides}
                stageCount={stageCount}
                render={textCell(lane)}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
