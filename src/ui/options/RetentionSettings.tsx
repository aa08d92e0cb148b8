import { useEffect, useState } from 'preact/hooks';
import { RETENTION_LIMITS, type Retention } from '../../core/records/retention';
import type { RetentionPreview } from '../../core/replies';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { formatDateTime } from '../../shared/format';
import { t, tCount } from '../../shared/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { FieldError, invalidProps } from './FieldError';
import type { FieldIssue } from './issues';

type Limit = keyof typeof RETENTION_LIMITS;
const FIELDS: { key: Limit; label: 'retentionDaysLabel' | 'retentionSessionsLabel'; hint: 'retentionDaysHint' | 'retentionSessionsHint' }[] = [
  { key: 'days', label: 'retentionDaysLabel', hint: 'retentionDaysHint' },
  { key: 'sessionsPerStudy', label: 'retentionSessionsLabel', hint: 'retentionSessionsHint' },
];
const fieldId = (key: Limit) => `retention-${key}`;

/** The typed fields as a setting, or what is wrong with them; an empty field is no limit. */
function readFields(values: Record<Limit, string>): { retention: Retention; issues: FieldIssue[] } {
  const retention: Retention = { days: null, sessionsPerStudy: null };
  const issues: FieldIssue[] = [];
  for (const { key, label } of FIELDS) {
    const text = values[key].trim();
    if (!text) continue;
    const { min, max } = RETENTION_LIMITS[key];
    const value = Number(text);
    if (Number.isInteger(value) && value >= min && value <= max) retention[key] = value;
    else issues.push({ fieldId: fieldId(key), where: t(label), message: t('retentionInvalid', min, max) });
  }
  return { retention, issues };
}

/** The retention setting: typed, previewed (what it removes now), then confirmed. */
export function RetentionSettings({ announce }: { announce: (message: string) => void }) {
  // null until the saved setting is read: typing before that would be overwritten.
  const [values, setValues] = useState<Record<Limit, string> | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [review, setReview] = useState<{ retention: Retention; preview: RetentionPreview } | null>(null);
  const load = useAction();
  const action = useAction();

  useEffect(() => {
    void load.run(async () => {
      const saved = await api({ type: 'ui.retention.get' });
      setValues({ days: saved.days?.toString() ?? '', sessionsPerStudy: saved.sessionsPerStudy?.toString() ?? '' });
    });
  }, []);

  const startReview = (event: Event) => {
    event.preventDefault();
    if (!values) return;
    const { retention, issues: found } = readFields(values);
    setIssues(found);
    if (found.length) return;
    void action.run(async () => setReview({ retention, preview: await api({ type: 'ui.retention.preview', retention }) }));
  };
  const confirm = (retention: Retention) =>
    action.run(async () => {
      const removed = await api({ type: 'ui.retention.apply', retention });
      setReview(null);
      announce(t('retentionSaved', removed.sessions));
    });

  const preview = review?.preview;
  const removes = preview ? preview.sessions + preview.feedback > 0 : false;
  return (
    <form class="panel stack" aria-labelledby="retention-heading" onSubmit={startReview} noValidate>
      <h2 id="retention-heading">{t('retentionHeading')}</h2>
      <p class="hint">{t('retentionIntro')}</p>
      <ErrorText message={load.error} />
      {values === null && !load.error && <p class="muted">{t('optionsLoading')}</p>}
      {values && FIELDS.map(({ key, label, hint }) => (
        <div class="field" key={key}>
          <label for={fieldId(key)}>{t(label)}</label>
          <input
            id={fieldId(key)}
            type="number"
            class="number"
            inputMode="numeric"
            min={RETENTION_LIMITS[key].min}
            max={RETENTION_LIMITS[key].max}
            step={1}
            value={values[key]}
            onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
            {...invalidProps(fieldId(key), issues, null, `${fieldId(key)}-hint`)}
          />
          <p id={`${fieldId(key)}-hint`} class="hint">
            {t(hint)}
          </p>
          <FieldError fieldId={fieldId(key)} issues={issues} />
        </div>
      ))}
      <div class="row">
        <button type="submit" class="primary" disabled={action.busy || values === null}>
          {t('retentionReview')}
        </button>
      </div>
      {!review && <ErrorText message={action.error} />}
      {review && preview && (
        <ConfirmDialog
          title={t('retentionConfirmTitle')}
          confirmLabel={t(removes ? 'retentionRemoveAndSave' : 'retentionSave')}
          busy={action.busy}
          error={action.error}
          onConfirm={() => void confirm(review.retention)}
          onCancel={() => setReview(null)}
        >
          <div data-testid="retention-preview">
            {removes ? (
              <>
                <p>{t('retentionWillRemove', preview.sessions, preview.visits, preview.signals, preview.responses, preview.feedback)}</p>
                {preview.from !== null && preview.to !== null && <p>{t('retentionRange', formatDateTime(preview.from), formatDateTime(preview.to))}</p>}
                {preview.notesKept > 0 && <p>{tCount('retentionNotesKept', preview.notesKept, preview.notesKept)}</p>}
              </>
            ) : (
              <p>{t('retentionNothing')}</p>
            )}
          </div>
        </ConfirmDialog>
      )}
    </form>
  );
}
