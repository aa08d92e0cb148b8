import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

interface Props {
  /** The PNG as a data URL. */
  src: string;
  alt: string;
}

/** A report's screenshot: a thumbnail that opens the capture at its full size in a modal, Esc or Close to leave. */
export function ScreenshotViewer({ src, alt }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) ref.current?.showModal();
  }, [open]);
  const close = () => {
    setOpen(false);
    // The dialog leaves the DOM instead of closing, so focus goes back to the thumbnail by hand.
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <>
      <button ref={opener} type="button" class="shot-open" aria-label={t('feedbackScreenshotOpen')} onClick={() => setOpen(true)}>
        <img class="shot" src={src} alt={alt} />
      </button>
      {open && (
        <dialog
          ref={ref}
          class="shot-viewer"
          aria-label={t('feedbackScreenshotViewer')}
          data-testid="screenshot-viewer"
          onCancel={(event) => {
            event.preventDefault();
            close();
          }}
        >
          <div class="actions">
            <button type="button" autoFocus onClick={close}>
              {t('feedbackScreenshotClose')}
            </button>
          </div>
          <img class="shot-full" src={src} alt={alt} />
        </dialog>
      )}
    </>
  );
}
