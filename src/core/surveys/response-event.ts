import type { ContentEvent, PromptSpec } from '../messages';

/** The visit a prompt was shown in, as the page's friction recorder knows it. */
export interface PromptVisit {
  visitId: string;
  sessionId: string;
  studyId: string;
  pageKey: string;
  stageId: string | null;
}

/** A survey card's answer (or dismissal, `null`) as the response event of the visit it was shown in. */
export function responseEvent(prompt: PromptSpec, visit: PromptVisit, answer: { value: number | null; text: string | null } | null, at: number): ContentEvent {
  return {
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
      at,
    },
  };
}
