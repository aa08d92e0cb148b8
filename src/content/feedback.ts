import type { FeedbackReport } from '../core/records/feedback';
import { PAGE_ERROR_EVENT } from './page-observer';

/** A report carries at most this many (FeedbackReport.consoleErrors); the latest say most about the moment. */
const MAX_ERRORS = 100;
const MAX_CHARS = 2000;

type PageError = FeedbackReport['consoleErrors'][number];

/**
 * The page's uncaught errors seen during the current visit, for a feedback report. It hears the same hand-over
 * event as the friction observer (public/page-world.js), with or without a running session, and keeps them in
 * memory only: they leave the page inside a report the tester chose to send.
 */
export class PageErrorLog {
  #errors: PageError[] = [];

  constructor(signal?: AbortSignal) {
    document.addEventListener(PAGE_ERROR_EVENT, (event) => this.#add((event as CustomEvent<unknown>).detail), { signal });
  }

  /** A new visit (an SPA route change) starts with an empty log. */
  reset(): void {
    this.#errors = [];
  }

  list(): PageError[] {
    return [...this.#errors];
  }

  #add(detail: unknown): void {
    if (typeof detail !== 'string') return;
    try {
      const { message, source } = JSON.parse(detail) as { message?: unknown; source?: unknown };
      if (typeof message !== 'string') return;
      this.#errors.push({ message: message.slice(0, MAX_CHARS), source: typeof source === 'string' ? source.slice(0, MAX_CHARS) : null, at: Date.now() });
      if (this.#errors.length > MAX_ERRORS) this.#errors.shift();
    } catch {
      // Not ours: page scripts can dispatch anything on the document.
    }
  }
}
