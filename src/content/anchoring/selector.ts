import { isIgnored, selectorOf } from '../element-description';

/** Attributes written for tests and automation: the most stable thing a page offers after a hand-written id. */
const TEST_ATTRIBUTES = ['data-testid', 'data-test', 'data-test-id', 'data-qa', 'data-cy', 'data-automation-id'];
/** Then what names the element or its target; `role` alone last (it narrows, rarely identifies). */
const OTHER_ATTRIBUTES = ['name', 'href', 'alt', 'title', 'for', 'type', 'role'];

/**
 * Values a framework or build made up, which change between deploys or renders: digit runs (ember123, item-4567),
 * instance counters (mat-input-0), React/Radix ids (:r1:, «r1»), hash-like tokens mixing letters and digits
 * (css-1x2y3z, a3f9c2e1).
 */
const GENERATED = /\d{3,}|[-_]\d+$|[:«»]|(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{6,}/i;

/** Usable in a selector: short, made by a person, and nothing that reads like a query string or an address. */
function isStable(value: string): boolean {
  return value.length > 0 && value.length <= 80 && !/["\\\n?@]/.test(value) && !GENERATED.test(value);
}

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

function selectsOnly(doc: Document, selector: string, element: Element): boolean {
  try {
    const all = doc.querySelectorAll(selector);
    return all.length === 1 && all[0] === element;
  } catch {
    return false; // a name the selector engine cannot parse: try the next step
  }
}

/** Ways to select `node` from its attributes, most stable first, each led by the tag; the bare tag last. */
function stepsOf(node: Element): string[] {
  const tag = node.localName;
  const steps: string[] = [];
  const add = (name: string, value: string | null) => {
    if (value !== null && isStable(value)) steps.push(`${tag}[${name}="${value}"]`);
  };
  if (isStable(node.id)) steps.push(/^[a-z_][\w-]*$/i.test(node.id) ? `${tag}#${node.id}` : `${tag}[id="${node.id}"]`);
  for (const name of TEST_ATTRIBUTES) add(name, node.getAttribute(name));
  // In an opted-out area only hooks written for machines: labels and names there may be someone's data.
  if (!isIgnored(node)) {
    for (const { name, value } of node.attributes) {
      if (name.startsWith('data-') && !name.startsWith('data-jl') && !TEST_ATTRIBUTES.includes(name)) add(name, value);
    }
    const label = node.getAttribute('aria-label');
    const role = node.getAttribute('role');
    if (label !== null && isStable(label)) steps.push(`${tag}${role && isStable(role) ? `[role="${role}"]` : ''}[aria-label="${label}"]`);
    for (const name of OTHER_ATTRIBUTES) add(name, node.getAttribute(name));
  }
  steps.push(tag);
  return steps;
}

/**
 * A selector that finds the element again after the page changes: the most stable attribute that picks it out in
 * the document, else one that picks it out among its siblings under an ancestor that is picked out that way;
 * `:nth-of-type` only for a level where no attribute (or tag) tells the siblings apart. Never classes (restyles
 * rename them) and never values. Checked to select exactly this element.
 */
export function stableSelector(element: Element): string {
  const doc = element.ownerDocument;
  let below = '';
  for (let node: Element | null = element; node && node !== doc.documentElement; node = node.parentElement) {
    const steps = stepsOf(node);
    for (const step of steps) {
      const selector = below ? `${step} > ${below}` : step;
      if (selectsOnly(doc, selector, element)) return selector.length <= 2000 ? selector : selectorOf(element);
    }
    const self = node;
    const siblings = self.parentElement ? [...self.parentElement.children] : [self];
    const local =
      steps.find((step) => siblings.filter((sibling) => matches(sibling, step)).length === 1) ??
      `${self.localName}:nth-of-type(${siblings.filter((sibling) => sibling.localName === self.localName).indexOf(self) + 1})`;
    below = below ? `${local} > ${below}` : local;
  }
  return below || element.localName;
}
