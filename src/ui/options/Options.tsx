import type { ComponentChild, FunctionComponent } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { describeError } from '../components/use-async';
import { t } from '../../shared/i18n';
import { panelId, TabBar, tabId } from './TabBar';
import type { Overview, TabProps } from './tab-props';

type TabView = (props: TabProps) => ComponentChild;
const viewOf = (Tab: FunctionComponent<TabProps>): TabView => (props) => <Tab {...props} />;

/**
 * Top-level sections; a new one is one more entry here. The journey map needs a study, so it appears (first: it is
 * what people open the page for) once one exists. Each tab's code loads when it is first shown: the map, opened
 * most, waits for no editor, importer or schema (zod and every schema would run before its first frame).
 */
const TABS = [
  { id: 'map', label: () => t('dashboardTab'), needsStudy: true, load: () => import('../dashboard/DashboardTab').then((m) => viewOf(m.DashboardTab)) },
  { id: 'studies', label: () => t('optionsTabStudies'), needsStudy: false, load: () => import('./StudiesTab').then((m) => viewOf(m.StudiesTab)) },
  { id: 'personas', label: () => t('optionsTabPersonas'), needsStudy: false, load: () => import('./PersonasTab').then((m) => viewOf(m.PersonasTab)) },
  {
    id: 'feedback',
    label: () => t('feedbackHeading'),
    needsStudy: true,
    load: () => import('../feedback/FeedbackTab').then(({ FeedbackTab }): TabView => (props) => <FeedbackTab studies={props.overview.studies} />),
  },
  { id: 'data', label: () => t('optionsTabData'), needsStudy: false, load: () => import('./DataTab').then((m) => viewOf(m.DataTab)) },
  { id: 'sync', label: () => t('syncTab'), needsStudy: false, load: () => import('./TeamSyncTab').then((m) => viewOf(m.TeamSyncTab)) },
] as const satisfies readonly { id: string; label: () => string; needsStudy: boolean; load: () => Promise<TabView> }[];

type TabName = (typeof TABS)[number]['id'];

function tabFromHash(): TabName | null {
  const name = location.hash.slice(1);
  return TABS.find((tab) => tab.id === name)?.id ?? null;
}

/** Each tab's code, loaded once. */
const views = new Map<TabName, Promise<TabView>>();
function loadView(name: TabName): Promise<TabView> {
  let view = views.get(name);
  if (!view) views.set(name, (view = TABS.find((tab) => tab.id === name)!.load()));
  return view;
}
// The tab the address names, or the map (the default once a study exists), loads as the overview is asked for.
void loadView(tabFromHash() ?? 'map').catch(() => undefined);

/** A tab's panel once its code is there (a failure to load it is said where the panel would be). */
function TabPanel({ name, props }: { name: TabName; props: TabProps }) {
  const [view, setView] = useState<{ render: TabView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadView(name).then(
      (render) => setView({ render }),
      (caught: unknown) => setError(describeError(caught)),
    );
  }, [name]);
  if (error) return <ErrorText message={error} />;
  return view && view.render(props);
}

export function Options() {
  /** The tab asked for (by the address or a click); null until then, when the default applies. */
  const [chosen, setChosen] = useState<TabName | null>(tabFromHash);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [mapStudyId, setMapStudyId] = useState<string | null>(null);
  // Panels are built when first shown, then kept (hidden) so switching tabs never loses unsaved edits.
  const [visited, setVisited] = useState<ReadonlySet<TabName>>(new Set());

  const reload = useCallback(async () => {
    try {
      setOverview(await api({ type: 'ui.overview' }));
      setLoadError(null);
    } catch (caught) {
      setLoadError(describeError(caught));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const hasStudy = (overview?.studies.length ?? 0) > 0;
  const tabs = TABS.filter((tab) => !tab.needsStudy || hasStudy);
  const selected: TabName = tabs.find((tab) => tab.id === chosen)?.id ?? (hasStudy ? 'map' : 'studies');
  // The default is settled on the first load: creating the first study keeps the Studies tab in front.
  useEffect(() => {
    if (overview && chosen === null) setChosen(selected);
  }, [overview, chosen, selected]);
  useEffect(() => {
    if (overview && !visited.has(selected)) setVisited(new Set([...visited, selected]));
  }, [overview, selected, visited]);

  const select = (id: TabName) => {
    setChosen(id);
    setStatus('');
    history.replaceState(null, '', `#${id}`);
  };
  const showMap = useCallback((studyId: string) => {
    setMapStudyId(studyId);
    setChosen('map');
    history.replaceState(null, '', '#map');
  }, []);

  return (
    <div class={selected === 'map' ? 'page wide' : 'page'}>
      <header class="page-header">
        <h1>{t('extName')}</h1>
        <p class="muted">{t('optionsTagline')}</p>
        {(overview || loadError) && (
          <TabBar label={t('optionsTabsLabel')} tabs={tabs.map((tab) => ({ id: tab.id, label: tab.label() }))} selected={selected} onSelect={select} />
        )}
      </header>
      <p role="status" class="status" data-testid="options-status">
        {status}
      </p>
      <ErrorText message={loadError} />
      <main aria-busy={overview === null}>
        {overview === null && !loadError && <p class="muted">{t('optionsLoading')}</p>}
        {overview &&
          tabs.map((tab) => (
            <section key={tab.id} id={panelId(tab.id)} role="tabpanel" aria-labelledby={tabId(tab.id)} hidden={tab.id !== selected}>
              {(tab.id === selected || visited.has(tab.id)) && <TabPanel name={tab.id} props={{ overview, reload, announce: setStatus, mapStudyId, showMap }} />}
            </section>
          ))}
      </main>
    </div>
  );
}
