import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StoreHealth } from '../../core/records/store-health';
import type { TabState, UiReplies } from '../../core/replies';
import { api, openOptions } from '../api';
import { popupTabId } from './popup-tab';
import { openSidePanel } from '../../platform/side-panel';
import { ComposeSlot } from '../panel/ComposeSlot';
import { PageNotes } from '../panel/PageNotes';
import { TeamSyncLine } from '../panel/TeamSyncLine';
import { ErrorText } from '../components/ErrorText';
import { StoreHealthNotice } from '../components/StoreHealthNotice';
import { describeError } from '../components/use-async';
import { t } from '../../shared/i18n';
import { CurrentPage } from './CurrentPage';
import { PageTools } from './PageTools';
import { SessionPanel } from './SessionPanel';

type Overview = UiReplies['ui.overview'];

/** Polled while open so the visit count follows the walk without the worker pushing to a page that may be gone. */
const REFRESH_MS = 1500;
/** The side panel's pace: a signal shows within a second of being decided. */
const LIVE_REFRESH_MS = 400;

/** `live`: the side panel, which stays open, follows the active tab of its window and refreshes faster. */
export function Popup({ live = false }: { live?: boolean }) {
  const [tabId, setTabId] = useState<number | null>(null);
  // undefined while the page has not answered yet: nothing is said about it rather than something wrong.
  const [tab, setTab] = useState<TabState | null | undefined>(undefined);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [health, setHealth] = useState<StoreHealth | null>(null);
  const [version, setVersion] = useState(0);
  // The popup's tab, once known; not a dependency of `refresh`: learning it would start a second round of asks at once.
  const knownTab = useRef<number | null>(null);

  const refresh = useCallback(async () => {
    // Asked apart from the rest: it is answered even when the database does not open.
    api({ type: 'ui.store.health' }).then(setHealth, () => undefined);
    try {
      const id = (live ? null : knownTab.current) ?? (await popupTabId());
      knownTab.current = id;
      setTabId(id);
      // The session panel draws as soon as the store answers; the page panel follows when the page does.
      const tabState = id === null ? Promise.resolve(null) : api({ type: 'ui.tab.state', tabId: id });
      setOverview(await api({ type: 'ui.overview' }));
      setTab(await tabState);
      setVersion((n) => n + 1);
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [live]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), live ? LIVE_REFRESH_MS : REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <main aria-busy={overview === null}>
      <header class="top">
        <h1>{t('extName')}</h1>
        {!live && tabId !== null && (
          <button type="button" onClick={() => void openSidePanel(tabId).then(() => window.close(), (caught: unknown) => setError(describeError(caught)))}>
            {t('popupOpenPanel')}
          </button>
        )}
        <button type="button" onClick={() => void openOptions()}>
          {t('popupOpenOptions')}
        </button>
      </header>
      {live && tabId !== null && <ComposeSlot tabId={tabId} version={version} />}
      <StoreHealthNotice health={health} />
      <ErrorText message={error} />
      {overview && (
        <>
          {tab !== undefined && <CurrentPage tab={tab} tabId={tabId} onChanged={refresh} />}
          {tab?.page && tabId !== null && <PageTools tabId={tabId} orphans={tab.orphans} live={live} />}
          <SessionPanel overview={overview} currentStudyId={tab?.study?.id ?? null} visitSignals={tab?.visitSignalCounts ?? {}} tabId={tabId} live={live} onChanged={refresh} />
          {live && tab?.page && <PageNotes notes={tab.notes} reports={tab.reports} />}
          {live && tab?.study && <TeamSyncLine studyId={tab.study.id} version={version} />}
        </>
      )}
    </main>
  );
}
