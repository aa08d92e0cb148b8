import type { ClickTarget } from '../core/signals/observation';
import { describeElement, fieldOf, isIgnored, selectorOf } from './element-description';

/** Controls people click repeatedly on purpose: steppers and pagination. */
const STEPPER_TEXT = /^(\+|−|-|–|<|>|‹|›|«|»|next|prev|previous|more|less)$/i;
const STEPPER_LABEL = /^(increase|decrease|increment|decrement|next|previous|prev)\b/i;
const PAGINATION = 'nav[aria-label*="pagination" i], .pagination, [role="spinbutton"]';
const MEDIA = 'canvas, video, audio, embed, object, iframe';

function isStepper(element: Element): boolean {
  const control = element.closest('button, [role="button"], a') ?? element;
  const text = (control.textContent ?? '').trim();
  return STEPPER_TEXT.test(text) || STEPPER_LABEL.test(control.getAttribute('aria-label') ?? '') || control.closest(PAGINATION) !== null;
}

/**
 * The facts a click detector needs about what was clicked; labels toggle their field, and options and the lines of
 * an editable area lie in theirs, so they count as fields.
 * The full description (accessible name, classes …) is built only if a detector reports the click: most clicks
 * are fine, and a burst must cost microseconds.
 */
export function clickTarget(element: Element, event: MouseEvent): ClickTarget {
  let description: ClickTarget['description'] | undefined;
  return {
    key: selectorOf(element),
    get description() {
      return (description ??= describeElement(element));
    },
    link: element.closest('a[href]') !== null,
    editable: fieldOf(element) !== null || element.closest('label') !== null,
    media: element.closest(MEDIA) !== null,
    stepper: isStepper(element),
    ignored: isIgnored(element),
    modifier: event.ctrlKey || event.metaKey || event.shiftKey || event.altKey,
  };
}
