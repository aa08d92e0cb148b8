import type { EvidenceQuery } from '../../core/journey-map/evidence';
import type { MapChip, MapColumn, MapLane } from '../../core/journey-map/map-view';
import { t } from '../../shared/i18n';
import { columnName, LANE_LABEL } from './labels';

/** What the evidence panel is asked to show: which side's filter, a title, and which records. */
export interface EvidenceRequest {
  side: number;
  title: string;
  query: EvidenceQuery;
}

const SCORED = ['csat', 'ces', 'seq', 'nps', 'emotion'] as const;

function queryFor(lane: Exclude<MapLane, 'touchpoints'>, stageId: string): EvidenceQuery {
  switch (lane) {
    case 'actions':
      return { stageId, visits: true };
    case 'thoughts':
      return { stageId, responses: ['open_text'] };
    case 'emotion':
      return { stageId, responses: ['emotion'] };
    case 'painPoints':
      return { stageId, signals: true, annotations: ['pain_point'] };
    case 'opportunities':
      return { stageId, annotations: ['opportunity'] };
    case 'metrics':
      return { stageId, responses: SCORED, signals: ['exit'], visits: true };
  }
}

const sideSuffix = (sideName: string | null) => (sideName ? ` · ${sideName}` : '');

export function laneEvidence(lane: Exclude<MapLane, 'touchpoints'>, column: MapColumn, side: number, sideName: string | null): EvidenceRequest {
  return { side, title: `${t(LANE_LABEL[lane])} · ${columnName(column)}${sideSuffix(sideName)}`, query: queryFor(lane, column.stage.id) };
}

export function touchpointEvidence(
  tp: Pick<MapChip, 'label' | 'pageKey' | 'offsiteId'> & { stageId: string | null },
  stageName: string,
  side: number,
  sideName: string | null,
): EvidenceRequest {
  const query: EvidenceQuery = tp.offsiteId
    ? { stageId: tp.stageId, offsiteId: tp.offsiteId }
    : { stageId: tp.stageId, pageKey: tp.pageKey ?? '', visits: true, signals: true, responses: true, annotations: true };
  return { side, title: `${tp.label} · ${stageName}${sideSuffix(sideName)}`, query };
}
