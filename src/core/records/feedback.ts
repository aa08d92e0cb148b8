import { z } from 'zod';
import { Id, Text, Timestamp } from './common';
import { Anchor } from './anchor';
import { JourneyContext } from './signal';

export const Environment = z.strictObject({
  browser: z.string().max(200),
  os: z.string().max(200),
  viewport: z.strictObject({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }),
  devicePixelRatio: z.number().positive(),
});

export const PageError = z.strictObject({
  message: z.string().max(2000),
  source: z.string().max(2000).nullable(),
  at: z.number().int().nonnegative(),
});

/** Where a report is on its way to a fix; set in the Feedback tab. */
export const FeedbackStatus = z.enum(['new', 'in_progress', 'fixed', 'wont_fix']);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;
export const Severity = z.enum(['low', 'medium', 'high', 'critical']);

export const FeedbackReport = z.strictObject({
  id: Id,
  ...JourneyContext.shape,
  text: Text,
  severity: Severity,
  /** Reports filed before statuses existed are new. */
  status: FeedbackStatus.default('new'),
  /** Key of the PNG Blob in the screenshots store. */
  screenshotId: Id.nullable(),
  anchor: Anchor.nullable(),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  consoleErrors: z.array(PageError).max(100),
  environment: Environment,
  createdAt: Timestamp,
  /** The last edit of text, severity or status in the Feedback tab; absent until the first. */
  updatedAt: Timestamp.optional(),
});
export type FeedbackReport = z.infer<typeof FeedbackReport>;

/** What a person may change of a report later: never where, when or what was captured. */
export const FeedbackEdit = z.strictObject({ text: Text.refine((t) => t.trim() !== '', 'Empty report'), severity: Severity, status: FeedbackStatus });
export type FeedbackEdit = z.infer<typeof FeedbackEdit>;
