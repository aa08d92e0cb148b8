import type { ContentEvent } from '../core/messages';
import { channel, parseJson, type Handover } from './succession';

/*
 * The successor's side of succession (content/succession.ts), loaded on demand: only an observer the worker
 * injected into a page already open can find an orphan there (one loaded with its page is the page's first).
 */

/**
 * The successor's side: asks every orphan of the session in this page (an extension reloaded twice leaves two)
 * and adopts what they give, now and while `signal` holds; `found` is told of the first (its forms may still
 * send: content/orphan-relay.ts). Returns the open visit an orphan gave at once. The background validates the
 * events as it validates any page's.
 */
export function succeedOrphans(secret: string, adopt: (events: ContentEvent[]) => void, found: () => void, signal: AbortSignal): Handover['openVisit'] {
  let openVisit: Handover['openVisit'] = null;
  let first = true;
  const take = (event: Event) => {
    const handover = parseHandover(parseJson((event as CustomEvent).detail));
    if (!handover) return;
    openVisit = handover.openVisit ?? openVisit;
    adopt(handover.events);
    if (first) found();
    first = false;
  };
  document.addEventListener(channel(secret, 'give'), take, { signal });
  document.dispatchEvent(new Event(channel(secret, 'ask')));
  return openVisit;
}

function parseHandover(json: unknown): Handover | null {
  const value = json as Partial<Handover> | null;
  if (!Array.isArray(value?.events)) return null;
  const open = value.openVisit;
  const valid = open && typeof open.id === 'string' && typeof open.enteredAt === 'number' && typeof open.loadJudged === 'boolean';
  const openVisit = valid ? { id: open.id, enteredAt: open.enteredAt, loadJudged: open.loadJudged } : null;
  return { events: value.events, openVisit };
}
