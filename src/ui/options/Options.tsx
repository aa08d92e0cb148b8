import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { UiReplies } from '../../core/replies';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { describeError } from '../components/use-async';
import { t } from '../i18n';
import { PersonasTab } from './PersonasTab';
import { StudiesTab } from './StudiesTab';
import { panelId, TabBar, tabId } from './TabBar';

export type Overview = UiReplies['ui.overview'];

export interface TabProps {
  overview: Overview;
  reload: () => Promise<void>;
  /** Says something politely to screen readers and shows it under the tab bar. */
  announce: (message: string) => void;
}

/** Top-level sections; a new one (e.g. a dashboard) is one more entry here. */
const TABS = [
  { id: 'studies', label: () => t('optionsTabStudies'), render: (props: TabProps) => <StudiesTab {...props} /> },
  { id: 'personas', label: () => t('optionsTabPersonas'), render: (props: TabProps) => <PersonasTab {...props} /> },
] as const satisfies readonly { id: string; label: () => string; render: (props: TabProps) => ComponentChild }[];

type TabName = (typeof TABS)[number]['id'];

function tabFromHash(): TabName {
  const name = location.hash.slice(1);
  return TABS.find((tab) => tab.id === name)?.id ?? 'studies';
}

export function Options() {
  const [selected, setSelected] = useState<TabName>(tabFromHash);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

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

  const select = (id: TabName) => {
    setSelected(id);
    setStatus('');
    history.replaceState(null, '', `#${id}`);
  };

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('extName')}</h1>
        <p class="muted">{t('optionsTagline')}</p>
        <TabBar label={t('optionsTabsLabel')} tabs={TABS.map((tab) => ({ id: tab.id, label: tab.label() }))} selected={selected} onSelect={select} />
      </header>
      <p role="status" class="status" data-testid="options-status">
        {status}
      </p>
      <ErrorText message={loadError} />
      <main aria-busy={overview === null}>
        {overview === null && !loadError && <p class="muted">{t('optionsLoading')}</p>}
        {overview &&
          TABS.map((tab) => (
            // Inactive panels stay mounted (hidden) so switching tabs never loses unsaved edits.
            <section key={tab.id} id={panelId(tab.id)} role="tabpanel" aria-labelledby={tabId(tab.id)} hidden={tab.id !== selected}>
              {tab.render({ overview, reload, announce: setStatus })}
            </section>
          ))}
      </main>
    </div>
  );
}
