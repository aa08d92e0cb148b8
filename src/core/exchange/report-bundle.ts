import type { FeedbackReport } from '../records/feedback';
import { base64ToBytes } from './base64';
import { studyCsv } from './csv';
import { DEFAULT_ISSUE_LABELS, issueMarkdown, type IssueInput, type IssueLabels } from './issue-report';
import { jiraCsv } from './issue-tracker';
import { exportFileName, screenshotFileName } from './file-names';
import type { StudyExport } from './study-export';

export const reportFileName = (report: FeedbackReport): string => `reports/${report.id}.md`;

/** What an issue is made of for each of a file's reports: its session's walk and its stage. */
export function issueInputs(file: StudyExport, screenshotPath: (id: string) => string = screenshotFileName): IssueInput[] {
  const shots = new Set(file.screenshots.map((s) => s.id));
  return file.feedback.map((report) => ({
    report,
    visits: file.visits,
    signals: file.signals,
    stage: file.study.stages.find((s) => s.id === report.stageId) ?? null,
    screenshotPath: report.screenshotId && shots.has(report.screenshotId) ? screenshotPath(report.screenshotId) : null,
  }));
}

/**
 * A study's reports for the people who fix things, as the files of one zip (paths under one folder): a Markdown
 * issue per report whose image link resolves inside the bundle, each screenshot's PNG byte for byte, the reports
 * as CSV (rows name their image) and as a Jira import, and the whole study file, which imports back.
 */
export function reportBundle(file: StudyExport, labels: IssueLabels = DEFAULT_ISSUE_LABELS): Record<string, Uint8Array | string> {
  const base = exportFileName(file.study.name, file.exportedAt).replace(/\.json$/, '-reports');
  const files: Record<string, Uint8Array | string> = {};
  const inputs = issueInputs(file, (id) => `../${screenshotFileName(id)}`);
  for (const input of inputs) files[`${base}/${reportFileName(input.report)}`] = issueMarkdown(input, labels);
  for (const shot of file.screenshots) files[`${base}/${screenshotFileName(shot.id)}`] = base64ToBytes(shot.base64);
  files[`${base}/feedback.csv`] = studyCsv('feedback', file);
  files[`${base}/jira.csv`] = jiraCsv(issueInputs(file), labels);
  files[`${base}/${exportFileName(file.study.name, file.exportedAt)}`] = JSON.stringify(file, null, 2);
  return files;
}
