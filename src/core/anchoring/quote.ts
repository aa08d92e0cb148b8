import type { Anchor } from '../records/anchor';
import search from 'approx-string-match';
import { editDistance } from './edit-distance';

export type TextQuote = Anchor['quote'];

/** The schema's limits: an element's text is quoted up to 500 characters, with 32 of context either side. */
export const QUOTE_MAX = 500;
export const CONTEXT = 32;

/**
 * Text found again "within the bound" is at most a quarter of the quote's characters away (a typo fix, a changed
 * price, a reworded word or two); short quotes therefore only match exactly (fewer than 4 characters: no edits).
 */
export function fuzzBound(exact: string): number {
  return Math.floor(exact.length / 4);
}

/** Whether `text` (an element's text, at most QUOTE_MAX long) is the quoted text, give or take the bound. */
export function matchesQuote(text: string, exact: string): boolean {
  const bound = fuzzBound(exact);
  return editDistance(text.slice(0, QUOTE_MAX), exact, bound) <= bound;
}

/**
 * The loose check for an element a strong selector (an id or `data-*` attribute) still finds, and finds alone: its
 * text may have changed by up to half of the longer of the two ("Add to cart" → "Add to cart now"), since the page
 * itself still names it. A different label altogether ("Checkout") is more than that, and orphans the note.
 */
export function resemblesQuote(text: string, exact: string): boolean {
  const cut = text.slice(0, QUOTE_MAX);
  const bound = Math.max(fuzzBound(exact), Math.floor(Math.max(cut.length, exact.length) / 2));
  return editDistance(cut, exact, bound) <= bound;
}

/** The quote of `text[start, end)`: the text itself (cut to QUOTE_MAX) and the CONTEXT characters around it. */
export function quoteAt(text: string, start: number, end: number): TextQuote {
  const exactEnd = Math.min(end, start + QUOTE_MAX);
  return {
    exact: text.slice(start, exactEnd),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(exactEnd, exactEnd + CONTEXT),
  };
}

export interface TextMatch {
  /** Offsets in the searched text, end exclusive. */
  start: number;
  end: number;
  /** Edits between the quote and the text there. */
  distance: number;
}

export interface QuoteMatch extends TextMatch {
  /** Higher is better; only comparable between matches of the same quote in the same text. */
  score: number;
}

/** Around the recorded position first: a page that changed a little still has the text near where it was. */
const WINDOW = 4096;
/**
 * At most this many cells (32 per block of the quote and character) in a whole-page fuzzy scan: all of a 200 KB
 * page for a 500-character quote, ~50 ms at worst; the rest of a longer page is not searched.
 */
const SCAN_BUDGET = 100_000_000;

/** Stands in for the text of exact occurrences: no quote holds it, so a blanked place is never near a match. */
const BLANK = '\u0000';

/**
 * Fuzzy places of `pattern` in `text[from, to)` within `maxErrors` edits: Myers' bit-parallel search as Hypothesis
 * runs it (approx-string-match). It reports only the closest matches, so exact occurrences (ranked apart, by
 * exactMatches) are blanked first: the fuzzy places are what the caller tries when none of those holds.
 */
function fuzzyMatches(text: string, pattern: string, maxErrors: number, from: number, to: number): TextMatch[] {
  return search(text.slice(from, to).replaceAll(pattern, BLANK.repeat(pattern.length)), pattern, maxErrors)
    .filter((m) => m.errors > 0)
    .map((m) => ({ start: from + m.start, end: from + m.end, distance: m.errors }));
}
/** Exact occurrences ranked at most (the nearest to the position); a very common quote has thousands. */
const MAX_EXACT = 1000;

function similarity(recorded: string, found: string): number {
  if (!recorded) return 1;
  const max = Math.max(recorded.length, found.length);
  return 1 - Math.min(editDistance(recorded, found, max), recorded.length) / recorded.length;
}

/**
 * Agreement of recorded context with the text beside a match, the half nearest the quote counted twice: the text
 * right beside an element is its own (its card's title, its row), further out are neighbours that move on their own.
 */
