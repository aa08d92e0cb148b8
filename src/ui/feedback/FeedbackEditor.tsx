import { useState } from 'preact/hooks';
import type { FeedbackEdit, FeedbackReport } from '../../core/records/feedback';
import { t } from '../../shared/i18n';
import { ErrorText } from '../components/ErrorText';
import { Choice } from './Choice';
import { SEVERITIES, STATUSES } from './feedback-order';
import { SEVERITY_LABEL, STATUS_LABEL } from './labels';

interface Props {
  report: FeedbackReport;
  busy: boolean;
  error: string | null;
  onSave: (edit: FeedbackEdit) => void;
  onCancel: () => void;
}

/** A report's words, severity and status, changed later (here, in an extension page, never in the studied one). */
export function FeedbackEditor({ report, busy, error, onSave, onCancel }: Props) {
  const [text, setText] = useState(report.text);
  const [severity, setSeverity] = useState(report.severity);
  const [status, setStatus] = useState(report.status);
  return (
    <form
      class="feedback-edit"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ text, severity, status });
      }}
    >
      <label>
        {t('feedbackEditText')}
        <textarea value={text} required maxLength={10_000} rows={3} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="row">
        <Choice label={t('feedbackSeverity')} value={severity} values={SEVERITIES} words={(s) => t(SEVERITY_LABEL[s])} all={false} onChange={(s) => setSeverity(s as FeedbackReport['severity'])} />
        <Choice label={t('feedbackStatus')} value={status} values={STATUSES} words={(s) => t(STATUS_LABEL[s])} all={false} onChange={(s) => setStatus(s as FeedbackReport['status'])} />
      </div>
      <ErrorText message={error} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy || !text.trim()}>
          {t('feedbackEditSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
    </form>
  );
}
