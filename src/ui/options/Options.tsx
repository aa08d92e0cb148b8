import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { describeError } from '../components/use-async';
import { DashboardTab } from '../dashboard/DashboardTab';
import { t } from '../../shared/i18n';
import { PersonasTab } from './PersonasTab';
import { StudiesTab } from './StudiesTab';
import { panelId, TabBar, tabId } from './TabBar';
import { FeedbackTab } from '../feedback/FeedbackTab';
import { DataTab } from './DataTab';
import { TeamSyncTab } from './TeamSyncTab';
import type { Overview, TabProps } from './tab-props';

/**
 * Top-level sections; a new one is one more entry here. The journey map needs a study, so it appears (first: it is
 * what people open the page for) once one exists.
 */
const TABS = [
  { id: 'map', label: () => t('dashboardTab'), needsStudy: true, render: (props: TabProps) => <DashboardTab {...props} /> },
  { id: 'studies', label: () => t('optionsTabStudies'), needsStudy: false, render: (props: TabProps) => <StudiesTab {...props} /> },
  { id: 'personas', label: () => t('optionsTabPersonas'), needsStudy: false, render: (props: TabProps) => <PersonasTab {...props} /> },
  { id: 'feedback', label: () => t('feedbackHeading'), needsStudy: true, render: (props: TabProps) => <FeedbackTab studies={props.overview.studies} /> },
  { id: 'data', label: () => t('optionsTabData'), needsStudy: false, render: (props: TabProps) => <DataTab {...props} /> },
  { id: 'sync', label: () => t('syncTab'), needsStudy: false, render: (props: TabProps) => <TeamSyncTab {...props} /> },
] as const satisfies readonly { id: string; label: () => string; needsStudy: boolean; render: (props: TabProps) => ComponentChild }[];

type TabName = (typeof TABS)[number]['id'];

function tabFromHash(): TabName | null {
  const name = location.hash.slice(1);
  return TABS.find((tab) => tab.id === name)?.id ?? null;
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
              {(tab.id === selected || visited.has(tab.id)) && tab.render({ overview, reload, announce: setStatus, mapStudyId, showMap })}
            </section>
          ))}
      </main>
    </div>
  );
}