function contextSimilarity(recorded: string, found: string, nearEnd: boolean): number {
  const half = Math.ceil(recorded.length / 2);
  const near = (text: string) => (nearEnd ? text.slice(-half) : text.slice(0, half));
  return (similarity(recorded, found) + similarity(near(recorded), near(found))) / 2;
}

/**
 * Ranks matches as Hypothesis does (text-quote anchoring): closeness of the quote weighs most, then agreement of
 * the prefix and suffix, and the distance from the recorded position only breaks ties between equal contexts.
 * (Twins — two "Add to cart" buttons — differ only in their context, so a deleted twin's anchor can still land on
 * the other one when the other inherits its context; the resolver's checks cannot tell, nothing in the page can.)
 */
function score(text: string, quote: TextQuote, position: number, m: TextMatch): number {
  return (
    50 * (1 - m.distance / Math.max(1, quote.exact.length)) +
    20 * contextSimilarity(quote.prefix, text.slice(Math.max(0, m.start - quote.prefix.length), m.start), true) +
    20 * contextSimilarity(quote.suffix, text.slice(m.end, m.end + quote.suffix.length), false) +
    2 * (1 - Math.min(1, Math.abs(m.start - position) / Math.max(1, text.length)))
  );
}

function rank(text: string, quote: TextQuote, position: number, matches: TextMatch[]): QuoteMatch[] {
  return matches.map((m) => ({ ...m, score: score(text, quote, position, m) })).sort((a, b) => b.score - a.score);
}

/**
 * How well `text[start, end)` (cut to QUOTE_MAX) fits the quote, on the scale of QuoteMatch.score; text beyond the
 * fuzzy bound counts as one edit over it.
 */
export function scoreAt(text: string, quote: TextQuote, position: number, start: number, end: number): number {
  const cut = Math.min(end, start + QUOTE_MAX);
  const distance = editDistance(text.slice(start, cut), quote.exact, fuzzBound(quote.exact));
  return score(text, quote, Math.min(Math.max(0, position), text.length), { start, end: cut, distance });
}

function exactMatches(text: string, exact: string, position: number): TextMatch[] {
  const found: TextMatch[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push({ start: at, end: at + exact.length, distance: 0 });
  if (found.length <= MAX_EXACT) return found;
  return found.sort((a, b) => Math.abs(a.start - position) - Math.abs(b.start - position)).slice(0, MAX_EXACT);
}

/**
 * Where the quote is in `text`, best first, lazily: every exact occurrence (ranked), then fuzzy matches within
 * fuzzBound — first in a window around `position`, and only if the caller wants more, in the whole text. The
 * caller checks each candidate (the element there must still carry the quote) and stops at the first that holds.
 */
export function* quoteMatches(text: string, quote: TextQuote, position: number): Generator<QuoteMatch> {
  const { exact } = quote;
  if (!exact) return;
  const at = Math.min(Math.max(0, position), text.length);
  yield* rank(text, quote, at, exactMatches(text, exact, at));
  const bound = fuzzBound(exact);
  if (bound === 0) return;
  const from = Math.max(0, at - WINDOW);
  const to = Math.min(text.length, at + exact.length + WINDOW);
  const near = fuzzyMatches(text, exact, bound, from, to);
  yield* rank(text, quote, at, near);
  if (from === 0 && to === text.length) return;
  const seen = new Set(near.map((m) => m.end));
  const scanned = Math.min(text.length, Math.floor(SCAN_BUDGET / (32 * Math.ceil(exact.length / 32))));
  const far = fuzzyMatches(text, exact, bound, 0, scanned).filter((m) => !seen.has(m.end));
  yield* rank(text, quote, at, far);
}

/** The best place of the quote in `text`, or null when it is not there within the bound. */
export function findQuote(text: string, quote: TextQuote, position: number): QuoteMatch | null {
  return quoteMatches(text, quote, position).next().value ?? null;
}
