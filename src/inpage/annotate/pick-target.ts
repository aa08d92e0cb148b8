/*
 * Which element the picker points at, from the pointer or the keyboard. Plain DOM, no UI, so it can be tested
 * without a browser; `canTarget` says whether an element may be chosen (not opted out, not our own, shown).
 */

import { isOurLayer } from '../../core/our-layer';

export type CanTarget = (element: Element) => boolean;

/**
 * The element under a point, from `document.elementsFromPoint` (topmost first): the topmost one that is not our
 * own layer. If that one may not be chosen (it is opted out), nothing is: the picker does not reach past it.
 */
export function targetAt(stack: readonly Element[], canTarget: CanTarget): Element | null {
  // The picker looks through our own layers.
  const top = stack.find((element) => !isOurLayer(element));
  return top && canTarget(top) ? top : null;
}

export type Move = 'parent' | 'child' | 'previous' | 'next' | 'forward' | 'back';

/** What Tab would reach in the page; the picker walks these in document order. */
const TABBABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';

function isTabbable(element: Element): boolean {
  if ((element as HTMLElement).tabIndex < 0) return false;
  return !(element as HTMLButtonElement).disabled;
}

function firstDescendant(root: Element, canTarget: CanTarget): Element | null {
  for (const element of root.querySelectorAll('*')) if (canTarget(element)) return element;
  return null;
}

function sibling(element: Element, forward: boolean, canTarget: CanTarget): Element | null {
  for (let next = forward ? element.nextElementSibling : element.previousElementSibling; next; next = forward ? next.nextElementSibling : next.previousElementSibling) {
    if (canTarget(next)) return next;
  }
  return null;
}

function tabStop(current: Element | null, forward: boolean, canTarget: CanTarget, doc: Document): Element | null {
  const stops = [...doc.querySelectorAll(TABBABLE)].filter((element) => isTabbable(element) && canTarget(element));
  if (!current) return (forward ? stops[0] : stops.at(-1)) ?? null;
  const after = (element: Element) => (current.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const found = forward ? stops.find((element) => after(element) && !current.contains(element)) : stops.findLast((element) => !after(element) && element !== current && !element.contains(current));
  return found ?? current;
}

/**
 * The keyboard's way round the page: up to the parent, down to the first child, across to siblings, and Tab /
 * Shift+Tab through what Tab would reach. Where there is nowhere to go, the target stays.
 */
export function moveTarget(current: Element | null, move: Move, canTarget: CanTarget, doc: Document = document): Element | null {
  if (move === 'forward' || move === 'back') return tabStop(current, move === 'forward', canTarget, doc);
  if (!current) return firstDescendant(doc.body ?? doc.documentElement, canTarget);
  switch (move) {
    case 'parent':
      for (let parent = current.parentElement; parent; parent = parent.parentElement) if (canTarget(parent)) return parent;
      return current;
    case 'child':
      return firstDescendant(current, canTarget) ?? current;
    case 'previous':
    case 'next':
      return sibling(current, move === 'next', canTarget) ?? current;
  }
}
