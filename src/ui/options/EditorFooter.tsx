import { ErrorText } from '../components/ErrorText';
import { t, type MessageKey } from '../../shared/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { IssueSummary } from './IssueSummary';
import type { FieldIssue } from './issues';

interface Props {
  summaryId: string;
  issues: readonly FieldIssue[];
  error: string | null;
  busy: boolean;
  saveLabel: MessageKey;
  /** Cancel was pressed with unsaved changes: the dialog asks before they are thrown away. */
  discarding: boolean;
  discardBody: MessageKey;
  onCancel: () => void;
  onDiscard: () => void;
  onKeepEditing: () => void;
}

/** An editor form's end: what stops the save, save and cancel, and the question before changes are discarded. */
export function EditorFooter(props: Props) {
  return (
    <>
      <div class="editor-footer">
        <IssueSummary id={props.summaryId} issues={props.issues} />
        <ErrorText message={props.error} />
        <div class="actions start">
          <button type="submit" class="primary" disabled={props.busy}>
            {t(props.saveLabel)}
          </button>
          <button type="button" disabled={props.busy} onClick={props.onCancel}>
            {t('optionsCancel')}
          </button>
        </div>
      </div>
      {props.discarding && (
        <ConfirmDialog
          title={t('optionsDiscardTitle')}
          confirmLabel={t('optionsDiscardConfirm')}
          cancelLabel={t('optionsKeepEditing')}
          onConfirm={props.onDiscard}
          onCancel={props.onKeepEditing}
        >
          <p>{t(props.discardBody)}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
