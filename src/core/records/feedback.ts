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

export const FeedbackReport = z.strictObject({
  id: Id,
  ...JourneyContext.shape,
  text: Text,
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  /** Key of the PNG Blob in the screenshots store. */
  screenshotId: Id.nullable(),
  anchor: Anchor.nullable(),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  consoleErrors: z.array(PageError).max(100),
  environment: Environment,
  createdAt: Timestamp,
});
export type FeedbackReport = z.infer<typeof FeedbackReport>;
