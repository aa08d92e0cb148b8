import type { ElementDescription } from '../core/records/signal';

/** Opt-out markers of the site and of the tools it may already use: nothing under them is described or signalled. */
export const OPT_OUT = '[data-jl-ignore], .ph-no-capture, .rr-block, [data-rr-block], [data-clarity-mask], .sentry-block, [data-sentry-block]';

const FIELD = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const BUTTON_INPUT = /^(button|submit|reset|image)$/;
const SENSITIVE_NAME = /card|cc-|cvv|cvc|iban|ssn|pass|pwd|secret|token/i;
const NAME_CHARS = 100;

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
 * value says it was a password field. Only `type` changes are watched, so busy pages cost nothing; for the page's life.
 */
export function watchPasswordFields(root: Node): void {
  new MutationObserver((records) => {
    for (const record of records) if (record.oldValue?.toLowerCase() === 'password') everPassword.add(record.target as Element);
  }).observe(root, { subtree: true, attributeFilter: ['type'], attributeOldValue: true });
}

/**
 * Password and payment fields stay sensitive for good: a field that was ever `type=password` (show-password
 * toggles flip it to text), or whose name, id or autocomplete looks like a card, secret or token.
 */
export function isSensitive(element: Element): boolean {
  if (element instanceof HTMLInputElement && element.type === 'password') everPassword.add(element);
  if (everPassword.has(element)) return true;
  const hints = [element.getAttribute('name'), element.id, element.getAttribute('autocomplete')].join(' ');
  return SENSITIVE_NAME.test(hints);
}

/** Visible text of an element, skipping fields and editable areas, whose text is what someone typed. */
function ownText(element: Element): string {
  let text = '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node instanceof Element && (node.matches(FIELD) || node.matches(OPT_OUT)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
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

/** What a person would call the element: the label of a field it is or lies in, its accessible name or text otherwise. */
function nameOf(element: Element): string | null {
  const field = fieldOf(element);
  if (field) return isSensitive(field) ? null : labelOf(field);
  const name =
    element.getAttribute('aria-label') ?? element.getAttribute('alt') ?? element.getAttribute('title') ?? (ownText(element) || null);
  return name === null ? null : name.slice(0, NAME_CHARS);
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
  return {
    tag,
    id: element.id ? element.id.slice(0, 200) : null,
    classes: [...element.classList].slice(0, 10).map((c) => c.slice(0, 100)),
    role: element.getAttribute('role') ?? (type && BUTTON_INPUT.test(type) ? 'button' : (IMPLICIT_ROLE[tag] ?? null)),
    name: nameOf(element),
    selector: selectorOf(element),
  };
}
