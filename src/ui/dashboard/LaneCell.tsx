import type { ComponentChildren } from 'preact';
import { formatEmotion } from '../../core/journey-map/format';
import { IDEA_ICON, NOTE_ICON } from '../../core/journey-map/map-icons';
import { QUOTES_SHOWN } from '../../core/journey-map/map-columns';
import { laneHasContent, type MapColumn, type MapLane } from '../../core/journey-map/map-view';
import { metricText, type MetricRow } from '../../core/journey-map/metric-rows';
import { t, tCount } from '../../shared/i18n';
import { EmptyCell } from './EmptyCell';
import { METRIC_LABEL } from './labels';
import { LineIcon } from './LineIcon';
import { SeverityMark } from './SeverityMark';
import { SIGNAL_LABEL } from '../signal-labels';
import { SentimentTag, VoiceSummary } from './VoiceSummary';

type TextLane = Exclude<MapLane, 'touchpoints'>;

interface Props {
  lane: TextLane;
  column: MapColumn;
  /** The metrics lane's rows: those some stage of the map has a value for. */
  metricRows: readonly MetricRow[];
  onOpen: () => void;
}

/** Items a cell lists before "+n more": a calm cell, and the rest one click away in the evidence panel. */
const SHOWN = { actions: 8, thoughts: QUOTES_SHOWN, painPoints: 5, opportunities: 4 } as const;

function More({ total, shown }: { total: number; shown: number }) {
  return total > shown ? <span class="more">{t('dashboardMore', total - shown)}</span> : null;
}

function content(lane: TextLane, column: MapColumn, metricRows: readonly MetricRow[]): ComponentChildren {
  const dash = t('dashboardNoData');
  switch (lane) {
    case 'actions':
      return (
        <>
          {column.actions.slice(0, SHOWN.actions).map((action, i) => (
            <span class="cell-item step" key={action.pageKey} title={action.label === action.pageKey ? undefined : action.pageKey}>
              <span class="step-number">{i + 1}</span> <span class={action.label === action.pageKey ? 'mono' : undefined}>{action.label}</span>
              {action.visits > 1 && <span class="muted"> ×{action.visits}</span>}
            </span>
          ))}
          <More total={column.actions.length} shown={SHOWN.actions} />
        </>
      );
    case 'thoughts':
      return (
        <>
          <VoiceSummary voice={column.voice} />
          {column.verbatims.slice(0, SHOWN.thoughts).map((v) => (
            <span class="cell-item quote" key={v.responseId}>
              “{v.text}” <SentimentTag sentiment={column.voice.sentiments[v.responseId]} />
            </span>
          ))}
          <More total={column.verbatims.length} shown={SHOWN.thoughts} />
        </>
      );
    case 'emotion':
      return column.emotion.mean === null ? null : (
        <span class="cell-item">
          <strong>{formatEmotion(column.emotion.mean)}</strong> <span class="muted">{tCount('dashboardAnswers', column.emotion.answers, column.emotion.answers)}</span>
        </span>
      );
    case 'painPoints': {
      const groups = column.painPoints.slice(0, SHOWN.painPoints);
      const notes = column.painNotes.slice(0, Math.max(0, SHOWN.painPoints - groups.length));
      return (
        <>
          {groups.map((g) => (
            <span class="cell-item pain" key={`${g.kind}|${g.pageKey}|${g.element}`}>
              <SeverityMark severity={g.severity} />
              <span>
                <strong>{t(SIGNAL_LABEL[g.kind])}</strong>
                {g.element && <span> · {g.element}</span>} <span class="count">×{g.count}</span>
              </span>
            </span>
          ))}
          {notes.map((a) => (
            <span class={`cell-item note${a.status === 'resolved' ? ' resolved' : ''}`} key={a.id}>
              <LineIcon d={NOTE_ICON} size={14} />
              <span>
                <span class="note-kind">{t('dashboardNotePainPoint')}:</span> {a.text}
                {a.status === 'resolved' && <span class="muted"> ({t('dashboardResolved')})</span>} <SentimentTag sentiment={column.voice.sentiments[a.id]} />
              </span>
            </span>
          ))}
          <More total={column.painPoints.length + column.painNotes.length} shown={groups.length + notes.length} />
        </>
      );
    }
    case 'opportunities':
      return (
        <>
          {column.opportunities.slice(0, SHOWN.opportunities).map((a) => (
            <span class={`cell-item note idea${a.status === 'resolved' ? ' resolved' : ''}`} key={a.id}>
              <LineIcon d={IDEA_ICON} size={14} />
              <span>
                {a.text}
                {a.status === 'resolved' && <span class="muted"> ({t('dashboardResolved')})</span>} <SentimentTag sentiment={column.voice.sentiments[a.id]} />
              </span>
            </span>
          ))}
          <More total={column.opportunities.length} shown={SHOWN.opportunities} />
        </>
      );
    case 'metrics':
      return (
        <span class="metrics">
          {metricRows.map((row) => (
            <span class="metric" key={row}>
              <span class="metric-name">{t(METRIC_LABEL[row])}</span> <span class="metric-value">{metricText(column.metrics, row) ?? dash}</span>
            </span>
          ))}
        </span>
      );
  }
}

/** One cell of a text lane: what was found, as text, and the way to the records behind it. */
export function LaneCell({ lane, column, metricRows, onOpen }: Props) {
  if (!laneHasContent(column, lane)) return <EmptyCell />;
  return (
    <button type="button" class="cell-button" onClick={onOpen}>
      {content(lane, column, metricRows)}
      <span class="visually-hidden">{t('dashboardShowEvidence')}</span>
    </button>
  );
}
