/** The deepest point of the page seen so far, 0…1 of its height; a page that does not scroll is seen whole. */
export class ScrollDepth {
  private max = 0;
  private queued = false;

  // No measuring up front: reading the page's height forces a layout, which the page load should not pay for.
  constructor(signal: AbortSignal) {
    addEventListener('scroll', () => this.queue(), { passive: true, signal });
    addEventListener('resize', () => this.queue(), { passive: true, signal });
  }

  get value(): number {
    this.measure();
    return this.max;
  }

  /** A new route is a new page: depth starts again. */
  reset(): void {
    this.max = 0;
  }

  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => {
      this.queued = false;
      this.measure();
    });
  }

  private measure(): void {
    const height = document.documentElement.scrollHeight;
    const seen = height > 0 ? (scrollY + innerHeight) / height : 1;
    this.max = Math.max(this.max, Math.min(1, Math.round(seen * 1000) / 1000));
  }
}
