import { z } from 'zod';
import { Id, Timestamp } from './common';

export const SignalKind = z.enum([
  'rage_click',
  'dead_click',
  'slow_click',
  'dead_end',
  'exit',
  'quick_back',
  'form_abandonment',
  'error',
  'error_click',
  'slow_page',
  'excessive_scroll',
]);
export type SignalKind = z.infer<typeof SignalKind>;

/** What we say about an element: never its value, and no text at all for form fields. */
export const ElementDescription = z.strictObject({
  tag: z.string().max(40),
  id: z.string().max(200).nullable(),
  classes: z.array(z.string().max(100)).max(20),
  role: z.string().max(40).nullable(),
  name: z.string().max(200).nullable(),
  selector: z.string().max(1000),
});
export type ElementDescription = z.infer<typeof ElementDescription>;

/** A place in the journey: the context every signal, response, annotation and report is stored with. */
export const JourneyContext = z.strictObject({
  studyId: Id,
  sessionId: Id.nullable(),
  visitId: Id.nullable(),
  pageKey: z.string().max(1000),
  stageId: Id.nullable(),
});
export type JourneyContext = z.infer<typeof JourneyContext>;

export const Signal = z.strictObject({
  id: Id,
  ...JourneyContext.shape,
  sessionId: Id,
  visitId: Id,
  kind: SignalKind,
  at: Timestamp,
  element: ElementDescription.nullable(),
  /** Kind-specific figures (click count, delay, status code …); plain values only. */
  detail: z.record(z.string().max(40), z.union([z.number(), z.string().max(500), z.boolean()])),
});
export type Signal = z.infer<typeof Signal>;
