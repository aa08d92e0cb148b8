import { failureText } from '../../shared/i18n';
import { composeInPanel } from '../compose-request';
import type { AnnotationDraft, FeedbackDraft, TargetLabel } from './types';

export interface AnnotationFormOptions {
  target: TargetLabel | null;
  /** The element's box: the form keeps clear of it. */
  avoid: DOMRect | null;
  initial?: AnnotationDraft | null;
  /** Stores the note; the form stays open (saying why) when this rejects. */
  save: (draft: AnnotationDraft) => Promise<void>;
}

/** Shows the note form (in the Journey Lens panel); resolves true once saved, false when cancelled. */
export function openAnnotationForm(options: AnnotationFormOptions): Promise<boolean> {
  return new Promise((resolve) => {
    composeInPanel({ kind: 'note', target: options.target, initial: options.initial ?? null }, options.avoid, async (result, close) => {
      if (result?.kind !== 'note') {
        close();
        resolve(false);
        return null;
      }
      try {
        await options.save(result.draft);
      } catch (failure) {
        return failureText(failure);
      }
      close();
      resolve(true);
      return null;
    });
  });
}

export interface FeedbackFormOptions {
  target: TargetLabel | null;
  avoid: DOMRect | null;
  /** A draft to show again, after sending it failed for `error`. */
  initial?: FeedbackDraft | null;
  error?: string | null;
}

/** Shows the report form (in the Journey Lens panel); resolves with the report to send (the form is gone by then), or null when cancelled. */
export function openFeedbackForm(options: FeedbackFormOptions): Promise<FeedbackDraft | null> {
  return new Promise((resolve) => {
    const context = { kind: 'report', target: options.target, initial: options.initial ?? null, error: options.error ?? null } as const;
    composeInPanel(context, options.avoid, async (result, close) => {
      close();
      resolve(result?.kind === 'report' ? result.draft : null);
      return null;
    });
  });
}
