import { quoteAt } from '../../core/anchoring/quote';
import type { Anchor } from '../../core/records/anchor';
import { pageText, rangeOf, textOf } from './page-text';
import { stableSelector } from './selector';

/**
 * The anchor of an element (PRODUCT.md §5): a stable selector, the element's text quoted with 32 characters of
 * context either side, and where that text starts in the page text. A field is quoted by its label, never its
 * value; a password or payment field, or anything opted out, by nothing (its context still helps find it).
 */
export function buildAnchor(element: Element, doc: Document = element.ownerDocument): Anchor {
  const page = pageText(doc);
  const { start, end } = rangeOf(page, element);
  const exact = textOf(page, element);
  // Page text is quoted where it stands; a name (label, aria-label) is not page text at this spot, only its context is.
  const quote = exact && page.text.startsWith(exact, start) ? quoteAt(page.text, start, end) : { ...quoteAt(page.text, start, start), exact };
  return { selector: stableSelector(element), quote, position: start };
}
