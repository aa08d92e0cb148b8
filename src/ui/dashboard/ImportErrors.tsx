import type { Issue } from '../../core/issue';
import { t } from '../../shared/i18n';
import { describePath } from './import-words';

const ERRORS_SHOWN = 100;

/** Why a file was refused, each problem at its place in the file, in plain words; nothing was written. */
export function ImportErrors({ errors }: { errors: Issue[] }) {
  return (
    <div class="import-errors">
      <p class="error">{t('dashboardImportRefused', errors.length)}</p>
      <ul data-testid="import-errors">
        {errors.slice(0, ERRORS_SHOWN).map((issue, i) => (
          <li key={i}>
            <strong>{describePath(issue.path)}</strong>: {issue.message}
          </li>
        ))}
      </ul>
      {errors.length > ERRORS_SHOWN && <p class="hint">{t('dashboardImportMoreErrors', errors.length - ERRORS_SHOWN)}</p>}
    </div>
  );
}
