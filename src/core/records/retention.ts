import { z } from 'zod';

/**
 * How long recorded walks are kept, one setting for the whole extension: a retention period is a team's or a
 * consent form's rule, the same for every study. Both limits off by default; when both are set, a session must
 * pass both to stay. Notes pinned to pages are the researcher's own findings, not recordings: never removed.
 */
export const RETENTION_LIMITS = { days: { min: 1, max: 3650 }, sessionsPerStudy: { min: 1, max: 10_000 } } as const;

const limit = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max).nullable().default(null);

export const Retention = z.strictObject({
  /** Keep sessions that ended in the last N days (and feedback filed outside a session in that time). */
  days: limit(RETENTION_LIMITS.days),
  /** Keep the N most recent sessions of each study, so a busy study does not push out a quiet one. */
  sessionsPerStudy: limit(RETENTION_LIMITS.sessionsPerStudy),
});
export type Retention = z.infer<typeof Retention>;

export const RETENTION_OFF: Retention = { days: null, sessionsPerStudy: null };
