import type { ImportPreview } from '../../core/replies';
import { RECORD_KINDS } from '../../core/exchange/merge';
import { t, tCount } from '../../shared/i18n';
import { describePath, RECORD_KIND_LABEL } from './import-words';

type Plan = Extract<ImportPreview, { ok: true }>['plan'];

/** Conflicts listed one by one; past this many, a count says the rest. */
const CONFLICTS_SHOWN = 50;

/** What importing the file would do: the study created or merged, records by kind, and conflicts settled. */
export function ImportPreviewView({ plan }: { plan: Plan }) {
  const { study } = plan;
  const kinds = RECORD_KINDS.filter((k) => plan.add[k] || plan.alreadyPresent[k] || plan.replace[k]);
  const added = study.added;
  return (
    <div data-testid="import-preview">
      <p>
        {study.action === 'create'
          ? t('dashboardImportCreates', study.study.name, study.study.stages.length)
          : study.changed
            ? t('dashboardImportMerges', study.study.name, added.stages, added.rules, added.surveys)
            : t('dashboardImportMergesUnchanged', study.study.name)}
      </p>
      {kinds.length === 0 ? (
        <p class="muted">{t('dashboardImportNoRecords')}</p>
      ) : (
        <table class="import-table">
          <caption class="visually-hidden">{t('dashboardImportTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboardImportKind')}</th>
              <th scope="col" class="num">
                {t('dashboardImportAdded')}
              </th>
              <th scope="col" class="num">
                {t('dashboardImportPresent')}
              </th>
              <th scope="col" class="num">
                {t('dashboardImportReplaced')}
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{t(RECORD_KIND_LABEL[kind])}</th>
                <td class="num">{plan.add[kind]}</td>
                <td class="num">{plan.alreadyPresent[kind]}</td>
                <td class="num">{plan.replace[kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.conflicts.length > 0 && (
        <details class="conflicts">
          <summary>{tCount('dashboardImportConflicts', plan.conflicts.length, plan.conflicts.length)}</summary>
          <ul>
            {plan.conflicts.slice(0, CONFLICTS_SHOWN).map((c) => (
              <li key={c.path}>
                {describePath(c.path)}: {c.resolution === 'take_incoming' ? t('dashboardImportTakeIncoming') : t('dashboardImportKeepExisting')}
              </li>
            ))}
          </ul>
          {plan.conflicts.length > CONFLICTS_SHOWN && <p class="hint">{t('dashboardImportMoreConflicts', plan.conflicts.length - CONFLICTS_SHOWN)}</p>}
        </details>
      )}
    </div>
  );
}
