import type { Annotation } from '../../core/records/annotation';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';

interface Props {
  tabId: number;
  orphans: Annotation[];
  /** In the side panel, which stays open beside the page while the element is picked. */
  live: boolean;
}

/** Annotate or report on an element of this page; the popup closes so the page can be picked from (the panel stays). */
export function PageTools({ tabId, orphans, live }: Props) {
  const { busy, error, run } = useAction();
  const pick = (mode: 'annotate' | 'feedback', note?: string) =>
    run(async () => {
      const { started } = await api({ type: 'ui.pick', tabId, mode, ...(note && { note }) });
      if (!started) throw new Error(t('popupPickUnavailable'));
      if (!live) window.close();
    });
  return (
    <section aria-labelledby="tools-heading" class="panel">
      <h2 id="tools-heading">{t('popupToolsHeading')}</h2>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void pick('annotate')}>
          {t('popupAnnotate')}
        </button>
        <button type="button" disabled={busy} onClick={() => void pick('feedback')}>
          {t('popupFeedback')}
        </button>
      </div>
      <ErrorText message={error} />
      {orphans.length > 0 && (
        <>
          <h3>{t('popupOrphansHeading')}</h3>
          <ul class="plain orphans" data-testid="orphans">
            {orphans.map((note) => (
              <li key={note.id}>
                <code>{note.url ?? note.pageKey}</code> {note.text}{' '}
                <button type="button" disabled={busy} aria-label={t('popupReattachNamed', note.text.slice(0, 60))} onClick={() => void pick('annotate', note.id)}>
                  {t('popupReattach')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
