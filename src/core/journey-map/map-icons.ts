import type { Channel } from '../records/offsite';

/**
 * Where a touchpoint happens, as a line icon on a 16 × 16 grid (stroked, 1.5 wide, no fill): path data only, so the
 * map on screen and its SVG/PNG export draw the same shapes and no icon font is needed. Decorative: the channel's
 * name is always written beside it or in its title.
 */
export type TouchpointChannel = Channel | 'web';

export const CHANNEL_ICON: Readonly<Record<TouchpointChannel, string>> = {
  web: 'M2 3.5h12v9H2z M2 6.5h12 M4 5h.01 M6 5h.01',
  email: 'M2 4h12v8H2z M2.5 4.5 8 9l5.5-4.5',
  ad: 'M2.5 6.5v3h2l5 3v-9l-5 3z M11.5 6a2.5 2.5 0 0 1 0 4',
  store_visit: 'M2.5 7v6.5h11V7 M1.5 4.5 3 2.5h10l1.5 2v1a2 2 0 0 1-4.3 0 2 2 0 0 1-4.4 0 2 2 0 0 1-4.3 0z M6.5 13.5V10h3v3.5',
  call_centre: 'M3 9V8a5 5 0 0 1 10 0v1 M2.5 9h2v3.5h-2z M11.5 9h2v3.5h-2z M13 12.5c0 1.5-1.5 2-4 2',
  social: 'M6 7.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z M2 13a4 4 0 0 1 8 0 M11 7a1.7 1.7 0 1 0 0-3.4 M11.5 9.2c1.4.4 2.5 1.9 2.5 3.8',
  chat: 'M2.5 3.5h11V11h-6l-3 2.5V11h-2z',
  other: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z M5.5 8h.01 M8 8h.01 M10.5 8h.01',
};

/** A pain point someone wrote down (a pin with a line), and an opportunity (a light bulb). */
export const NOTE_ICON = 'M3 13h10 M4 11.5 11 4.5l1.5 1.5-7 7H4z M9.5 6l1.5 1.5';
export const IDEA_ICON = 'M6 12.5h4 M6.5 14.5h3 M5.7 10.5C4.6 9.6 4 8.4 4 7a4 4 0 0 1 8 0c0 1.4-.6 2.6-1.7 3.5l-.3 2H6z';

/** A map card's channel: an on-site page is on the web; an off-site touchpoint says its own. */
export function chipChannel(chip: { kind: 'page' | 'offsite'; channel: Channel | null }): TouchpointChannel {
  return chip.kind === 'page' ? 'web' : (chip.channel ?? 'other');
}
