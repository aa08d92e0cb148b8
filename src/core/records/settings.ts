import { z } from 'zod';

const ms = (fallback: number) => z.number().int().min(0).max(3_600_000).default(fallback);

/**
 * What error pages say, in English and Korean (our first users'). A CMS curls apostrophes, so both are spelt out;
 * a Korean phrase may end mid-word, as its words carry endings ("존재하지 않는 페이지입니다"). "404" glued to a
 * Korean word is a count (404건) unless the word is an error's (404에러), and 찾을 수 is often written 찾을수.
 */
const SOFT_404_PATTERNS = [
  '404',
  'not found',
  "couldn't find",
  'couldn’t find',
  'could not find',
  "can't be found",
  'can’t be found',
  'cannot be found',
  "page doesn't exist",
  'page doesn’t exist',
  'page does not exist',
  'no longer available',
  '404에러',
  '404오류',
  '페이지를 찾을 수 없',
  '페이지를 찾을수 없',
  '찾을 수 없는 페이지',
  '페이지가 존재하지 않',
  '존재하지 않는 페이지',
  '페이지가 없습니다',
  '상품을 찾을 수 없',
  '존재하지 않는 상품',
  '삭제되었거나 존재하지 않',
];

/** The first defaults (English only, straight apostrophes): a study that kept them untouched gets today's. */
const FIRST_SOFT_404_PATTERNS = ['404', 'not found', "couldn't find", 'could not find', 'no longer available'];

/** Today's default soft-404 patterns for a study that kept the first ones; any other list as it is. */
export function withCurrentSoft404Defaults(patterns: string[]): string[] {
  const first = patterns.length === FIRST_SOFT_404_PATTERNS.length && patterns.every((p, i) => p === FIRST_SOFT_404_PATTERNS[i]);
  return first ? [...SOFT_404_PATTERNS] : patterns;
}

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
  // A study file, or a teammate's study synced, from before the Korean defaults comes in with today's.
  soft404Patterns: z.array(z.string().min(1).max(200)).max(50).default(SOFT_404_PATTERNS).transform(withCurrentSoft404Defaults),
  /** Global pause between two survey prompts, so nobody is asked twice in a row. */
  surveyGapMs: ms(300_000),
});
export type StudySettings = z.infer<typeof StudySettings>;
