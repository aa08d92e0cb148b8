import { DEAD_END_SETTLE_MS } from '../core/signals/dead-end';

/** The deepest point of the page seen so far, 0…1 of its height; a page that does not scroll is seen whole. */
export class ScrollDepth {
  #max = 0;
  #measured = false;
  #queued = false;
  #settled: ReturnType<typeof setTimeout> | undefined;

  /**
   * Reading the page's height or scroll position forces a layout when the page has changed since its last one, and
   * a forced layout at pagehide delays the next page by 1–2 ms. So the page is measured only where its layout is
   * fresh anyway: just after a frame is drawn that followed a scroll or a resize, and, for a visit not scrolled,
   * right after the dead-end look (friction.ts), whose reading of the page's text has just laid it out. A page
   * growing later needs no look: a taller page only makes what was seen a smaller share, and the deepest is kept.
   */
  constructor(signal: AbortSignal) {
    addEventListener('scroll', () => this.#queue(), { passive: true, signal });
    addEventListener('resize', () => this.#queue(), { passive: true, signal });
    signal.addEventListener('abort', () => clearTimeout(this.#settled));
  }

  /**
   * Measured now only if the visit is left before it was (a quick bounce, a route changing). A method, not a getter:
   * minifiers drop a getter read only for its effect.
   */
  value(): number {
    if (!this.#measured) this.#measure();
    return this.#max;
  }

  /** A new route is a new page: depth starts again, from where it is seen once settled. */
  reset(): void {
    this.#max = 0;
    this.#measured = false;
    clearTimeout(this.#settled);
    // Timers of the same delay run in order: this one after the dead-end look set when the visit began.
    this.#settled = setTimeout(() => this.#measured || this.#measure(), DEAD_END_SETTLE_MS);
  }

  #queue(): void {
    if (this.#queued) return;
    this.#queued = true;
    // A frame's callbacks run before its layout; a task queued from one runs after it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.#queued = false;
        this.#measure();
      }),
    );
  }

  #measure(): void {
    this.#measured = true;
    const height = document.documentElement.scrollHeight;
    const seen = height > 0 ? (scrollY + innerHeight) / height : 1;
    this.#max = Math.max(this.#max, Math.min(1, Math.round(seen * 1000) / 1000));
  }
}
