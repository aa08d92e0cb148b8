import { render } from 'preact';
import type { PromptSpec } from '../core/messages';
import { openComposeFrame } from './compose-frame';
import { cornerAwayFrom, createShadowHost } from './shadow-host';
import css from '../shared/survey-card.css?inline';
import { SurveyCard, type SurveyAnswer } from '../shared/SurveyCard';

/**
 * Shows one survey card and resolves with the answer, or null when dismissed. A choice card is in the page; an
 * open-text one is in a compose frame, so the words typed never pass through the page (PRODUCT.md §5). Loaded on
 * demand by the observer: none of this (nor Preact) is in the script injected into every page.
 */
export function showSurvey(prompt: PromptSpec, avoid: DOMRect | null): Promise<SurveyAnswer> {
  if (!prompt.options.length) {
    return new Promise((resolve) =>
      openComposeFrame({ kind: 'survey', prompt }, avoid, async (result, close) => {
        close();
        resolve(result?.kind === 'survey' ? result.answer : null);
        return null;
      }),
    );
  }
  return new Promise((resolve) => {
    const previousFocus = document.activeElement as HTMLElement | null;
    const host = createShadowHost('journey-lens-survey', css);
    host.place(cornerAwayFrom(avoid));
    const done = (answer: SurveyAnswer) => {
      render(null, host.root);
      host.remove();
      previousFocus?.focus?.({ preventScroll: true });
      resolve(answer);
    };
    const mount = document.createElement('div');
    host.root.append(mount);
    render(<SurveyCard prompt={prompt} onDone={done} />, mount);
  });
}
