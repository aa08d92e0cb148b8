import { z } from 'zod';
import { Timestamp } from './common';

/** Why the database refused a write: full, or failing (aborted, broken, or not open at all). */
export const StoreFailureKind = z.enum(['quota', 'aborted', 'unknown', 'unavailable']);
export type StoreFailureKind = z.infer<typeof StoreFailureKind>;

/**
 * The last failed writes, until one succeeds: what the popup tells the person. Kept outside IndexedDB (it is what
 * failed) and outside the worker's memory alone (the browser stops the worker).
 */
export const StoreHealth = z.strictObject({
  kind: StoreFailureKind,
  firstAt: Timestamp,
  lastAt: Timestamp,
  failures: z.number().int().positive(),
  /** Events each open page holds for a retry, by tab id. */
  waiting: z.record(z.string().max(20), z.number().int().nonnegative()),
});
export type StoreHealth = z.infer<typeof StoreHealth>;
