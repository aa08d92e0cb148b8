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
  status: z.enum(['open', 'resolved']),
  /** Set when re-anchoring failed: the note is listed, never dropped. */
  orphaned: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Annotation = z.infer<typeof Annotation>;
