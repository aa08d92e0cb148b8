/** The deepest point of the page seen so far, 0…1 of its height; a page that does not scroll is seen whole. */
export class ScrollDepth {
  #max = 0;
  #measured = false;
  #queued = false;

  /**
   * Reading the page's height or scroll position forces a layout when the page has changed since its last one, and
   * a forced layout at pagehide delays the next page by 1–2 ms. So the page is measured only where its layout is
   * fresh anyway: a frame after a scroll or resize, and when its height changes (a resize observer is told after
   * layout).
   */
  constructor(signal: AbortSignal) {
    addEventListener('scroll', () => this.#queue(), { passive: true, signal });
    addEventListener('resize', () => this.#queue(), { passive: true, signal });
    const sized = new ResizeObserver(() => this.#measure());
    sized.observe(document.documentElement);
    signal.addEventListener('abort', () => sized.disconnect());
  }

  /** Measured now only if the page leaves before its first layout. */
  get value(): number {
    if (!this.#measured) this.#measure();
    return this.#max;
  }

  /** A new route is a new page: depth starts again, from where it is seen now. */
  reset(): void {
    this.#max = 0;
    this.#measured = false;
    this.#queue();
  }

  #queue(): void {
    if (this.#queued) return;
    this.#queued = true;
    requestAnimationFrame(() => {
      this.#queued = false;
      this.#measure();
    });
  }

  #measure(): void {
    this.#measured = true;
    const height = document.documentElement.scrollHeight;
    const seen = height > 0 ? (scrollY + innerHeight) / height : 1;
    this.#max = Math.max(this.#max, Math.min(1, Math.round(seen * 1000) / 1000));
  }
}
