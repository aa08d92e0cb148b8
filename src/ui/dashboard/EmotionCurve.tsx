import { useId } from 'preact/hooks';
import { emotionSegments, emotionY, labelBelow } from '../../core/journey-map/emotion-curve';
import { formatEmotion } from '../../core/journey-map/format';
import { faceOf } from '../../core/surveys/face-shapes';
import { EmotionFace } from '../../shared/EmotionFace';
import { t, tCount } from '../../shared/i18n';

export interface EmotionSeries {
  name: string | null;
  /** Mean emotion per stage (−2…+2), null where nobody answered. */
  values: ReadonlyArray<number | null>;
  answers: readonly number[];
}

interface Props {
  stageNames: readonly string[];
  series: readonly EmotionSeries[];
  /**
   * Mean sentiment of what people wrote per stage (−1…1, null where nobody wrote), drawn as a second, marked series
   * on the same scale (×2) when one side is shown.
   */
  written?: ReadonlyArray<number | null>;
}

const HEIGHT = 150;
const TOP = 28;
const BAND = 92;
/** A point's face, 22 px across: the face of the nearest step of the scale, so the curve reads at a glance. */
const FACE = 22;

/** A point of the curve drawn as the scale's face for its value (shape, not colour, says how it felt). */
function PointFace({ x, y, value }: { x: string; y: number; value: number }) {
  return (
    <svg x={x} y={y} overflow="visible">
      <circle class="point" r={FACE / 2} />
      <g class="face" transform={`translate(${-FACE / 2} ${-FACE / 2})`}>
        <EmotionFace value={faceOf(value)} size={FACE} />
      </g>
    </svg>
  );
}

/**
 * The emotion curve across the stage columns above it. x positions are percentages of the row, so points sit at
 * the centre of their (equal-width) columns at any width without distorting circles or text; when comparing, each
 * side has its own sub-column. Side B is drawn dashed with hollow points, so the two never rely on colour alone.
 */
export function EmotionCurve({ stageNames, series, written }: Props) {
  const id = useId();
  const columns = stageNames.length * series.length;
  const x = (stage: number, side: number) => `${(((stage * series.length + side + 0.5) / columns) * 100).toFixed(3)}%`;
  const y = (value: number) => emotionY(value, TOP, BAND);
  const description = series
    .map((s) => {
      const stages = stageNames.map((name, i) => {
        const value = s.values[i];
        return value == null ? t('dashboardEmotionStageNone', name) : tCount('dashboardEmotionStage', s.answers[i] ?? 0, name, formatEmotion(value), s.answers[i] ?? 0);
      });
      return `${s.name ? `${s.name}: ` : ''}${stages.join('; ')}.`;
    })
    .join(' ');
  const text = series.length === 1 && written?.some((v) => v !== null) ? written.map((v) => (v === null ? null : v * 2)) : null;
  const textDescription = text
    ? ` ${t('dashboardWrittenSentiment')}: ${stageNames.map((name, i) => (text[i] == null ? t('dashboardEmotionStageNone', name) : `${name}: ${formatEmotion(text[i]!)}`)).join('; ')}.`
    : '';
  return (
    <svg class="emotion-curve" data-testid="emotion-curve" width="100%" height={HEIGHT} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{t('dashboardLaneEmotion')}</title>
      <desc id={`${id}-desc`}>{description + textDescription}</desc>
      <line class="guide" x1="0" x2="100%" y1={y(2)} y2={y(2)} />
      <line class="guide" x1="0" x2="100%" y1={y(-2)} y2={y(-2)} />
      <line class="zero" x1="0" x2="100%" y1={y(0)} y2={y(0)} />
      <text class="axis" x="4" y={y(2) + 4}>
        +2
      </text>
      <text class="axis" x="4" y={y(0) - 4}>
        0
      </text>
      <text class="axis" x="4" y={y(-2) + 4}>
        {'\u22122'}
      </text>
      {series.map((s, side) => (
        <g key={side} class={`series series-${side}`}>
          {emotionSegments(s.values).map(([a, b]) => (
            <line key={a} class="curve" x1={x(a, side)} y1={y(s.values[a]!)} x2={x(b, side)} y2={y(s.values[b]!)} />
          ))}
          {s.values.map((value, i) =>
            value == null ? (
              <text key={i} class="gap" x={x(i, side)} y={y(0) + 16} text-anchor="middle">
                {t('dashboardNoAnswersShort')}
              </text>
            ) : (
              <g key={i}>
                <PointFace x={x(i, side)} y={y(value)} value={value} />
                <text class="value" x={x(i, side)} y={labelBelow(value) ? y(value) + 28 : y(value) - 17} text-anchor="middle">
                  {formatEmotion(value)}
                </text>
              </g>
            ),
          )}
        </g>
      ))}
      {text && (
        <g class="series written" data-testid="written-sentiment-curve">
          {emotionSegments(text).map(([a, b]) => (
            <line key={a} class="curve" x1={x(a, 0)} y1={y(text[a]!)} x2={x(b, 0)} y2={y(text[b]!)} />
          ))}
          {text.map((value, i) =>
            value == null ? null : (
              // A square, not a dot: the two series differ in shape and dash, not only in colour.
              <svg key={i} x={x(i, 0)} y={y(value)} overflow="visible">
                <rect class="point" x="-4.5" y="-4.5" width="9" height="9" />
              </svg>
            ),
          )}
          <svg x="100%" y="10" overflow="visible">
            <text class="legend" x="-18" y="4" text-anchor="end">
              {t('dashboardWrittenSentiment')}
            </text>
            <rect class="point" x="-12" y="-4" width="8" height="8" />
          </svg>
        </g>
      )}
    </svg>
  );
}
