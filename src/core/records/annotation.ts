import { z } from 'zod';
import { Id, Text, Timestamp } from './common';
import { Anchor } from './anchor';
import { Role } from './session';
import { JourneyContext } from './signal';

export const AnnotationType = z.enum(['pain_point', 'opportunity', 'idea', 'question']);
export type AnnotationType = z.infer<typeof AnnotationType>;

export const Emotion = z.number().int().min(-2).max(2);

export const Annotation = z.strictObject({
  id: Id,
  ...JourneyContext.shape,
  type: AnnotationType,
  text: Text,
  emotion: Emotion.nullable(),
  role: Role,
  anchor: Anchor,
  /**
   * Where the note shows: on its own page (`url`, the default for new notes) or on every page of its touchpoint
   * (`pageKey`), chosen explicitly. Notes written before there was a choice have neither and show on the touchpoint.
   */
  scope: z.enum(['page', 'touchpoint']).optional(),
  /** The page it was written on, as visits store it (no query or plain fragment). */
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  status: z.enum(['open', 'resolved']),
  /** Set when re-anchoring failed: the note is listed, never dropped. */
  orphaned: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Annotation = z.infer<typeof Annotation>;
