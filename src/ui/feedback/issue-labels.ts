import type { IssueLabels } from '../../core/exchange/issue-report';
import { t } from '../../shared/i18n';
import { SEVERITY_LABEL } from './labels';

/** The issue's words in the user's language: an issue is read by whoever fixes it, in the team's language. */
export function issueLabels(): IssueLabels {
  return {
    severity: t('feedbackSeverity'),
    severities: { low: t(SEVERITY_LABEL.low), medium: t(SEVERITY_LABEL.medium), high: t(SEVERITY_LABEL.high), critical: t(SEVERITY_LABEL.critical) },
    stage: t('feedbackStage'),
    page: t('issuePage'),
    steps: t('issueSteps'),
    stepsNote: t('issueStepsNote'),
    openPage: t('issueOpenPage', '{url}'),
    click: t('issueClick', '{element}', '{what}'),
    clickKinds: { rage_click: t('issueRageClick'), dead_click: t('issueDeadClick'), slow_click: t('issueSlowClick'), error_click: t('issueErrorClick') },
    reported: t('issueReported', '{text}'),
    noSession: t('issueNoSession'),
    expected: t('issueExpected'),
    expectedUnknown: t('issueExpectedUnknown'),
    actual: t('issueActual'),
    environment: t('issueEnvironment'),
    browser: t('issueBrowser'),
    os: t('issueOs'),
    viewport: t('issueViewport'),
    pixelRatio: t('issuePixelRatio'),
    consoleErrors: t('issueConsoleErrors'),
    none: t('issueNone'),
    screenshot: t('issueScreenshot'),
    noScreenshot: t('issueNoScreenshot'),
  };
}
