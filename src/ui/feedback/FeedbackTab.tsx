import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FeedbackReport } from '../../core/records/feedback';
import type { Study } from '../../core/records/study';
import { api } from '../api';
import { byName } from '../by-name';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { FeedbackItem } from './FeedbackItem';
import { SEVERITY_LABEL } from './severity-labels';

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** Testers' reports of a study, newest first, filtered by stage and severity, each with its screenshot. */
export function FeedbackTab({ studies }: { studies: Study[] }) {
  const sorted = useMemo(() => byName(studies), [studies]);
  const [studyId, setStudyId] = useState(sorted[0]?.id ?? '');
  const [stageId, setStageId] = useState('');
  const [severity, setSeverity] = useState('');
  const [reports, setReports] = useState<FeedbackReport[] | null>(null);
  const { error, run } = useAction();
  const study = studies.find((s) => s.id === studyId) ?? null;

  const load = () => run(async () => setReports(studyId ? await api({ type: 'ui.feedback.list', studyId }) : []));
  useEffect(() => void load(), [studyId]);
  const shown = useMemo(
    () => (reports ?? []).filter((r) => (!stageId || r.stageId === stageId) && (!severity || r.severity === severity)),
    [reports, stageId, severity],
  );

  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('feedbackHeading')}</h2>
      <div class="row filters">
        <label>
          {t('feedbackStudy')}
          <select value={studyId} onChange={(e) => setStudyId(e.currentTarget.value)}>
            {sorted.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('feedbackStage')}
          <select value={stageId} onChange={(e) => setStageId(e.currentTarget.value)}>
            <option value="">{t('feedbackAll')}</option>
            {study?.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('feedbackSeverity')}
          <select value={severity} onChange={(e) => setSeverity(e.currentTarget.value)}>
            <option value="">{t('feedbackAll')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(SEVERITY_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorText message={error} />
      {reports && shown.length === 0 && <p class="muted">{t('feedbackNone')}</p>}
      <ul class="plain feedback-list" data-testid="feedback-list">
        {shown.map((report) => (
          <FeedbackItem key={report.id} report={report} stageName={study?.stages.find((s) => s.id === report.stageId)?.name ?? null} onDeleted={load} />
        ))}
      </ul>
    </section>
  );
}
