import type { ContentEvent, PromptSpec } from '../core/messages';
import { ask, RefusedError } from './messaging';

const BATCH = 200;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

/**
 * Holds every event until the background acknowledges its write. A stopped or restarting service worker makes
 * the send fail; the batch stays and goes again, and the background's writes are idempotent by id.
 */
export class EventQueue {
  private pending: ContentEvent[] = [];
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = FIRST_RETRY_MS;

  constructor(
    private readonly delayMs = 50,
    /** The background may answer a batch with a survey to show. */
    private readonly onPrompt: (prompt: PromptSpec) => void = () => undefined,
  ) {}

  push(event: ContentEvent): void {
    this.pending.push(event);
    this.schedule(this.delayMs);
  }

  get size(): number {
    return this.pending.length;
  }

  /**
   * Sends everything now, even with a batch still on its way: the page is going away and may get no second
   * chance. Events of the earlier batch go again in this one, in order, so none waits behind it.
   */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.send();
  }

  private schedule(ms: number): void {
    if (this.timer === undefined && this.inFlight === 0) this.timer = setTimeout(() => this.flush(), ms);
  }

  private async send(): Promise<void> {
    if (!this.pending.length) return;
    this.inFlight++;
    const batch = this.pending.slice(0, BATCH);
    let delay = 0;
    try {
      const { acked, prompt } = await ask({ type: 'content.events', events: batch, queued: this.pending.length });
      this.forget(new Set(acked));
      if (prompt) this.onPrompt(prompt);
      this.retryMs = FIRST_RETRY_MS;
    } catch (error) {
      // A store failure (full, failing) is not a refusal: the events stay and go again, backing off.
      if (error instanceof RefusedError) {
        // Retrying a refused batch cannot succeed and would block everything behind it.
        console.warn('[Journey Lens] events refused:', error.message);
        this.forget(new Set(batch.map((e) => e.eventId)));
      } else {
        delay = this.retryMs;
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      }
    } finally {
      this.inFlight--;
    }
    if (this.pending.length) this.schedule(delay);
  }

  private forget(ids: Set<string>): void {
    this.pending = this.pending.filter((event) => !ids.has(event.eventId));
  }
}
