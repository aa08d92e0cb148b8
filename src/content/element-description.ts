import { inertText } from '../core/inert-text';
import { maskValues } from '../core/journey/route';
import type { ElementDescription } from '../core/records/signal';

/** Opt-out markers of the site and of the tools it may already use: nothing under them is described or signalled. */
export const OPT_OUT = '[data-jl-ignore],.ph-no-capture,.rr-block,[data-rr-block],[data-clarity-mask],.sentry-block,[data-sentry-block]';

const FIELD = 'input,textarea,select,[contenteditable]:not([contenteditable="false"])';
const BUTTON_INPUT = /^(button|submit|reset|image)$/;
/** Names, ids, autocomplete values and labels of password and payment fields, English and Korean. */
const SENSITIVE = /card|cc-|cvv|cvc|csc|iban|ssn|pass|pwd|secret|token|security code|expir|카드|비밀번호|보안\s*코드|유효\s*기간/i;
const NAME_CHARS = 100;
/** Signal.element's limits (core/records/signal.ts): a page's strings are cut here, never refused in the worker. */
const TAG_CHARS = 40;
const ROLE_CHARS = 40;
/** Their text is the whole document's (a click on the margin lands there), <head> and scripts included. */
const WHOLE_DOCUMENT = new Set(['html', 'body']);
/** Text that is no one's visible words. */
const NOT_SHOWN = 'script,style,noscript,template';

export function isIgnored(element: Element): boolean {
  return element.closest(OPT_OUT) !== null;
}

/** A control that takes typed text or a choice: its value is never read, and its text never described. */
export function isField(element: Element): boolean {
  if (element instanceof HTMLInputElement) return !BUTTON_INPUT.test(element.type);
  return element.matches(FIELD);
}

/**
 * The field an element is or lies in: an option is its select's, a line of an editable area is the area's. Their
 * text is what was chosen or typed, so they are described as that field.
 */
export function fieldOf(element: Element): Element | null {
  const field = element.closest(FIELD);
  return field && isField(field) ? field : null;
}

/**
 * Fields ever seen as `type=password`. The observer and its on-demand parts (note and report forms) are separate
 * builds, each with its own copy of this module (scripts/observer-script.ts): they share the set through the
 * isolated world's global, or a field shown as text would be unknown to the part that masks a report.
 */
const EVER_PASSWORD = Symbol.for('journey-lens.ever-password');
const everPassword = ((globalThis as { [EVER_PASSWORD]?: WeakSet<Element> })[EVER_PASSWORD] ??= new WeakSet<Element>());

/**
 * Show-password toggles turn a field to `type=text`, maybe before anything asked about it: the attribute's old
 * value says it was a password field. Only `type` changes are watched, so busy pages cost nothing; for the page's
 * life, from the person's first press, key or focus (a toggle is theirs), so a page only looked at pays nothing.
 */
export function watchPasswordFields(): void {
  const firstInput = new AbortController();
  // A page's own event only starts the watch early.
  const watch = () => {
    firstInput.abort();
    new MutationObserver((records) => {
      for (const record of records) if (record.oldValue?.toLowerCase() === 'password') everPassword.add(record.target as Element);
    }).observe(document, { subtree: true, attributeFilter: ['type'], attributeOldValue: true });
  };
  for (const type of ['pointerdown', 'keydown', 'focusin']) addEventListener(type, watch, { capture: true, passive: true, signal: firstInput.signal });
}

/** Digits as many as a card number has (13–19, spaced): a numeric field that long takes one. */
const CARD_DIGITS = 13;

/**
 * Password and payment fields stay sensitive for good: a field that was ever `type=password` (show-password
 * toggles flip it to text), whose name, id or autocomplete looks like a card, secret or token, whose label says
 * it is one, or that takes digits (`inputmode`) as many as a card number has.
 */
export function isSensitive(element: Element): boolean {
  if (element instanceof HTMLInputElement && element.type === 'password') everPassword.add(element);
  if (everPassword.has(element)) return true;
  const hints = [element.getAttribute('name'), element.id, element.getAttribute('autocomplete')].join(' ');
  if (element.getAttribute('inputmode') === 'numeric' && Number(element.getAttribute('maxlength')) >= CARD_DIGITS) return true;
  // A card field may be named just `number`: its label says what it is.
  return SENSITIVE.test(hints) || (isField(element) && SENSITIVE.test(labelOf(element) ?? ''));
}

