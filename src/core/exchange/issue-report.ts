import type { FeedbackReport } from '../records/feedback';
import type { Signal, SignalKind } from '../records/signal';
import type { Stage } from '../records/study';
import type { Visit } from '../records/visit';
import { escapeMarkdown, fillLabel } from './markdown-report';

/**
 * A feedback report as an issue for the people who fix things (PRODUCT.md §5): GitHub/GitLab-flavoured Markdown
 * with a title, steps to reproduce, expected and actual, environment, console errors and the screenshot's file.
 *
 * The steps are what the session recorded before the report: every page visited, and the clicks that raised a
 * friction signal (rage, dead, slow and error clicks) named by the element's description. Other clicks are not
 * stored (PRODUCT.md: only signals are), so the steps say so rather than pretend to be complete.
 * Everything a person typed or a page said is escaped to stay inline text (`escapeMarkdown`).
 */

export type Severity = FeedbackReport['severity'];

export interface IssueLabels {
  severity: string;
  severities: Record<Severity, string>;
  stage: string;
  page: string;
  steps: string;
  /** Said under the steps: which clicks they hold. */
  stepsNote: string;
  /** `{url}` */
  openPage: string;
  /** `{element}`, `{what}` */
  click: string;
  clickKinds: Partial<Record<SignalKind, string>>;
  /** The last step: `{text}` */
  reported: string;
  noSession: string;
  expected: string;
  /** When the stage says nothing about the experience it should give. */
  expectedUnknown: string;
  actual: string;
  environment: string;
  browser: string;
  os: string;
  viewport: string;
  pixelRatio: string;
  consoleErrors: string;
  none: string;
  screenshot: string;
  noScreenshot: string;
}

export const DEFAULT_ISSUE_LABELS: IssueLabels = {
  severity: 'Severity',
  severities: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  stage: 'Stage',
  page: 'Page',
  steps: 'Steps to reproduce',
  stepsNote: 'Pages visited and the clicks that raised a friction signal, up to the report; other clicks are not recorded.',
  openPage: 'Open {url}',
  click: 'Click {element} ({what})',
  clickKinds: { rage_click: 'rage click', dead_click: 'nothing happened', slow_click: 'slow response', error_click: 'an error followed' },
  reported: 'Report: {text}',
  noSession: 'Not filed during a recorded session: only the page is known.',
  expected: 'Expected',
  expectedUnknown: 'Not stated.',
  actual: 'Actual',
  environment: 'Environment',
  browser: 'Browser',
  os: 'OS',
  viewport: 'Viewport',
  pixelRatio: 'Device pixel ratio',
  consoleErrors: 'Console errors',
  none: 'None.',
  screenshot: 'Screenshot',
  noScreenshot: 'No screenshot.',
};

export interface IssueInput {
  report: FeedbackReport;
  /** The session's visits and signals; only those before the report are used. */
  visits: readonly Visit[];
  signals: readonly Signal[];
  stage: Stage | null;
  /** Where the screenshot is, relative to the Markdown (a bundle's `../screenshots/….png`), or its bare name. */
  screenshotPath: string | null;
}

/** At most this many steps, the latest kept: a long walk's first pages say little about this report. */
export const MAX_STEPS = 20;
const TITLE_LENGTH = 80;

/** The first line of the report, shortened to fit an issue title. */
export function issueTitle(report: FeedbackReport): string {
  const line = report.text.trim().split(/[\r\n]+/)[0]!.replace(/\s+/g, ' ');
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line;
}

export type IssueStep = { kind: 'visit'; at: number; url: string } | { kind: 'click'; at: number; element: string; signal: SignalKind };

