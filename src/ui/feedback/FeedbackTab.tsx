import { strToU8, zipSync } from 'fflate';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { issueBody, issueMarkdown, issueTitle } from '../../core/exchange/issue-report';
import { githubIssueUrl, jiraCsv } from '../../core/exchange/issue-tracker';
import { issueInputs, reportBundle } from '../../core/exchange/report-bundle';
import { exportFileName } from '../../core/exchange/file-names';
import type { FeedbackReport } from '../../core/records/feedback';
import type { Study } from '../../core/records/study';
import { api } from '../api';
import { byName } from '../by-name';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { useStudyFile } from '../dashboard/use-study-file';
import { download } from '../download';
import { t } from '../../shared/i18n';
import { Choice } from './Choice';
import { FeedbackItem } from './FeedbackItem';
import { SEVERITIES, SORTS, sortReports, STATUSES, type FeedbackSort } from './feedback-order';
import { issueLabels } from './issue-labels';
import { SEVERITY_LABEL, SORT_LABEL, STATUS_LABEL } from './labels';
import { TrackerField } from './TrackerField';

/** Testers' reports of a study, filtered and sorted, each with its screenshot, and the ways out to an issue tracker. */
export function FeedbackTab({ studies }: { studies: Study[] }) {
  const sorted = useMemo(() => byName(studies), [studies]);
  const [studyId, setStudyId] = useState(sorted[0]?.id ?? '');
  const [stageId, setStageId] = useState('');
  const [severity, setSeverity] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<FeedbackSort>('newest');
  const [reports, setReports] = useState<FeedbackReport[] | null>(null);
  const [repo, setRepo] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const { busy, error, run } = useAction();
  const loadFile = useStudyFile(studyId || null, reports);
  const study = studies.find((s) => s.id === studyId) ?? null;

  const load = () => run(async () => setReports(studyId ? await api({ type: 'ui.feedback.list', studyId }) : []));
  useEffect(() => void load(), [studyId]);
  const shown = useMemo(
    () => sortReports((reports ?? []).filter((r) => (!stageId || r.stageId === stageId) && (!severity || r.severity === severity) && (!status || r.status === status)), sort),
    [reports, stageId, severity, status, sort],
  );
  /** The report's issue, from the study file: its session's walk and whether its screenshot is there. */
  const issueOf = async (report: FeedbackReport) => {
    const input = issueInputs(await loadFile()).find((i) => i.report.id === report.id);
    if (!input) throw new Error(t('errorFeedbackGone'));
    return input;
  };
  const bundle = () =>
    void run(async () => {
      const file = await loadFile();
      const files = Object.entries(reportBundle(file, issueLabels())).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data] as const);
      const name = exportFileName(file.study.name, file.exportedAt).replace(/\.json$/, '-reports.zip');
      // PNGs are compressed already: stored as they are, the rest deflated.
      download(name, new Blob([zipSync(Object.fromEntries(files.map(([n, d]) => [n, [d, { level: n.endsWith('.png') ? 0 : 6 }]])))], { type: 'application/zip' }));
      setSaid(t('dashboardDownloaded', name));
    });
  const jira = () =>
    void run(async () => {
      const file = await loadFile();
      const name = exportFileName(file.study.name, file.exportedAt).replace(/\.json$/, '-jira.csv');
      download(name, jiraCsv(issueInputs(file), issueLabels()), 'text/csv;charset=utf-8');
      setSaid(t('dashboardDownloaded', name));
    });

  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('feedbackHeading')}</h2>
      <div class="row filters">
        <Choice label={t('feedbackStudy')} value={studyId} values={sorted.map((s) => s.id)} words={(id) => sorted.find((s) => s.id === id)!.name} all={false} onChange={setStudyId} />
        <Choice label={t('feedbackStage')} value={stageId} values={study?.stages.map((s) => s.id) ?? []} words={(id) => study!.stages.find((s) => s.id === id)!.name} onChange={setStageId} />
        <Choice label={t('feedbackSeverity')} value={severity} values={SEVERITIES} words={(s) => t(SEVERITY_LABEL[s])} onChange={setSeverity} />
        <Choice label={t('feedbackStatus')} value={status} values={STATUSES} words={(s) => t(STATUS_LABEL[s])} onChange={setStatus} />
        <Choice label={t('feedbackSort')} value={sort} values={SORTS} words={(s) => t(SORT_LABEL[s])} all={false} onChange={(s) => setSort(s as FeedbackSort)} />
      </div>
      <div class="row">
        <button type="button" disabled={busy || !reports?.length} onClick={bundle}>
          {t('feedbackBundle')}
        </button>
        <button type="button" disabled={busy || !reports?.length} onClick={jira}>
          {t('feedbackJira')}
        </button>
      </div>
      <TrackerField onChange={setRepo} />
      <p role="status" class="muted" data-testid="feedback-said">
        {said}
      </p>
      <ErrorText message={error} />
      {reports && shown.length === 0 && <p class="muted">{t('feedbackNone')}</p>}
      <ul class="plain feedback-list" data-testid="feedback-list">
        {shown.map((report) => (
          <FeedbackItem
            key={report.id}
            report={report}
            stageName={study?.stages.find((s) => s.id === report.stageId)?.name ?? null}
            onChanged={load}
            onCopyIssue={async () => {
              await navigator.clipboard.writeText(issueMarkdown(await issueOf(report), issueLabels()));
              setSaid(t('feedbackCopied', issueTitle(report)));
            }}
            onOpenGithub={
              repo
                ? async () => {
                    const input = await issueOf(report);
                    window.open(githubIssueUrl(repo, issueTitle(report), issueBody(input, issueLabels()), t('issueTruncated')), '_blank', 'noopener');
                  }
                : undefined
            }
          />
        ))}
      </ul>
    </section>
  );
}
