import { useEffect, useState } from 'preact/hooks';
import type { SyncLine } from '../../core/sync/settings';
import { formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import { api, openOptions } from '../api';
import { SYNC_ERROR_KEYS, SYNC_STATE_KEYS } from '../sync-words';

/** The team sync of the page's study, in a line (conflicts and refusals are settled in the options page). */
export function TeamSyncLine({ studyId, version }: { studyId: string; version: number }) {
  const [line, setLine] = useState<SyncLine | null>(null);
  useEffect(() => {
    let latest = true;
    api({ type: 'ui.sync.lines' }).then((lines) => latest && setLine(lines.find((l) => l.studyId === studyId) ?? null), () => undefined);
    return () => {
      latest = false;
    };
  }, [studyId, version]);
  if (!line) return null;
  return (
    <section class="panel" aria-labelledby="panel-sync-heading" data-testid="panel-sync">
      <h2 id="panel-sync-heading">{t('syncStatusHeading')}</h2>
      <p>
        {t(SYNC_STATE_KEYS[line.state])}
        {line.error && ` — ${t(SYNC_ERROR_KEYS[line.error])}`}
      </p>
      <p class="muted">
        {line.lastSyncAt ? t('syncLast', formatDateTime(line.lastSyncAt)) : t('syncNever')}
        {line.pending > 0 && ` · ${t('syncPending', line.pending)}`}
      </p>
      {line.conflicts + line.refused > 0 && (
        <button type="button" onClick={() => void openOptions()}>
          {t('panelSyncAttention', line.conflicts, line.refused)}
        </button>
      )}
    </section>
  );
}
