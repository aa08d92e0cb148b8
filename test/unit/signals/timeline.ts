import type { z } from 'zod';
import { StudySettings } from '../../../src/core/records/settings';
import type { ElementDescription } from '../../../src/core/records/signal';
import type { ClickTarget, Detector, DetectorFactory, Observation, SignalDraft } from '../../../src/core/signals/observation';

/** Hand-written timelines for detector tests: times are ms from an arbitrary epoch `T0`. */
export const T0 = 1_700_000_000_000;

export const settings = (overrides: z.input<typeof StudySettings> = {}): StudySettings => StudySettings.parse(overrides);

export const describeElement = (selector: string): ElementDescription => ({
  tag: selector.split(/[#.]/)[0] || 'div',
  id: null,
  classes: [],
  role: null,
  name: null,
  selector,
});

/** A plain, eligible button unless `facts` says otherwise. */
export function target(key = 'button#buy', facts: Partial<Omit<ClickTarget, 'key'>> = {}): ClickTarget {
  return { key, link: false, editable: false, media: false, stepper: false, ignored: false, modifier: false, actionable: true, sends: null, description: describeElement(key), ...facts };
}

/** A plain click: the pointer did not move between press and release, and it selected nothing. */
export const click = (at: number, x = 100, y = 100, on: ClickTarget | string = target(), press: { dragPx?: number; selectedText?: boolean } = {}): Observation => ({
  type: 'click',
  at: T0 + at,
  x,
  y,
  target: typeof on === 'string' ? target(on) : on,
  dragPx: press.dragPx ?? 0,
  selectedText: press.selectedText ?? false,
});
export const mutation = (at: number): Observation => ({ type: 'mutation', at: T0 + at });
/** A scroll the person made (wheel, touch, keys) unless `byPerson` is false: the page scrolled itself. */
export const scroll = (at: number, y: number, byPerson = true): Observation => ({ type: 'scroll', at: T0 + at, y, byPerson });
export const selection = (at: number): Observation => ({ type: 'selection', at: T0 + at });
export const focus = (at: number, targetKey: string | null): Observation => ({ type: 'focus', at: T0 + at, targetKey });
/** The person navigated (back, forward, address bar). */
export const navigation = (at: number): Observation => ({ type: 'navigation', at: T0 + at });
/** The page answered without touching the DOM (a dialog, a clipboard write …) or started a navigation itself. */
export const answer = (at: number): Observation => ({ type: 'answer', at: T0 + at });
export const request = (at: number): Observation => ({ type: 'request', at: T0 + at });
export const error = (at: number, message = 'TypeError: x is undefined', source: string | null = 'https://shop.test/app.js'): Observation => ({
  type: 'error',
  at: T0 + at,
  message,
  source,
});
export const lcp = (at: number, ms: number): Observation => ({ type: 'lcp', at: T0 + at, ms });
export const load = (at: number, ms: number): Observation => ({ type: 'load', at: T0 + at, ms });
export const input = (at: number, form: string, field: string): Observation => ({ type: 'input', at: T0 + at, form, description: describeElement(field) });
export const submit = (at: number, form: string): Observation => ({ type: 'submit', at: T0 + at, form });
export const enter = (at: number): Observation => ({ type: 'enter', at: T0 + at });
export const leave = (at: number): Observation => ({ type: 'leave', at: T0 + at });
export const tick = (at: number): Observation => ({ type: 'tick', at: T0 + at });

/** Feeds a timeline to a fresh detector and returns every draft it produced, in order. */
export function run(create: DetectorFactory | Detector, timeline: Observation[], config: StudySettings = settings()): SignalDraft[] {
  const detector = typeof create === 'function' ? create(config) : create;
  return timeline.flatMap((o) => detector.observe(o));
}

export const kinds = (drafts: SignalDraft[]) => drafts.map((d) => d.kind);
