import type { ComponentChild, ComponentChildren } from 'preact';
import type { MapColumn, MapLane as LaneName } from '../../core/journey-map/map-view';

export interface LaneSide {
  name: string | null;
  columns: readonly MapColumn[];
}

interface Props {
  lane: LaneName;
  /** The row header: the lane's name (and anything that explains it). */
  header: ComponentChildren;
  sides: readonly LaneSide[];
  stageCount: number;
  render: (column: MapColumn, side: number) => ComponentChild;
  /** For a lane of two rows (the emotion curve and its values). */
  headerRows?: number;
  omitHeader?: boolean;
}

/** One lane of the map: a row header, then a cell per stage (per side, when comparing, side by side). */
export function MapLane({ lane, header, sides, stageCount, render, headerRows = 1, omitHeader = false }: Props) {
  const cells: ComponentChild[] = [];
  for (let stage = 0; stage < stageCount; stage++) {
    sides.forEach((side, s) => {
      const column = side.columns[stage];
      cells.push(
        <td key={`${stage}-${s}`} class={`cell side-${s}${sides.length > 1 && s === sides.length - 1 ? ' stage-end' : ''}`} data-testid={lane === 'painPoints' ? 'pain-points' : undefined}>
          {column && render(column, s)}
        </td>,
      );
    });
  }
  return (
    <tr class={`lane lane-${lane}`}>
      {!omitHeader && (
        <th scope="row" rowSpan={headerRows > 1 ? headerRows : undefined} class="lane-head">
          {header}
        </th>
      )}
      {cells}
    </tr>
  );
}
