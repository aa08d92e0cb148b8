import { render } from 'preact';
import type { ContentEvent, PromptSpec } from '../core/messages';
import { responseEvent, type PromptVisit } from '../core/surveys/response-event';
import { t } from '../shared/i18n';
import { composeInPanel } from './compose-request';
import { showPanelCard } from './panel-card';
import { cornerAwayFrom, createShadowHost } from './shadow-host';
import css from '../shared/survey-card.css?inline';
import { SurveyCard, type SurveyAnswer } from '../shared/SurveyCard';

/**
 * Shows one survey and resolves with the answer, or null when dismissed. A choice card is in the page; an
 * open-text question is answered in the Journey Lens panel, which the page's card offers, so the words typed
 * never pass through the page (PRODUCT.md §5). Loaded on demand by the observer: none of this (nor Preact) is in
 * the script injected into every page.
 */
function showSurvey(prompt: PromptSpec, avoid: DOMRect | null): Promise<SurveyAnswer> {
  if (!prompt.options.length) return answerInPanel(prompt, avoid);
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

function answerInPanel(prompt: PromptSpec, avoid: DOMRect | null): Promise<SurveyAnswer> {
  return new Promise((resolve) => {
    const card = showPanelCard({
      tag: 'journey-lens-survey',
      title: prompt.question,
      avoid,
      action: {
        label: t('surveyAnswerInPanel'),
        run: () => {
          card.close();
          composeInPanel({ kind: 'survey', prompt }, avoid, async (result, close) => {
            close();
            resolve(result?.kind === 'survey' ? result.answer : null);
            return null;
          });
        },
      },
      onCancel: () => {
        card.close();
        resolve(null);
      },
    });
  });
}

/** Asks the survey of `visit` and gives the answer, or the dismissal, as its response event. */
export async function askSurvey(prompt: PromptSpec, avoid: DOMRect | null, visit: PromptVisit): Promise<ContentEvent> {
  return responseEvent(prompt, visit, await showSurvey(prompt, avoid), Date.now());
}
