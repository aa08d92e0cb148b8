import type { Study } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { byName } from '../by-name';

interface Props {
  studies: Study[];
  /** The study a session is recording for right now, if any. */
  recordingId: string | null;
  onEdit: (study: Study) => void;
  onExport: (study: Study) => void;
  onDelete: (study: Study) => void;
}

export function StudyList({ studies, recordingId, onEdit, onExport, onDelete }: Props) {
  const sorted = byName(studies);
  return (
    <ul class="plain cards">
      {sorted.map((study) => (
        <li key={study.id} class="card" data-testid="study-item">
          <div class="card-body">
            <h3>
              {study.name} {study.id === recordingId && <span class="badge live">{t('optionsRecording')}</span>}
            </h3>
            <p class="scope-list">
              {study.scope.map((pattern) => (
                <code key={pattern}>{pattern}</code>
              ))}
            </p>
            <p class="muted">{study.stages.map((stage) => stage.name).join(' → ')}</p>
            <p class="muted">{t('optionsStudyCounts', study.stages.length, study.rules.length)}</p>
          </div>
          <div class="actions">
            <button type="button" aria-label={t('optionsEditNamed', study.name)} onClick={() => onEdit(study)}>
              {t('optionsEdit')}
            </button>
            <button type="button" aria-label={t('optionsExportNamed', study.name)} onClick={() => onExport(study)}>
              {t('optionsExport')}
            </button>
            <button type="button" class="danger" aria-label={t('optionsDeleteNamed', study.name)} onClick={() => onDelete(study)}>
              {t('optionsDelete')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
