import type { ContentEvent } from '../core/messages';
import { storableUrl } from '../core/journey/route';
import { OUTBOX_PREFIX, type OutboxEntryShape } from '../core/outbox';
import { connected, storeForSession } from '../platform/page-runtime';
import { noteEmitted, noteHandedOver } from './emitted-log';
import { ask, RefusedError } from './messaging';

const BATCH = 200;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;
/** How long an orphaned queue keeps its events for an observer to take them over (the worker injects one at start). */
const ORPHAN_KEEP_MS = 30_000;

/**
 * Holds every event until the background acknowledges its write. A stopped or restarting service worker makes
 * the send fail; the batch stays and goes again, and the background's writes are idempotent by id.
 */
export class EventQueue {
  #pending: ContentEvent[] = [];
  #inFlight = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retryMs = FIRST_RETRY_MS;
  readonly #outboxKey = OUTBOX_PREFIX + crypto.randomUUID();
  /** The runtime is gone: nothing is sent any more, events wait for the observer that takes over. */
  #orphan = false;
  #abandonTimer: ReturnType<typeof setTimeout> | undefined;
  /** The page has been hidden, perhaps for good: events adopted now go to the outbox too. */
  #leaving = false;
  /** The observer that took over from this orphaned one: every event from now on goes straight to it. */
  #successor: ((events: ContentEvent[]) => void) | null = null;
  /** The tab this page is in, once the background has said: an outbox entry must name it. */
  tabId: number | null = null;

  readonly #delayMs: number;
  /** The extension went under the page and no observer took over in time: nothing can be sent any more. */
  readonly #onAbandoned: () => void;

  constructor(delayMs = 50, onAbandoned: () => void = () => undefined) {
    this.#delayMs = delayMs;
    this.#onAbandoned = onAbandoned;
  }

  push(event: ContentEvent): void {
    if (__JL_TEST_HOOKS__) noteEmitted(event);
    if (this.#successor) {
      if (__JL_TEST_HOOKS__) noteHandedOver(1);
      return this.#successor([event]);
    }
    this.#pending.push(event);
    if (connected()) this.#schedule(this.#delayMs);
    else this.#orphaned();
  }

  get size(): number {
    return this.#pending.length;
  }

  /**
   * Sends everything now, even with a batch still on its way: the page is going away and may get no second
   * chance. Events of the earlier batch go again in this one, in order, so none waits behind it.
   */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#send();
  }

  /**
   * The page is hidden and may be gone in a moment: what is not acknowledged yet also goes into the session
   * outbox, for the worker to apply (background/outbox.ts). A message sent now reaches a running worker, but
   * one that must first start a stopped worker is dropped when its frame goes (Chromium 156: without the
   * outbox, test/e2e/loss.test.ts loses the last batch of every tab closed or navigated away while the worker
   * is stopped). A storage write is the browser's own: it completes, and storage.onChanged starts the worker.
   * Both may arrive; applying twice changes nothing.
   */
  hidden(): void {
    this.#leaving = true;
    if (!this.#pending.length || this.tabId === null) return;
    // The URL stands for the sender's origin only; its query may hold what was typed into a search box.
    const entry: OutboxEntryShape = { tabId: this.tabId, url: storableUrl(location.href), events: this.#pending };
    storeForSession({ [this.#outboxKey]: entry }).catch(() => undefined);
  }

  /**
   * Events an orphaned observer held for this one (content/succession.ts), older than any this page pushed
   * since. An orphan still deciding its last clicks may hand some over as the page goes: the outbox takes them.
   */
  adopt(events: readonly ContentEvent[]): void {
    if (!events.length) return;
    this.#pending = [...events, ...this.#pending];
    if (this.#leaving) this.hidden();
    this.#schedule(0);
  }

  /**
   * Returns everything not acknowledged, for the observer that took over from this orphaned one, and sends it
   * every event pushed from now on (a click still being judged, a survey card answered after the reload).
   */
  handOver(successor: (events: ContentEvent[]) => void): ContentEvent[] {
    this.#orphaned();
    clearTimeout(this.#abandonTimer);
    this.#successor = successor;
    const events = this.#pending;
    this.#pending = [];
    if (__JL_TEST_HOOKS__) noteHandedOver(events.length);
    return events;
  }

  /**
   * The extension reloaded (or went) under the page: no worker will ever answer this runtime. The queue keeps
   * what it holds, and what the page does meanwhile, for the observer the new worker injects (handOver); if
   * none comes, the extension is gone and so are the events.
   */
  #orphaned(): void {
    if (this.#orphan) return;
    this.#orphan = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abandonTimer = setTimeout(() => {
      this.#pending = [];
      this.#onAbandoned();
    }, ORPHAN_KEEP_MS);
  }

  #schedule(ms: number): void {
    if (this.#timer === undefined && this.#inFlight === 0 && !this.#orphan) this.#timer = setTimeout(() => this.flush(), ms);
  }

  async #send(): Promise<void> {
    if (!this.#pending.length) return;
    if (!connected()) return this.#orphaned();
    this.#inFlight++;
    const batch = this.#pending.slice(0, BATCH);
    let delay = 0;
    try {
      const { acked } = await ask({ type: 'content.events', events: batch, queued: this.#pending.length });
      this.#forget(new Set(acked));
      this.#retryMs = FIRST_RETRY_MS;
    } catch (error) {
      // A store failure (full, failing) is not a refusal: the events stay and go again, backing off.
      if (error instanceof RefusedError) {
        // Retrying a refused batch cannot succeed and would block everything behind it (the worker logs why).
        this.#forget(new Set(batch.map((e) => e.eventId)));
      } else if (!connected()) {
        this.#orphaned();
      } else {
        delay = this.#retryMs;
        this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
      }
    } finally {
      this.#inFlight--;
    }
    if (this.#pending.length) this.#schedule(delay);
  }

  #forget(ids: Set<string>): void {
    this.#pending = this.#pending.filter((event) => !ids.has(event.eventId));
  }
}
