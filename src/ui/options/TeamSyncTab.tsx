import { useEffect, useState } from 'preact/hooks';
import { serverOrigin, type SyncStatus } from '../../core/sync/settings';
import { browser } from '../../platform/browser';
import { formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { LOOPBACK } from './permissions';
import { SYNC_ERROR_KEYS, SYNC_STATE_KEYS } from '../sync-words';
import type { TabProps } from './tab-props';

const JOIN = 'join';
/** How often the status is read again while the tab is open. */
const POLL_MS = 1000;

const empty = { url: '', database: '', username: '', password: '', screenshots: false };

/** A study's team sync: where to (off by default), what is sent, and how it goes (status, refusals, conflicts). */
export function TeamSyncTab({ overview, reload, announce }: TabProps) {
  const [studyId, setStudyId] = useState<string>(overview.studies[0]?.id ?? JOIN);
  const [form, setForm] = useState(empty);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const action = useAction();
  const joining = studyId === JOIN;

  useEffect(() => {
    if (joining) return setStatus(null);
    let live = true;
    const read = () =>
      api({ type: 'ui.sync.get', studyId }).then((next) => {
        if (!live) return;
        setStatus(next);
        if (next) setForm((old) => (old.url ? old : { url: next.url, database: next.database, username: next.username, password: '', screenshots: next.screenshots }));
      }, () => undefined);
    void read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [studyId]);

  const pick = (id: string) => {
    setStudyId(id);
    setForm(empty);
  };

  const turnOn = (event: Event) => {
    event.preventDefault();
    const origin = URL.canParse(form.url) ? serverOrigin(form.url) : null;
    const ask = origin && !LOOPBACK.has(origin.replace(/:\d+\/\*$/, '/*'));
    // No await before this: the browser shows the permission prompt only during the click's user gesture.
    const granted = ask ? browser.permissions.request({ origins: [origin] }) : Promise.resolve(true);
    void action.run(async () => {
      if (!(await granted)) throw new Error(t('optionsPermissionDeclined', origin ?? ''));
      const settings = { ...form, url: form.url.trim(), database: form.database.trim() };
      const next = joining ? await api({ type: 'ui.sync.join', settings }) : await api({ type: 'ui.sync.enable', settings: { ...settings, studyId } });
      setStatus(next);
      if (joining) {
        await reload();
        setStudyId(next.studyId);
      }
      announce(t('syncTurnedOn'));
    });
  };

  const turnOff = () =>
    void action.run(async () => {
      await api({ type: 'ui.sync.disable', studyId });
      setStatus(null);
      setForm(empty);
      announce(t('syncTurnedOff'));
    });

  const keep = (docId: string, rev: string) => void action.run(async () => setStatus(await api({ type: 'ui.sync.resolve', studyId, docId, rev })));

  const field = (key: 'url' | 'database' | 'username' | 'password', label: Parameters<typeof t>[0], type: 'text' | 'url' | 'password' = 'text') => (
    <div class="field">
      <label for={`sync-${key}`}>{t(label)}</label>
      <input id={`sync-${key}`} type={type as 'text'} value={form[key]} autoComplete="off" onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
    </div>
  );

  return (
    <div class="stack">
      <form class="panel stack" aria-labelledby="sync-heading" onSubmit={turnOn} noValidate>
        <h2 id="sync-heading">{t('syncHeading')}</h2>
        <p class="hint">{t('syncIntro')}</p>
        <div class="field">
          <label for="sync-study">{t('syncStudy')}</label>
          <select id="sync-study" value={studyId} onChange={(e) => pick(e.currentTarget.value)}>
            {overview.studies.map((study) => (
              <option key={study.id} value={study.id}>
                {study.name}
              </option>
            ))}
            <option value={JOIN}>{t('syncJoinOption')}</option>
          </select>
        </div>
        {field('url', 'syncServer', 'url')}
        {field('database', 'syncDatabase')}
        {field('username', 'syncUsername')}
        {field('password', 'syncPassword', 'password')}
        {status && <p class="hint">{t('syncPasswordKept')}</p>}
        <label class="check">
          <input type="checkbox" checked={form.screenshots} onChange={(e) => setForm({ ...form, screenshots: e.currentTarget.checked })} />
          {t('syncScreenshots')}
        </label>
        <p data-testid="sync-what-is-sent">{t(form.screenshots ? 'syncSentWithScreenshots' : 'syncSent')}</p>
        <div class="row">
          <button type="submit" class="primary" disabled={action.busy}>
            {t(joining ? 'syncJoin' : status ? 'syncSave' : 'syncTurnOn')}
          </button>
          {status && (
            <button type="button" onClick={turnOff} disabled={action.busy}>
              {t('syncTurnOff')}
            </button>
          )}
        </div>
        <ErrorText message={action.error} />
      </form>
      {status && <SyncStatusPanel status={status} onKeep={keep} busy={action.busy} />}
    </div>
  );
}

function SyncStatusPanel({ status, onKeep, busy }: { status: SyncStatus; onKeep: (docId: string, rev: string) => void; busy: boolean }) {
  return (
    <section class="panel stack" aria-labelledby="sync-status-heading" data-testid="sync-status">
      <h2 id="sync-status-heading">{t('syncStatusHeading')}</h2>
      <p data-testid="sync-state">
        {t(SYNC_STATE_KEYS[status.state])}
        {status.error && ` — ${t(SYNC_ERROR_KEYS[status.error])}`}
      </p>
      <p>{status.lastSyncAt ? t('syncLast', formatDateTime(status.lastSyncAt)) : t('syncNever')}</p>
      {status.pending > 0 && <p>{t('syncPending', status.pending)}</p>}
      {status.progress && (
        <p>
          <label for="sync-progress">{t('syncFirst', status.progress.done, status.progress.total)}</label>{' '}
          <progress id="sync-progress" max={status.progress.total} value={status.progress.done} />
        </p>
      )}
      {status.conflicts.length > 0 && (
        <div data-testid="sync-conflicts">
          <h3>{t('syncConflictsHeading')}</h3>
          <p class="hint">{t('syncConflictsIntro')}</p>
          <ul>
            {status.conflicts.map((conflict) => (
              <li key={conflict.docId} data-testid="sync-conflict">
                <p>{t('syncConflictKind', conflict.kind)}</p>
                <ul>
                  {[conflict.winner, ...conflict.others].map((version, i) => (
                    <li key={version.rev}>
                      <span data-testid="sync-version">{version.label}</span> {i === 0 && <em>{t('syncConflictShown')}</em>}{' '}
                      <button type="button" disabled={busy} onClick={() => onKeep(conflict.docId, version.rev)}>
                        {t('syncConflictKeep')}
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.refused.length > 0 && (
        <div data-testid="sync-refused">
          <h3>{t('syncRefusedHeading', status.refused.length)}</h3>
          <ul>
            {status.refused.map((item, i) => (
              <li key={`${item.id}-${i}`}>
                <code>{item.id}</code>: {item.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
