import { z } from 'zod';

const ms = (fallback: number) => z.number().int().min(0).max(3_600_000).default(fallback);

/** Friction thresholds per study; defaults are PRODUCT.md §3 (PostHog, Sentry, Datadog, Clarity, CWV). */
export const StudySettings = z.strictObject({
  rageClick: z
    .strictObject({ clicks: z.number().int().min(2).max(20).default(3), intervalMs: ms(1000), radiusPx: z.number().min(1).max(500).default(30) })
    .prefault({}),
  deadClick: z
    // giveUpMs: an unanswered click this old when the person clicks elsewhere or navigates was given up on (dead).
    .strictObject({ timeoutMs: ms(7000), scrollWindowMs: ms(300), selectionWindowMs: ms(100), focusWindowMs: ms(1000), giveUpMs: ms(2500) })
    .prefault({}),
  slowClickMs: ms(2500),
  errorClickMs: ms(2500),
  quickBackMs: ms(10_000),
  slowPageLcpMs: ms(4000),
  excessiveScroll: z.strictObject({ reversals: z.number().int().min(2).max(50).default(3), windowMs: ms(5000) }).prefault({}),
  idleTimeoutMs: ms(600_000),
  soft404Patterns: z.array(z.string().min(1).max(200)).max(50).default(['404', 'not found', "couldn't find", 'could not find', 'no longer available']),
  /** Global pause between two survey prompts, so nobody is asked twice in a row. */
  surveyGapMs: ms(300_000),
});
export type StudySettings = z.infer<typeof StudySettings>;
