import { z } from 'zod';
import { Id, Name, Text, Timestamp } from './common';

export const Channel = z.enum(['ad', 'email', 'store_visit', 'call_centre', 'social', 'chat', 'other']);
export type Channel = z.infer<typeof Channel>;

/**
 * An omnichannel touchpoint logged by hand (seed 000): it has a stage but no page. Who met it, in which walk (if
 * any) and when say which maps it belongs to: a map of one persona, session or date range shows only its own.
 */
export const OffsiteTouchpoint = z.strictObject({
  id: Id,
  studyId: Id,
  stageId: Id,
  channel: Channel,
  name: Name,
  note: Text.default(''),
  /** The persona who met it; null: any (then it shows only on maps not picked by persona). */
  personaId: Id.nullable().default(null),
  sessionId: Id.nullable().default(null),
  /** When it happened (the filters' dates); null: when it was logged. */
  at: Timestamp.nullable().default(null),
  createdAt: Timestamp,
});
export type OffsiteTouchpoint = z.infer<typeof OffsiteTouchpoint>;