/** The session's pages and signalled clicks up to the report, in time order, the latest `MAX_STEPS`. */
export function issueSteps(input: Pick<IssueInput, 'report' | 'visits' | 'signals'>): IssueStep[] {
  const { report } = input;
  if (!report.sessionId) return [];
  const mine = <T extends { sessionId: string | null }>(records: readonly T[]) => records.filter((r) => r.sessionId === report.sessionId);
  const steps: IssueStep[] = [
    ...mine(input.visits).filter((v) => v.enteredAt <= report.createdAt).map((v) => ({ kind: 'visit' as const, at: v.enteredAt, url: v.url })),
    ...mine(input.signals)
      .filter((s) => s.at <= report.createdAt && s.element && s.kind.endsWith('_click'))
      .map((s) => ({ kind: 'click' as const, at: s.at, element: describe(s.element!), signal: s.kind })),
  ];
  return steps.sort((a, b) => a.at - b.at || (a.kind === 'visit' ? -1 : 1)).slice(-MAX_STEPS);
}

function describe(element: NonNullable<Signal['element']>): string {
  return element.name ? `“${element.name}” (${element.selector})` : element.selector;
}

const code = (text: string) => {
  // A code span's fence is longer than any run of backticks inside it.
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  return `${fence} ${text.replace(/[\r\n]+/g, ' ')} ${fence}`;
};
/** A link target as Markdown takes it: in angle brackets, with what would end them escaped. */
const target = (path: string) => `<${path.replace(/[<>\s]/g, encodeURIComponent)}>`;

/** The issue's body (the title goes to the tracker's own field). */
export function issueBody(input: IssueInput, labels: IssueLabels = DEFAULT_ISSUE_LABELS): string {
  const { report, stage } = input;
  const env = report.environment;
  const out: string[] = [];
  out.push(`**${labels.severity}:** ${labels.severities[report.severity]}${stage ? ` · **${labels.stage}:** ${escapeMarkdown(stage.name)}` : ''}  `);
  out.push(`**${labels.page}:** ${code(report.url)}`, '');
  out.push(`### ${labels.steps}`, '');
  const steps = issueSteps(input);
  if (!report.sessionId) out.push(`_${labels.noSession}_`, '');
  const lines = steps.map((step) =>
    step.kind === 'visit'
      ? fillLabel(labels.openPage, { url: code(step.url) })
      : fillLabel(labels.click, { element: escapeMarkdown(step.element), what: labels.clickKinds[step.signal] ?? step.signal }),
  );
  if (!steps.length) lines.push(fillLabel(labels.openPage, { url: code(report.url) }));
  lines.push(fillLabel(labels.reported, { text: escapeMarkdown(report.text) }));
  lines.forEach((line, i) => out.push(`${i + 1}. ${line}`));
  if (report.sessionId) out.push('', `_${labels.stepsNote}_`);
  out.push('', `### ${labels.expected}`, '', stage?.desiredExperience.trim() ? escapeMarkdown(stage.desiredExperience) : `_${labels.expectedUnknown}_`);
  out.push('', `### ${labels.actual}`, '', escapeMarkdown(report.text) || `_${labels.none}_`);
  out.push('', `### ${labels.environment}`, '');
  out.push(`- ${labels.browser}: ${escapeMarkdown(env.browser)}`, `- ${labels.os}: ${escapeMarkdown(env.os)}`);
  out.push(`- ${labels.viewport}: ${env.viewport.width}×${env.viewport.height}`, `- ${labels.pixelRatio}: ${env.devicePixelRatio}`);
  out.push('', `### ${labels.consoleErrors}`, '');
  if (report.consoleErrors.length) {
    const text = report.consoleErrors.map((e) => (e.source ? `${e.message} (${e.source})` : e.message)).join('\n');
    const fence = '`'.repeat(Math.max(3, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length + 1)));
    out.push(fence, text, fence);
  } else out.push(`_${labels.none}_`);
  out.push('', `### ${labels.screenshot}`, '');
  out.push(input.screenshotPath ? `![${labels.screenshot}](${target(input.screenshotPath)})` : `_${labels.noScreenshot}_`);
  return `${out.join('\n')}\n`;
}

/** A file of its own: the title as its heading, then the body. */
export function issueMarkdown(input: IssueInput, labels: IssueLabels = DEFAULT_ISSUE_LABELS): string {
  return `# ${escapeMarkdown(issueTitle(input.report))}\n\n${issueBody(input, labels)}`;
}
