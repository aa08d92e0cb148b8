import type { ElementDescription, SignalKind } from '../records/signal';
import type { StudySettings } from '../records/settings';

/**
 * What the page adapters see, as plain data. Detectors are pure functions of a stream of these, so every
 * timeline can be written by hand in a unit test. Times are epoch milliseconds.
 */

/** The facts about a clicked element that decide whether a click can be dead, rage or slow. */
export interface ClickTarget {
  /** Identity of the element within the page (its selector); two clicks with the same key hit the same element. */
  key: string;
  /** Inside an `a[href]`: the browser navigates, so the click is never dead. */
  link: boolean;
  /** input, select, textarea, contenteditable: clicks there place a caret, they expect no response. */
  editable: boolean;
  /** canvas, video, audio, embedded media: respond in ways the DOM does not show. */
  media: boolean;
  /** + − next prev < > and pagination: repeated clicks there are intended. */
  stepper: boolean;
  /** Under an opt-out marker (data-jl-ignore, ph-no-capture, rr-block, data-clarity-mask, sentry-block) or our own UI. */
  ignored: boolean;
  /** A modifier key was held (open in new tab, multi-select): the response is elsewhere. */
  modifier: boolean;
  /**
   * Looks actionable: a button, a control's label, a widget role, an `onclick`, or a pointer cursor — on the
   * element or an ancestor up to the first block of text. A click on plain text (reading) expects no answer.
   */
  actionable: boolean;
  /**
   * The key of the form a button in it would send (not a stepper, nor a reset): apps send forms from a click handler
   * and a fetch, with no submit event, so the click is the person sending.
   */
  sends: string | null;
  description: ElementDescription;
}

export type Observation =
  /**
   * A trusted click. `dragPx`: how far the pointer moved between mousedown and mouseup; `selectedText`: the press
   * selected text (a drag or double click to copy). Either makes it the end of a drag, which is no click.
   */
  | { type: 'click'; at: number; x: number; y: number; target: ClickTarget; dragPx: number; selectedText: boolean }
  /** One tick per animation frame with DOM mutations, never one per mutation. */
  | { type: 'mutation'; at: number }
  /** `byPerson`: wheel, touch or keys moved the page just before; page scripts scroll too. */
  | { type: 'scroll'; at: number; y: number; byPerson: boolean }
  /** A non-empty text selection appeared or changed. */
  | { type: 'selection'; at: number }
  /** Focus moved (to an element other than the one clicked: `targetKey`), or the page's visibility changed. */
  | { type: 'focus'; at: number; targetKey: string | null }
  /**
   * The page answered in a way the DOM does not show (a native dialog or chooser, a clipboard write, a new window,
   * media playing, a submit, a changed control), or started a navigation of its own. Which one decides nothing.
   */
  | { type: 'answer'; at: number }
  /**
   * The person navigated (back, forward, the address bar): not an answer to any click. A pending click that waited
   * long enough was given up on.
   */
  | { type: 'navigation'; at: number }
  /** A network request started (fetch, XHR, resource). */
  | { type: 'request'; at: number }
  | { type: 'error'; at: number; message: string; source: string | null }
  /** Largest contentful paint candidate, ms since navigation start. */
  | { type: 'lcp'; at: number; ms: number }
  /** The load event, ms since navigation start. */
  | { type: 'load'; at: number; ms: number }
  /** A form field received input (the fact only, never the value); `form` is the form's key. */
  | { type: 'input'; at: number; form: string; description: ElementDescription }
  | { type: 'submit'; at: number; form: string }
  /** A visit of this page begins: until then (and after `leave`) nothing but the document's load is judged. */
  | { type: 'enter'; at: number }
  /** The page is being left (or the route changes): pending episodes are decided now. */
  | { type: 'leave'; at: number }
  /** Time passes with nothing else happening: lets timeouts fire. */
  | { type: 'tick'; at: number };

/** A signal before it gets its journey context (session, visit, stage …) from the recorder. */
export interface SignalDraft {
  kind: SignalKind;
  at: number;
  element: ElementDescription | null;
  detail: Record<string, number | string | boolean>;
}

/** A page-level detector: feed it observations in time order, collect what it found. */
export interface Detector {
  observe(observation: Observation): SignalDraft[];
}

export type DetectorFactory = (settings: StudySettings) => Detector;
