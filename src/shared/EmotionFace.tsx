import { FACE_EYE_DOTS, FACE_EYES, FACE_MOUTH } from '../core/surveys/face-shapes';

/** One of the five faces of the emotion scale, drawn as lines. Decorative: the label beside it says the feeling. */
export function EmotionFace({ value, size = 24 }: { value: number; size?: number }) {
  const eyes = FACE_EYES[value];
  return (
    <svg class="emotion-face" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" data-face={value}>
      <g fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
        <circle cx="12" cy="12" r="10" />
        {eyes ? <path d={eyes} /> : null}
        <path d={FACE_MOUTH[value] ?? FACE_MOUTH[0]} fill={value === 2 ? 'currentColor' : 'none'} />
      </g>
      {eyes ? null : (
        <g fill="currentColor">
          {FACE_EYE_DOTS.map(([cx, cy]) => (
            <circle key={cx} cx={cx} cy={cy} r="1.25" />
          ))}
        </g>
      )}
    </svg>
  );
}
