import type { ContentEvent, PromptSpec } from '../core/messages';
import type { VisitContext } from './friction';
import { surveyCard } from './on-demand';

/** Where on the page what triggered a prompt is, so the card can keep clear of it. */
export type FindTrigger = (signalId: string | null) => DOMRect | null;

/**
 * Shows surveys one at a time and turns the answer (or the dismissal) into a response event of the visit the
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
      const { showSurvey } = await surveyCard();
      const answer = await showSurvey(prompt, this.#findTrigger(prompt.signalId));
      this.#push({
        kind: 'response',
        eventId: crypto.randomUUID(),
        response: {
          id: crypto.randomUUID(),
          ...visit,
          surveyId: prompt.surveyId,
          instrument: prompt.instrument,
          trigger: prompt.trigger,
          signalId: prompt.signalId,
          value: answer?.value ?? null,
          text: answer?.text ?? null,
          dismissed: answer === null,
          at: Date.now(),
        },
      });
    } finally {
      this.#showing = false;
    }
  }
}
