import { useEffect, useState } from 'preact/hooks';
import type { FeedbackReport } from '../../core/records/feedback';
import { api } from '../api';
import { useAction } from '../components/use-async';
import { formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import { ScreenshotViewer } from './ScreenshotViewer';
import { SEVERITY_LABEL } from './severity-labels';

interface Props {
  report: FeedbackReport;
  stageName: string | null;
  onDeleted: () => void;
}

/** One report: what the tester said, where, the screenshot with the element outlined, errors and environment. */
export function FeedbackItem({ report, stageName, onDeleted }: Props) {
  const [screenshot, setScreenshot] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useAction();
  useEffect(() => {
    if (report.screenshotId) void api({ type: 'ui.feedback.screenshot', id: report.id }).then(setScreenshot);
  }, [report.id]);
  const { environment: env } = report;
  return (
    <li class="card feedback" data-testid="feedback-item">
      <div class="card-body">
        <h3>
          <span class={`badge severity-${report.severity}`}>{t(SEVERITY_LABEL[report.severity])}</span> {report.text}
        </h3>
        <p class="muted">
          {formatDateTime(report.createdAt)} · {stageName ?? t('popupUntagged')} · <code>{report.pageKey}</code>
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
        {confirming ? (
          <div class="row">
            <button type="button" class="danger" disabled={busy} onClick={() => void run(async () => (await api({ type: 'ui.feedback.delete', id: report.id }), onDeleted()))}>
              {t('feedbackDeleteConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('optionsCancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t('optionsDelete')}
          </button>
        )}
      </div>
      {screenshot && <ScreenshotViewer src={screenshot} alt={t('feedbackScreenshotAlt', report.text.slice(0, 80))} />}
    </li>
  );
}
