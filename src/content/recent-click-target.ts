import type { ClickTarget } from '../core/signals/observation';
import { clickTarget } from './click-target';

/**
 * The facts of the element clicked last, kept until the document changes: a rage click is a burst on one element,
 * and its facts (selector, ancestors, text) cannot change without a mutation. Only elements of the document
 * itself are kept; a shadow tree's mutations are not observed, so its elements are read afresh each time.
 */
export class RecentClickTarget {
  #last: { element: Element; modifier: boolean; target: ClickTarget } | null = null;

  of(element: Element, event: MouseEvent): ClickTarget {
    const modifier = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    const last = this.#last;
    if (last && last.element === element && last.modifier === modifier) return last.target;
    const target = clickTarget(element, modifier);
    this.#last = element.getRootNode() === document ? { element, modifier, target } : null;
    return target;
  }

  /** The document changed: what was read of it may be stale. */
  forget(): void {
    this.#last = null;
  }
}
