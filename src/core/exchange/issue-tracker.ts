import { toCsv, type CsvColumn } from './csv';
import { DEFAULT_ISSUE_LABELS, issueBody, issueTitle, type IssueInput, type IssueLabels, type Severity } from './issue-report';

/** `owner/name` as GitHub spells them; anything else is refused before it is put in a URL. */
export const GITHUB_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** GitHub answers 414 to longer new-issue links; the body is cut to fit and says so. */
export const MAX_ISSUE_URL = 8_000;

/**
 * GitHub's new-issue page with title and body filled in: opened in a tab the person sees and submits there, so
 * nothing is sent by us. A body too long for a link is cut at a line and ends with `truncated`.
 */
export function githubIssueUrl(repo: string, title: string, body: string, truncated = '…'): string {
  if (!GITHUB_REPO.test(repo)) throw new Error(`Not a GitHub repository: ${repo}`);
  const url = (text: string) => `https://github.com/${repo}/issues/new?${new URLSearchParams({ title, body: text })}`;
  let text = body;
  let keep = body.length;
  while (url(text).length > MAX_ISSUE_URL && keep > 0) {
    keep = Math.floor(keep * 0.9);
    const line = body.lastIndexOf('\n', keep);
    text = `${body.slice(0, line > 0 ? line : keep)}\n\n${truncated}\n`;
  }
  return url(text);
}

/** Jira's own priority names (its default scheme). */
const JIRA_PRIORITY: Record<Severity, string> = { critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low' };

function jiraColumns(labels: IssueLabels): ReadonlyArray<CsvColumn<IssueInput>> {
  return [
    { header: 'Summary', value: (input) => issueTitle(input.report) },
    { header: 'Issue Type', value: () => 'Bug' },
    { header: 'Priority', value: (input) => JIRA_PRIORITY[input.report.severity] },
    { header: 'Description', value: (input) => issueBody(input, labels) },
    { header: 'Labels', value: () => 'journey-lens' },
  ];
}

/**
 * The reports as a CSV for Jira's importer (System → External system import → CSV): one row per report, the headers
 * its column mapping suggests by name. No byte-order mark: Jira would read it as part of the first header.
 */
export function jiraCsv(inputs: readonly IssueInput[], labels: IssueLabels = DEFAULT_ISSUE_LABELS): string {
  return toCsv(inputs, jiraColumns(labels), { bom: false });
}
