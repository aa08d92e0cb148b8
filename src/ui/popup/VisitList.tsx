import type { Study } from '../../core/records/study';
import type { Visit } from '../../core/records/visit';
import { t } from '../../shared/i18n';

/** A session's visits, newest first, each with its touchpoint and stage. */
export function VisitList({ visits, study }: { visits: Visit[]; study: Study | null }) {
  const stageName = (id: string | null) => study?.stages.find((s) => s.id === id)?.name ?? t('popupUntagged');
  return (
    <ol class="plain visits" data-testid="session-visits" aria-label={t('popupVisitList')}>
      {visits
        .slice()
        .reverse()
        .map((visit) => (
          <li key={visit.id}>
            <code title={visit.url}>{visit.pageKey}</code>
            <span class="badge">{stageName(visit.stageId)}</span>
          </li>
        ))}
    </ol>
  );
}
