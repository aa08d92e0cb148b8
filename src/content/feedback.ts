import type { FeedbackReport } from '../core/records/feedback';
import { onPageError } from './page-errors';

type PageError = FeedbackReport['consoleErrors'][number];

/**
 * The page's uncaught errors seen during the current visit, for a feedback report. It hears the same hand-over
 * event as the friction observer (content/page-world.ts), with or without a running session, and keeps them in
 * memory only: they leave the page inside a report the tester chose to send.
 */
export class PageErrorLog {
  #errors: PageError[] = [];

  constructor(signal?: AbortSignal) {
    // At most 20 a page load (page-errors.ts), within FeedbackReport.consoleErrors' 100.
    onPageError((error) => this.#errors.push(error), signal);
  }

  /** A new visit (an SPA route change) starts with an empty log. */
  reset(): void {
    this.#errors = [];
  }

  list(): PageError[] {
    return [...this.#errors];
  }
}
