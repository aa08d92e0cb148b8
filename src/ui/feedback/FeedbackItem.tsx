import { useEffect, useState } from 'preact/hooks';
import type { FeedbackReport } from '../../core/records/feedback';
import { api } from '../api';
import { useAction } from '../components/use-async';
import { ErrorText } from '../components/ErrorText';
import { formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import { FeedbackEditor } from './FeedbackEditor';
import { SEVERITY_LABEL, STATUS_LABEL } from './labels';
import { ScreenshotViewer } from './ScreenshotViewer';

interface Props {
  report: FeedbackReport;
  stageName: string | null;
  /** A report edited or deleted: the list is read again. */
  onChanged: () => void;
  onCopyIssue: () => Promise<void>;
  /** Opens the new-issue page of the configured repository; absent when none is set. */
  onOpenGithub?: () => Promise<void>;
}

/** One report: what the tester said, where, its status, the screenshot with the element outlined, errors and environment. */
export function FeedbackItem({ report, stageName, onChanged, onCopyIssue, onOpenGithub }: Props) {
  const [screenshot, setScreenshot] = useState<string | null>(null);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmDelete'>('view');
  const { busy, error, run } = useAction();
  useEffect(() => {
    if (report.screenshotId) void api({ type: 'ui.feedback.screenshot', id: report.id }).then(setScreenshot);
  }, [report.id]);
  const { environment: env } = report;
  return (
    <li class="card feedback" data-testid="feedback-item">
      <div class="card-body">
        <h3>
          <span class={`badge severity-${report.severity}`}>{t(SEVERITY_LABEL[report.severity])}</span>{' '}
          <span class={`badge status-${report.status}`} data-testid="feedback-status">
            {t(STATUS_LABEL[report.status])}
          </span>{' '}
          {report.text}
        </h3>
        <p class="muted">
          {formatDateTime(report.createdAt)} · {stageName ?? t('popupUntagged')} · <code data-testid="feedback-url">{report.url}</code>
        </p>
        <p class="muted">
          <code>{report.anchor?.selector ?? ''}</code>
        </p>
        {report.consoleErrors.length > 0 && (
          <details>
            <summary>{t('feedbackErrors', report.consoleErrors.length)}</summary>
            <ul>
              {report.consoleErrors.map((e) => (
                <li key={e.at}>
                  <code>{e.message}</code>
                </li>
              ))}
            </ul>
          </details>
        )}
        <p class="muted">{t('feedbackEnvironment', env.browser, env.os, `${env.viewport.width}×${env.viewport.height}`, env.devicePixelRatio)}</p>
        {mode === 'edit' ? (
          <FeedbackEditor
            report={report}
            busy={busy}
            error={error}
            onCancel={() => setMode('view')}
            onSave={(edit) =>
              void run(async () => {
                await api({ type: 'ui.feedback.update', id: report.id, edit });
                setMode('view');
                onChanged();
              })
            }
          />
        ) : mode === 'confirmDelete' ? (
          <div class="row">
            <button type="button" class="danger" disabled={busy} onClick={() => void run(async () => (await api({ type: 'ui.feedback.delete', id: report.id }), onChanged()))}>
              {t('feedbackDeleteConfirm')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('optionsCancel')}
            </button>
          </div>
        ) : (
          <>
            <div class="row">
              <button type="button" disabled={busy} onClick={() => void run(onCopyIssue)}>
                {t('feedbackCopyIssue')}
              </button>
              {onOpenGithub && (
                <button type="button" disabled={busy} onClick={() => void run(onOpenGithub)}>
                  {t('feedbackOpenGithub')}
                </button>
              )}
              <button type="button" onClick={() => setMode('edit')}>
                {t('feedbackEdit')}
              </button>
              <button type="button" class="danger" onClick={() => setMode('confirmDelete')}>
                {t('optionsDelete')}
              </button>
            </div>
            <ErrorText message={error} />
          </>
        )}
      </div>
      {screenshot && <ScreenshotViewer src={screenshot} alt={t('feedbackScreenshotAlt', report.text.slice(0, 80))} />}
    </li>
  );
}
