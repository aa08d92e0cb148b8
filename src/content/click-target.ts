import type { ClickTarget } from '../core/signals/observation';
import { describeElement, fieldOf, isField, isIgnored, selectorOf } from './element-description';

/** Controls people click repeatedly on purpose: steppers and pagination. All their text is a symbol, more or less … */
const STEPPER_TEXT = /^(\+|−|-|–|<|>|‹|›|«|»|more|less)$/i;
/**
 * … or their name (a label, else the text, else an image's alt) begins with a step, in English or Korean (다음 next,
 * 이전 previous), or ends with one (수량 증가·감소, quantity up·down). A theme's hidden text names an icon's "+"
 * ("Increase quantity for …"); Korean sites give an arrow its word ("다음"), or an image of one its alt ("수량증가").
 */
const STEPPER_NAME = /^((in|de)cre(ase|ment)|next|prev(ious)?)\b|^(다음|이전)|(증가|감소)$/i;
const PAGINATION = 'nav[aria-label*="pagination" i],.pagination,[role="spinbutton"]';
const MEDIA = 'canvas,video,audio,embed,object,iframe';
/** What looks clickable by its markup (PRODUCT.md §3); `label` only when it labels a control. */
const ACTIONABLE =
  'button,input[type="button" i],input[type="submit" i],input[type="image" i],input[type="reset" i],summary,[onclick],[role^="menuitem" i],' +
  ['button', 'link', 'tab', 'option', 'switch', 'checkbox', 'radio'].map((role) => `[role="${role}" i]`).join();
/** What sends a form when clicked, by its markup: an app's sign-in button sends by fetch, with no submit event. */
const SENDING = 'button:not([type="reset" i]),input[type="submit" i],input[type="image" i],input[type="button" i],[role="button" i]';
/**
 * Where the search for a clickable ancestor stops: a block of text. A click on a paragraph of a page wrapped in a
 * delegating `onclick` is reading, not asking for anything.
 */
const TEXT_BLOCK = 'p,h1,h2,h3,h4,h5,h6,li,dd,dt,blockquote,pre,td,th,figcaption,article,section,main,body';

function isStepper(element: Element): boolean {
  const control = element.closest('button,[role="button"],a') ?? element;
  const text = (control.textContent ?? '').trim();
  const name = control.getAttribute('aria-label') ?? (text || control.querySelector('img')?.alt);
  return STEPPER_TEXT.test(text) || STEPPER_NAME.test(name ?? '') || control.closest(PAGINATION) !== null;
}

/**
 * The element or an ancestor up to the first block of text is a control by its markup, or the element shows a
 * pointer cursor (cursor is inherited, so a clickable card's text shows it too).
 */
function looksActionable(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.matches(ACTIONABLE) || (node instanceof HTMLLabelElement && node.control !== null)) return true;
    if (node.matches(TEXT_BLOCK)) break;
  }
  return getComputedStyle(element).cursor === 'pointer';
}

/**
 * The form a click on this element would send, by its key: a button in it, not a reset, that stands apart from the
 * fields. One beside a field helps fill it (show the password, clear, pick a date) and sends nothing.
 */
function formSentBy(element: Element): string | null {
  const control = element.closest(SENDING);
  const form = control?.closest('form');
  return form && ![...control!.parentElement!.children].some(isField) ? selectorOf(form) : null;
}

/**
 * The facts a click detector needs about what was clicked; options and the lines of an editable area lie in their
 * field, so they count as fields. A control's label is actionable: it toggles or focuses its control.
 * The full description (accessible name, classes …) is built only if a detector reports the click: most clicks
 * are fine, and a burst must cost microseconds. `modifier`: Ctrl, Meta, Shift or Alt was held.
 */
export function clickTarget(element: Element, modifier: boolean): ClickTarget {
  let description: ClickTarget['description'] | undefined;
  const stepper = isStepper(element);
  return {
    key: selectorOf(element),
    get description() {
      return (description ??= describeElement(element));
    },
    link: element.closest('a[href]') !== null,
    editable: fieldOf(element) !== null,
    media: element.closest(MEDIA) !== null,
    stepper,
    ignored: isIgnored(element),
    modifier,
    actionable: looksActionable(element),
    // A stepper sets a quantity; it sends nothing.
    sends: stepper ? null : formSentBy(element),
  };
}
