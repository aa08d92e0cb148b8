import { z } from 'zod';
import { Id, Name, Text, Timestamp } from './common';

export const Channel = z.enum(['ad', 'email', 'store_visit', 'call_centre', 'social', 'chat', 'other']);
export type Channel = z.infer<typeof Channel>;

/** An omnichannel touchpoint logged by hand (seed 000): it has a stage but no page. */
export const OffsiteTouchpoint = z.strictObject({
  id: Id,
  studyId: Id,
  stageId: Id,
  channel: Channel,
  name: Name,
  note: Text.default(''),
  createdAt: Timestamp,
});
export type OffsiteTouchpoint = z.infer<typeof OffsiteTouchpoint>;
