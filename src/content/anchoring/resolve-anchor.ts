import { findQuote, matchesQuote, quoteMatches, resemblesQuote, scoreAt } from '../../core/anchoring/quote';
import type { Anchor } from '../../core/records/anchor';
import { nodeAt, pageText, rangeOf, textlessAt, textOf, type PageText } from './page-text';

export type Resolution =
  | { element: Element; method: 'selector' | 'quote' | 'fuzzy' | 'position' }
  | { element: null; orphaned: true };

/** Places of the quote checked at most; each costs a walk up the tree, and past these the element is not there. */
const MAX_CANDIDATES = 20;
/** Elements a selector may now match that are looked at. */
const MAX_HITS = 50;
/**
 * What a weak selector's word is worth when its element competes with the quote's best place: half of one side's
 * context. Enough to keep the right twin when a new sibling takes over one side of its context, not enough to
 * keep a wrong one whose context disagrees on both sides.
 */
const SELECTOR_WEIGHT = 10;

/** An element still carries the anchor when its text is the quote, within the fuzzy bound. */
function carries(page: PageText, element: Element, exact: string): boolean {
  return matchesQuote(textOf(page, element), exact);
}

function ancestors(node: Node | undefined): Element[] {
  const found: Element[] = [];
  for (let element = node?.parentElement ?? null; element; element = element.parentElement) found.push(element);
  return found;
}

/**
 * Of the candidates (and a label's control, for a field quoted by its label), the one that carries the quote:
 * with the anchored tag if there is one, else the first (the deepest, for a list of ancestors).
 */
function pick(page: PageText, candidates: Element[], exact: string, tag: string | undefined): Element | null {
  const found: Element[] = [];
  for (const element of candidates) {
    if (carries(page, element, exact)) found.push(element);
    const control = element.localName === 'label' ? (element as HTMLLabelElement).control : null;
    if (control && carries(page, control, exact)) found.push(control);
  }
  return found.find((element) => element.localName === tag) ?? found[0] ?? null;
}

function bySelector(page: PageText, anchor: Anchor, doc: Document, weak: boolean): Element | null {
  let hits: Element[];
  try {
    hits = [...doc.querySelectorAll(anchor.selector)].slice(0, MAX_HITS);
  } catch {
    return null;
  }
  // An id or data-* selector that still finds one element only: a label edit keeps the note on it.
  if (!weak && hits.length === 1 && resemblesQuote(textOf(page, hits[0]!), anchor.quote.exact)) return hits[0]!;
  hits = hits.filter((element) => carries(page, element, anchor.quote.exact));
  if (hits.length === 1 && !weak) return hits[0]!;
  if (hits.length === 0) return null;
  // A positional selector, or one that now finds several elements, may point at a twin (the "Add to cart" of the
  // next product): it wins only if its element's context is as good as the quote's best place. An element with no
  // page text (a field, an icon) has no context to weigh: the one nearest the recorded position.
  const scored = hits
    .map((element) => {
      const { start, end } = rangeOf(page, element);
      const score = start === end ? Infinity : scoreAt(page.text, anchor.quote, anchor.position, start, end) + SELECTOR_WEIGHT;
      return { element, score, away: Math.abs(start - anchor.position) };
    })
    .sort((a, b) => (a.score === b.score ? a.away - b.away : b.score - a.score));
  const top = scored[0]!;
  const best = top.score === Infinity ? null : findQuote(page.text, anchor.quote, anchor.position);
  return !best || top.score >= best.score ? top.element : null;
}

/**
 * Finds an anchored element again: selector → quote (exact, then fuzzy) → position, each accepted only where the
 * element found still carries the quote; otherwise the anchor is orphaned (the annotation is kept and listed, never
 * attached to something else). Pass `page` to resolve many anchors against one reading of the page.
 */
export function resolveAnchor(anchor: Anchor, doc: Document, page: PageText = pageText(doc)): Resolution {
  // Built selectors lead every step with the tag, and the last step is the element's.
  const last = anchor.selector.replace(/"[^"]*"/g, '""').split(/\s*[\s>+~]\s*/).pop() ?? '';
  const tag = /^[a-z][\w-]*/i.exec(last)?.[0].toLowerCase();
  const hit = bySelector(page, anchor, doc, !/[[#]/.test(last));
  if (hit) return { element: hit, method: 'selector' };

  const { exact } = anchor.quote;
  let tried = 0;
  for (const match of quoteMatches(page.text, anchor.quote, anchor.position)) {
    const element = pick(page, ancestors(nodeAt(page, (match.start + match.end) >> 1)), exact, tag);
    if (element) return { element, method: match.distance === 0 ? 'quote' : 'fuzzy' };
    if (++tried >= MAX_CANDIDATES) break;
  }

  // Last, what is at the recorded offset: a field or icon sitting there, or the text there and its ancestors.
  const element = exact ? pick(page, [...textlessAt(page, anchor.position), ...ancestors(nodeAt(page, anchor.position))], exact, tag) : null;
  return element ? { element, method: 'position' } : { element: null, orphaned: true };
}