/** Visible text of an element, skipping fields and editable areas, whose text is what someone typed. */
function ownText(element: Element): string {
  let text = '';
  // NodeFilter's numbers: its names cost the always-injected script some 45 bytes (gzip) of its 12 KB.
  const walker = document.createTreeWalker(element, 1 /* SHOW_ELEMENT */ | 4 /* SHOW_TEXT */, {
    acceptNode: (node) =>
      node instanceof Element && (node.matches(FIELD) || node.matches(OPT_OUT) || node.matches(NOT_SHOWN)) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */,
  });
  for (let node = walker.nextNode(); node && text.length < NAME_CHARS * 2; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function labelOf(field: Element): string | null {
  const labelled = field.getAttribute('aria-labelledby');
  if (labelled) return labelled.split(/\s+/).map((id) => ownText(document.getElementById(id) ?? document.createElement('i'))).join(' ');
  const labels = (field as HTMLInputElement).labels;
  if (labels?.[0]) return ownText(labels[0]);
  return field.getAttribute('aria-label') ?? field.getAttribute('placeholder');
}

/**
 * What a person would call the element: the label of a field it is or lies in, its accessible name or text
 * otherwise — without anything typed in this page (the page may echo it: suggestions, error messages).
 */
function nameOf(element: Element): string | null {
  const field = fieldOf(element);
  if (field && isSensitive(field)) return null;
  const name = field
    ? labelOf(field)
    : (element.getAttribute('aria-label') ?? element.getAttribute('alt') ?? element.getAttribute('title') ?? (ownText(element) || null));
  return name === null ? null : shownText(name).slice(0, NAME_CHARS);
}

/**
 * What was typed into the page's fields, for this page's life: only to mask it where the page shows it again. Kept
 * in the isolated world's memory (shared with the on-demand parts, like `everPassword`), never sent or stored;
 * password and payment fields are not read at all.
 */
const TYPED = Symbol.for('journey-lens.typed');
const typed = ((globalThis as { [TYPED]?: Map<Element, string> })[TYPED] ??= new Map<Element, string>());
/** Shorter values are a letter or two of a word being typed: masking them would mask the page's own words. */
const TYPED_MIN = 3;

/** Follows what is typed into the page's fields, for `shownText`; for the page's life. */
export function watchTypedValues(): void {
  addEventListener(
    'input',
    (event) => {
      const field = event.composedPath()[0];
      if (!(field instanceof Element) || !isField(field) || isSensitive(field)) return;
      const value = field instanceof HTMLElement && field.isContentEditable ? field.innerText : (field as HTMLInputElement).value;
      if (typeof value === 'string') typed.set(field, value.trim());
    },
    { capture: true, passive: true },
  );
}

/**
 * The page's text as we keep it: every value typed in this page masked, whatever its letter case (core/journey/
 * route.ts maskValues), and no bidi or zero-width control (core/inert-text.ts).
 */
export function shownText(text: string): string {
  return inertText(maskValues(text, [...typed.values()].filter((value) => value.length >= TYPED_MIN)));
}

const IMPLICIT_ROLE: Record<string, string> = { a: 'link', button: 'button', select: 'combobox', textarea: 'textbox', img: 'img', nav: 'navigation', form: 'form' };

/** A short selector that finds the element again: an id, a test id, or a path of tag:nth-of-type steps. */
export function selectorOf(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node && node !== document.documentElement && steps.length < 5; node = node.parentElement) {
    if (node.id) {
      steps.unshift(`#${CSS.escape(node.id)}`);
      break;
    }
    const testId = node.getAttribute('data-testid');
    if (testId) {
      steps.unshift(`[data-testid="${CSS.escape(testId)}"]`);
      break;
    }
    const tag = node.tagName.toLowerCase();
    const siblings = node.parentElement ? [...node.parentElement.children].filter((c) => c.tagName === node!.tagName) : [];
    steps.unshift(siblings.length > 1 ? `${tag}:nth-of-type(${siblings.indexOf(node) + 1})` : tag);
  }
  return steps.join(' > ').slice(0, 1000);
}

export function describeElement(element: Element): ElementDescription {
  const tag = element.tagName.toLowerCase();
  const type = element instanceof HTMLInputElement ? element.type : null;
  const role = element.getAttribute('role') ?? (type && BUTTON_INPUT.test(type) ? 'button' : (IMPLICIT_ROLE[tag] ?? null));
  return {
    tag: tag.slice(0, TAG_CHARS),
    id: element.id ? element.id.slice(0, 200) : null,
    classes: [...element.classList].slice(0, 10).map((c) => c.slice(0, 100)),
    role: role === null ? null : role.slice(0, ROLE_CHARS),
    name: WHOLE_DOCUMENT.has(tag) ? null : nameOf(element),
    selector: selectorOf(element),
  };
}
