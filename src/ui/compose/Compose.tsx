import { useEffect, useState } from 'preact/hooks';
import type { ComposeContext, ComposeResult } from '../../core/messages';
import { AnnotationForm } from './AnnotationForm';
import { FeedbackForm } from './FeedbackForm';
import { browser } from '../../platform/browser';
import { SurveyCard } from '../../shared/SurveyCard';
import { api } from '../api';

/** This frame's form: the id the observer put in its address, and the tab it is in. */
interface Place {
  id: string;
  tabId: number;
}

/** Hands in what was written; a reason it was not kept comes back as a rejection, which the note form shows. */
async function submit(place: Place, result: ComposeResult): Promise<void> {
  const error = await api({ type: 'ui.compose.submit', ...place, result });
  if (error !== null) throw new Error(error);
}

/**
 * A form written in this extension page, framed in the studied page by the observer (inpage/compose-frame.ts):
 * the note, the report and the open-text answer. What to show and what was written go through the worker.
 */
export function Compose() {
  const [place, setPlace] = useState<Place | null>(null);
  const [context, setContext] = useState<ComposeContext | null>(null);

  useEffect(() => {
    void (async () => {
      const tab = await browser.tabs.getCurrent();
      const id = location.hash.slice(1);
      if (tab?.id === undefined || !id) return;
      const here = { id, tabId: tab.id };
      setPlace(here);
      setContext(await api({ type: 'ui.compose.open', ...here }));
    })();
  }, []);

  // The frame in the page is as tall as this content, and no taller: the page around it stays usable.
  useEffect(() => {
    if (!place) return;
    const observer = new ResizeObserver(() => void api({ type: 'ui.compose.resize', ...place, height: Math.ceil(document.documentElement.scrollHeight) }).catch(() => undefined));
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [place]);

  if (!place || !context) return null;
  const cancel = () => void submit(place, null).catch(() => undefined);
  switch (context.kind) {
    case 'note':
      return <AnnotationForm initial={context.initial} target={context.target} onSave={(draft) => submit(place, { kind: 'note', draft })} onCancel={cancel} />;
    case 'report':
      return (
        <FeedbackForm
          initial={context.initial}
          error={context.error}
          target={context.target}
          onSend={(draft) => void submit(place, { kind: 'report', draft }).catch(() => undefined)}
          onCancel={cancel}
        />
      );
    case 'survey':
      return (
        <div class="survey">
          <SurveyCard prompt={context.prompt} onDone={(answer) => void submit(place, { kind: 'survey', answer }).catch(() => undefined)} />
        </div>
      );
  }
}
