import type { ContentEvent, PromptSpec } from '../core/messages';
import type { VisitContext } from './friction';
import { surveyCard } from './on-demand';

/** Where on the page what triggered a prompt is, so the card can keep clear of it. */
export type FindTrigger = (signalId: string | null) => DOMRect | null;

/**
 * Shows surveys one at a time; the answer (or the dismissal) comes back as a response event of the visit the
 * prompt was for. The card and Preact load only now, as a separate chunk.
 */
export class PromptPresenter {
  #showing = false;

  readonly #push: (event: ContentEvent) => void;
  readonly #currentVisit: () => VisitContext | null;
  readonly #findTrigger: FindTrigger;

  constructor(push: (event: ContentEvent) => void, currentVisit: () => VisitContext | null, findTrigger: FindTrigger) {
    this.#push = push;
    this.#currentVisit = currentVisit;
    this.#findTrigger = findTrigger;
  }

  async show(prompt: PromptSpec): Promise<void> {
    const visit = this.#currentVisit();
    if (this.#showing || !visit) return;
    this.#showing = true;
    try {
      this.#push(await (await surveyCard()).askSurvey(prompt, this.#findTrigger(prompt.signalId), visit));
    } finally {
      this.#showing = false;
    }
  }
}
