/** A line icon of the map (core/journey-map/map-icons.ts), drawn in the text's colour. Decorative: words go beside it. */
export function LineIcon({ d, size = 16 }: { d: string; size?: number }) {
  return (
    <svg class="line-icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
