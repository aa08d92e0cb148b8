import { render, type VNode } from 'preact';
import { cornerAwayFrom, createShadowHost } from '../shadow-host';
import css from './annotate.css?inline';
import { AnnotationForm } from './AnnotationForm';
import { FeedbackForm } from './FeedbackForm';
import type { AnnotationDraft, FeedbackDraft, TargetLabel } from './types';

interface Card {
  close: () => void;
}

/** One card in its own closed shadow root, in the corner away from `avoid`; focus goes back where it was. */
function showCard(tag: string, avoid: DOMRect | null, content: (card: Card) => VNode): Card {
  const previousFocus = document.activeElement as HTMLElement | null;
  const host = createShadowHost(tag, css);
  host.place(cornerAwayFrom(avoid));
  const mount = document.createElement('div');
  host.root.append(mount);
  const card: Card = {
    close() {
      render(null, mount);
      host.remove();
      previousFocus?.focus?.({ preventScroll: true });
    },
  };
  render(content(card), mount);
  return card;
}

export interface AnnotationFormOptions {
  target: TargetLabel | null;
  /** The element's box: the card keeps clear of it. */
  avoid: DOMRect | null;
  initial?: AnnotationDraft | null;
  /** Stores the note; the form stays open (saying why) when this rejects. */
  save: (draft: AnnotationDraft) => Promise<void>;
}

/** Shows the note form; resolves true once saved, false when cancelled. */
export function openAnnotationForm(options: AnnotationFormOptions): Promise<boolean> {
  return new Promise((resolve) => {
    showCard('journey-lens-note-form', options.avoid, (card) => (
      <AnnotationForm
        initial={options.initial ?? null}
        target={options.target}
        onSave={async (draft) => {
          await options.save(draft);
          card.close();
          resolve(true);
        }}
        onCancel={() => {
          card.close();
          resolve(false);
        }}
      />
    ));
  });
}

export interface FeedbackFormOptions {
  target: TargetLabel | null;
  avoid: DOMRect | null;
  /** A draft to show again, after sending it failed for `error`. */
  initial?: FeedbackDraft | null;
  error?: string | null;
}

/** Shows the report form; resolves with the report to send (the form is gone by then), or null when cancelled. */
export function openFeedbackForm(options: FeedbackFormOptions): Promise<FeedbackDraft | null> {
  return new Promise((resolve) => {
    showCard('journey-lens-report-form', options.avoid, (card) => (
      <FeedbackForm
        initial={options.initial ?? null}
        error={options.error ?? null}
        target={options.target}
        onSend={(draft) => {
          card.close();
          resolve(draft);
        }}
        onCancel={() => {
          card.close();
          resolve(null);
        }}
      />
    ));
  });
}
