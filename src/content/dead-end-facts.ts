import type { DeadEndFacts } from '../core/signals/dead-end';
import { isIgnored } from './element-description';

const BODY_TEXT_CHARS = 2000;

/**
 * Laid out and not `visibility: hidden`. Asked of the element itself: its boxes (getClientRects) and its computed
 * style would each build a kind of object the observer's world uses nowhere else, afresh on every page load.
 */
const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });

/**
 * Reads what the dead-end judgement needs off the rendered page (`documentVisit`: the visit of the document's own
 * load, not a route rendered in it later): status, headings, text, links and buttons. Controls and links (a
 * layout read for each) are read up to the first visible one, links only if asked for: a page with a visible
 * button needs none of them.
 */
export function readDeadEndFacts(stageId: string | null, documentVisit: boolean): DeadEndFacts {
  const [navigation] = performance.getEntriesByType('navigation') as (PerformanceNavigationTiming & { responseStatus?: number })[];
  const text = document.body?.innerText ?? '';
  let links: DeadEndFacts['links'] | undefined;
  return {
    url: location.href,
    // The HTTP status is the document's: a route the page rendered later within it has none of its own.
    status: (documentVisit && navigation?.responseStatus) || null,
    title: document.title,
    h1: document.querySelector('h1')?.textContent?.trim() ?? null,
    bodyTextLength: text.length,
    bodyText: text.slice(0, BODY_TEXT_CHARS),
    get links() {
      return (links ??= [...document.querySelectorAll('a[href]')]
        .filter((a) => !isIgnored(a))
        // Each link's visibility is a layout read: made only for a link that would be a way forward.
        .map((a) => ({ href: (a as HTMLAnchorElement).href, get visible() { return visible(a); } })));
    },
    // Something to act on: a button, or a field (an app's single page, a search box, is no dead end). Up to the first.
    controlVisible: [...document.querySelectorAll('button,[role="button"],input:not([type="hidden" i]),select,textarea')].some(
      (b) => !isIgnored(b) && !(b as HTMLButtonElement).disabled && visible(b),
    ),
    stageId,
  };
}
