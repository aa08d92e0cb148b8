import { QUOTE_MAX } from '../../core/anchoring/quote';
import { OPT_OUT, isField, isIgnored, isSensitive } from '../element-description';

/**
 * The page's text as anchors see it: every text node under <body> in document order, whitespace runs collapsed to
 * one space, leaving out what is not prose (scripts, styles, templates), what someone typed (fields, editable
 * areas) and what the site opted out of. Building and resolving use this one definition, so offsets agree.
 */
export interface PageText {
  text: string;
  nodes: Text[];
  /** Where each node's text starts and ends in `text`. */
  starts: number[];
  ends: number[];
}

const SKIP = `script, style, noscript, template, input, textarea, select, [contenteditable]:not([contenteditable="false"]), ${OPT_OUT}`;

export function pageText(doc: Document): PageText {
  const page: PageText = { text: '', nodes: [], starts: [], ends: [] };
  const root = doc.body ?? doc.documentElement;
  if (!root) return page;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : (node as Element).matches(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let value = (node as Text).data.replace(/\s+/g, ' ');
    if (value.startsWith(' ') && (page.text === '' || page.text.endsWith(' '))) value = value.slice(1);
    if (!value) continue;
    page.nodes.push(node as Text);
    page.starts.push(page.text.length);
    page.text += value;
    page.ends.push(page.text.length);
  }
  return page;
}

/** The first index in [0, n) where `test` holds, for a `test` that is false…false true…true. */
function lowerBound(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Where an element's text is in the page text, without surrounding spaces; an element with none (an icon, a
 * field) gets an empty range where its text would be. Its text nodes are a contiguous run of `nodes`.
 */
export function rangeOf(page: PageText, element: Element): { start: number; end: number } {
  const { nodes, starts, ends, text } = page;
  const first = lowerBound(nodes.length, (i) => !(element.compareDocumentPosition(nodes[i]!) & Node.DOCUMENT_POSITION_PRECEDING));
  const after = lowerBound(nodes.length, (i) => i >= first && !element.contains(nodes[i]!));
  if (after === first) {
    const at = starts[first] ?? text.length;
    return { start: at, end: at };
  }
  let start = starts[first]!;
  let end = ends[after - 1]!;
  if (text[start] === ' ') start++;
  if (end > start && text[end - 1] === ' ') end--;
  return { start, end };
}

/** The text node at a page-text offset (the last one, past the end). */
export function nodeAt(page: PageText, offset: number): Text | undefined {
  const i = lowerBound(page.nodes.length, (j) => page.ends[j]! > offset);
  return page.nodes[Math.min(i, page.nodes.length - 1)];
}

/**
 * The elements sitting at a page-text offset with no text of their own (a field, an icon button): those between
 * the text node starting there and the one before it. Their anchors record that offset as their position.
 */
export function textlessAt(page: PageText, offset: number): Element[] {
  const { nodes, starts } = page;
  const i = lowerBound(nodes.length, (j) => starts[j]! >= offset);
  if (i < nodes.length && starts[i] !== offset) return [];
  const root = nodes[0]?.ownerDocument.body;
  if (!root) return [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node: Node | null = nodes[i] ?? root;
  while (!nodes[i] && node.lastChild) node = node.lastChild; // past the last text: from the very end of the page
  walker.currentNode = node;
  const found: Element[] = [];
  for (let steps = 0; node && node !== nodes[i - 1] && steps < 200; node = walker.previousNode(), steps++) {
    if (node.nodeType === Node.ELEMENT_NODE && node !== root) found.push(node as Element);
  }
  return found;
}

function slice(page: PageText, element: Element): string {
  const { start, end } = rangeOf(page, element);
  return page.text.slice(start, Math.min(end, start + QUOTE_MAX));
}

/** What a field or a textless element is called: its label, or the name the page gives it. Never a value. */
function nameOf(page: PageText, element: Element): string {
  const ids = element.getAttribute('aria-labelledby');
  const label = (element as HTMLInputElement).labels?.[0];
  let name: string;
  if (ids) name = ids.split(/\s+/).map((id) => element.ownerDocument.getElementById(id)).map((by) => (by ? slice(page, by) : '')).join(' ');
  else if (label) name = slice(page, label);
  else name = element.getAttribute('aria-label') ?? element.getAttribute('alt') ?? element.getAttribute('title') ?? element.getAttribute('placeholder') ?? '';
  return name.replace(/\s+/g, ' ').trim().slice(0, QUOTE_MAX);
}

/**
 * The text an anchor quotes for an element, cut to QUOTE_MAX: its own page text; failing that its name (an icon
 * button's aria-label, a submit button's caption); for a field only its label, and for a password or payment field,
 * or anything in an opted-out area, nothing.
 */
export function textOf(page: PageText, element: Element): string {
  if (isIgnored(element)) return '';
  if (isField(element)) return isSensitive(element) ? '' : nameOf(page, element);
  const own = slice(page, element) || nameOf(page, element);
  // An <input type=submit>'s value is its caption, written by the site, not typed by a person (isField is false).
  return own || (element.localName === 'input' ? (element.getAttribute('value') ?? '').trim().slice(0, QUOTE_MAX) : '');
}
