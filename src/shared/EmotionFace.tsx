/**
 * The five faces of the emotion scale (−2…+2) drawn as lines, so they look the same on every machine: as emoji,
 * two of them were empty boxes where no emoji font is installed. Decorative: the label beside it says the feeling.
 */
const MOUTH: Readonly<Record<number, string>> = {
  [-2]: 'M7.5 17.5 Q12 12.5 16.5 17.5',
  [-1]: 'M8.5 16.5 Q12 14 15.5 16.5',
  0: 'M8.5 15.5 H15.5',
  1: 'M8.5 14.5 Q12 17.5 15.5 14.5',
  2: 'M7.5 13.5 Q12 19.5 16.5 13.5 Z',
};

/** Squeezed eyes on the very unhappy face, round ones elsewhere. */
const EYES: Readonly<Record<number, string>> = {
  [-2]: 'M7.5 8.5 L10 10 L7.5 11.5 M16.5 8.5 L14 10 L16.5 11.5',
};

export function EmotionFace({ value, size = 24 }: { value: number; size?: number }) {
  const eyes = EYES[value];
  return (
    <svg class="emotion-face" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" data-face={value}>
      <g fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
        <circle cx="12" cy="12" r="10" />
        {eyes ? <path d={eyes} /> : null}
        <path d={MOUTH[value] ?? MOUTH[0]} fill={value === 2 ? 'currentColor' : 'none'} />
      </g>
      {eyes ? null : (
        <g fill="currentColor">
          <circle cx="8.8" cy="9.8" r="1.25" />
          <circle cx="15.2" cy="9.8" r="1.25" />
        </g>
      )}
    </svg>
  );
}
