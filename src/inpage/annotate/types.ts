import type { Annotation } from '../../core/records/annotation';

export type { AnnotationDraft, FeedbackDraft, TargetLabel } from '../../core/messages';

/** A note found on the page, and the element it is pinned to. */
export interface PinItem {
  annotation: Annotation;
  element: Element;
}
