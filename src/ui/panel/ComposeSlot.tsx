import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { api } from '../api';
import { COMPOSE_DONE } from '../compose/done-event';

/**
 * The note, report or open answer the page in `tabId` waits to have written, shown at the top of the panel: the
 * researcher types here, never in the page (PRODUCT.md §5). The form is the compose page, framed so its styles
 * stay its own; `version` changes on each of the panel's refreshes.
 */
export function ComposeSlot({ tabId, version }: { tabId: number; version: number }) {
  const [pending, setPending] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);

  useEffect(() => {
    // Asked again on every refresh: an answer overtaken by a later question is dropped, or a late "none" from before
    // the page asked would take down the form being typed in.
    let latest = true;
    api({ type: 'ui.compose.pending', tabId }).then((open) => latest && setPending(open?.id ?? null), () => undefined);
    return () => {
      latest = false;
    };
  }, [tabId, version]);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const drop = () => setPending(null);
    element.addEventListener(COMPOSE_DONE, drop);
    return () => element.removeEventListener(COMPOSE_DONE, drop);
  }, [pending]);

  if (!pending) return null;
  return (
    <section aria-labelledby="compose-heading" class="panel compose-slot">
      <h2 id="compose-heading">{t('composeHeading')}</h2>
      <iframe
        key={pending}
        ref={frame}
        class="compose"
        data-testid="compose-frame"
        title={t('composeTitle')}
        src={`../compose/index.html?tab=${tabId}&id=${pending}`}
      />
    </section>
  );
}
