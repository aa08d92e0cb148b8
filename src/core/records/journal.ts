import { z } from 'zod';
import { ContentEvent } from '../messages';

/**
 * A page's batch of events as acknowledged: one record, written in one put, applied into the visits, signals and
 * rollups afterwards (background/recording/journal.ts). `seq` orders the entries in the order they were acknowledged.
 */
export const JournalEntry = z.strictObject({
  seq: z.int().positive().optional(),
  tabId: z.int().nonnegative(),
  events: z.array(ContentEvent).min(1),
});
export type JournalEntry = z.infer<typeof JournalEntry>;
