import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ErrorText } from '../components/ErrorText';
import { t } from '../../shared/i18n';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before something that cannot be undone; Cancel has the focus, Esc cancels. */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, busy = false, error = null, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    return () => {
      // The dialog leaves the DOM instead of closing, so focus is handed back by hand.
      requestAnimationFrame(() => {
        if (opener?.isConnected && document.activeElement === document.body) opener.focus();
      });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div id="confirm-body">{children}</div>
      <ErrorText message={error} />
      <div class="actions">
        <button type="button" autoFocus disabled={busy} onClick={onCancel}>
          {cancelLabel ?? t('optionsCancel')}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
