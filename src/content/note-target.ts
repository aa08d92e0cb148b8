import type { TargetLabel } from '../inpage/annotate/types';
import { describeElement, isIgnored } from './element-description';

/** Anything on the page may be chosen but the page itself and what is opted out of recording (and our own UI). */
export function isPickable(element: Element): boolean {
  return element !== element.ownerDocument.documentElement && element !== element.ownerDocument.body && !isIgnored(element);
}

/** How the picker and the forms name the element: never by a field's value, nor a sensitive field's label. */
export function labelOf(element: Element): TargetLabel {
  const { tag, name } = describeElement(element);
  return { tag, name };
}
