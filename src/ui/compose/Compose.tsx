import { useEffect, useState } from 'preact/hooks';
import type { ComposeContext, ComposeResult } from '../../core/messages';
import { AnnotationForm } from './AnnotationForm';
import { FeedbackForm } from './FeedbackForm';
import { SurveyCard } from '../../shared/SurveyCard';
import { api } from '../api';
import { COMPOSE_DONE } from './done-event';

/** This form: the id the page gave it, and the page's tab (both in this page's address). */
interface Place {
  id: string;
  tabId: number;
}

/** A form gone from its page (answered elsewhere, page left) is looked for this often, so this view goes too. */
const CHECK_MS = 1000;

function placeOf(search: string): Place | null {
  const query = new URLSearchParams(search);
  const tab = query.get('tab');
  const id = query.get('id');
  return tab && /^\d{1,15}$/.test(tab) && id ? { tabId: Number(tab), id } : null;
}

/** Hands in what was written; a reason it was not kept comes back as a rejection, which the note form shows. */
async function submit(place: Place, result: ComposeResult): Promise<void> {
  const error = await api({ type: 'ui.compose.submit', ...place, result });
  if (error !== null) throw new Error(error);
}

/**
 * A form the page waits to have written: the note, the report or the open-text answer. Shown by the side panel
 * (framed, its styles kept apart from the panel's) or in a small window of its own when the panel could not open.
 * It is done once answered or gone from the page: the window closes, the panel drops the frame.
 */
export function Compose() {
  const [place] = useState(() => placeOf(location.search));
  const [context, setContext] = useState<ComposeContext | null>(null);

  useEffect(() => {
    if (!place) return done();
    // Only the page saying the form is gone takes it away: a check that failed (the worker restarting) leaves the
    // researcher's words where they are typing them, and the next check asks again.
    const check = async () => {
      const open = await api({ type: 'ui.compose.open', ...place }).catch(() => undefined);
      if (open === null) done();
      else if (open) setContext((shown) => shown ?? open);
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_MS);
    return () => clearInterval(timer);
  }, [place]);

  if (!place || !context) return null;
  const finish = (result: ComposeResult) => submit(place, result).then(done);
  const cancel = () => void finish(null).catch(done);
  switch (context.kind) {
    case 'note':
      return <AnnotationForm initial={context.initial} target={context.target} onSave={(draft) => finish({ kind: 'note', draft })} onCancel={cancel} />;
    case 'report':
      return (
        <FeedbackForm
          initial={context.initial}
          error={context.error}
          target={context.target}
          onSend={(draft) => void finish({ kind: 'report', draft }).catch(done)}
          onCancel={cancel}
        />
      );
    case 'survey':
      return <SurveyCard prompt={context.prompt} onDone={(answer) => void finish({ kind: 'survey', answer }).catch(done)} />;
  }
}

/** The panel frames this page and listens on the frame for this; a window of its own closes. */
function done(): void {
  if (window.frameElement) window.frameElement.dispatchEvent(new Event(COMPOSE_DONE));
  else window.close();
}
