import type { Annotation, AnnotationType } from '../../core/records/annotation';
import type { FeedbackReport } from '../../core/records/feedback';

/** How the picker and the forms name the chosen element: its tag and a short name (never a field's value). */
export interface TargetLabel {
  tag: string;
  name: string | null;
}

/** What the note form collects; the content side adds the anchor and the journey context. */
export interface AnnotationDraft {
  type: AnnotationType;
  text: string;
  /** −2…+2, or null for no feeling given. */
  emotion: number | null;
  /** Shown on every page of the touchpoint, not only this one: the person's explicit choice. */
  everyPage: boolean;
}

export type Severity = FeedbackReport['severity'];

export interface FeedbackDraft {
  text: string;
  severity: Severity;
  /** Paint every form field over in the screenshot (sensitive fields and [data-jl-mask] always are). */
  maskFields: boolean;
}

/** A note found on the page, and the element it is pinned to. */
export interface PinItem {
  annotation: Annotation;
  element: Element;
}
