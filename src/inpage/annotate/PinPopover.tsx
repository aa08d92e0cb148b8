import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../../core/records/annotation';
import { EmotionFace } from '../../shared/EmotionFace';
import { formatDateTime } from '../../shared/format';
import { failureText, t } from '../../shared/i18n';
import { feelingOf, roleLabel, typeLabel } from '../../shared/note-labels';
import { PIN_SIZE, popoverPosition, type Point } from './pin-layout';

export interface PinActions {
  /** Opens the note form on the note; resolves when it is saved or cancelled. */
  edit(annotation: Annotation): Promise<void>;
  /** Resolves an open note, reopens a resolved one. */
  toggle(annotation: Annotation): Promise<void>;
  remove(annotation: Annotation): Promise<void>;
}

interface Props {
  annotation: Annotation;
  number: number;
  /** The pin, relative to the layer; `origin` is the layer's top-left in the viewport. */
  at: Point;
  origin: Point;
  /** The layer's host: a press outside it closes the popover. */
  host: Element;
  actions: PinActions;
  onClose: (refocusPin: boolean) => void;
}

/**
 * A note, opened from its pin: kind, feeling, author role and date, with Read / edit, Resolve / Reopen and Delete
 * (which asks first). Esc or a press elsewhere closes it. Its text is read in the compose frame (Read / edit),
 * never shown in the page, where the page could find it (PRODUCT.md §5).
 */
export function PinPopover({ annotation, number, at, origin, host, actions, onClose }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement | null>(null);
  const keep = useRef<HTMLButtonElement | null>(null);
  const feeling = feelingOf(annotation.emotion);
  const resolved = annotation.status === 'resolved';
  const title = t('annotatePinLabel', number, typeLabel(annotation.type));

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const pin = { x: origin.x + at.x, y: origin.y + at.y, width: PIN_SIZE, height: PIN_SIZE };
    const place = popoverPosition(pin, { width: element.offsetWidth, height: element.offsetHeight }, { width: innerWidth, height: innerHeight });
    element.style.left = `${place.x - origin.x}px`;
    element.style.top = `${place.y - origin.y}px`;
  });

  useEffect(() => {
    box.current?.focus({ preventScroll: true });
    const outside = (event: Event) => !event.composedPath().includes(host) && onClose(false);
    document.addEventListener('pointerdown', outside, { capture: true });
    return () => document.removeEventListener('pointerdown', outside, { capture: true });
  }, []);

  useEffect(() => void (confirming && keep.current?.focus()), [confirming]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(t('annotateActionFailed', failureText(failure)));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose(true);
  };

  return (
    <div
      class="card popover"
      role="dialog"
      aria-modal="false"
      aria-labelledby="jl-pop-title"
      tabIndex={-1}
      ref={(el) => void (box.current = el)}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <h2 id="jl-pop-title">
          {title} {resolved && <span class="badge">{t('annotateResolved')}</span>}
        </h2>
        <button type="button" class="close" aria-label={t('annotateClose')} onClick={() => onClose(true)}>
          ×
        </button>
      </div>
      {feeling && (
        <p class="meta feeling">
          <EmotionFace value={feeling.value} size={18} />
          {t('annotateFeeling', feeling.label)}
        </p>
      )}
      <p class="meta">{t('annotateByline', roleLabel(annotation.role), formatDateTime(annotation.createdAt))}</p>
      {confirming && (
        <p class="confirm" role="alert">
          {t('annotateDeleteConfirm')}
        </p>
      )}
      <p class="error" role="alert">
        {error ?? ''}
      </p>
      <div class="actions">
        {confirming ? (
          <>
            <button type="button" class="secondary" onClick={() => setConfirming(false)} ref={keep}>
              {t('annotateKeep')}
            </button>
            <button type="button" class="danger" aria-disabled={busy} onClick={() => !busy && void run(() => actions.remove(annotation))}>
              {t('annotateDelete')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                onClose(false);
                void actions.edit(annotation);
              }}
            >
              {t('annotateReadEdit')}
            </button>
            <button type="button" class="secondary" aria-disabled={busy} onClick={() => !busy && void run(() => actions.toggle(annotation))}>
              {resolved ? t('annotateReopen') : t('annotateResolve')}
            </button>
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {t('annotateDelete')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
