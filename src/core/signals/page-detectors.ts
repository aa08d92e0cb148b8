import type { DetectorFactory, SignalDraft } from './observation';
import { endsDrag } from './click-response';
import { createDeadClickDetector } from './dead-click';
import { createErrorDetector } from './errors';
import { createExcessiveScrollDetector } from './excessive-scroll';
import { createFormAbandonmentDetector } from './form-abandonment';
import { createRageClickDetector } from './rage-click';
import { createSlowPageDetector } from './slow-page';

const PAGE_DETECTORS: readonly DetectorFactory[] = [
  createRageClickDetector,
  createDeadClickDetector,
  createErrorDetector,
  createSlowPageDetector,
  createExcessiveScrollDetector,
  createFormAbandonmentDetector,
];

/**
 * Every page-level detector behind one `observe`: each observation goes to all of them, their drafts come back
 * together. Create one per page; `enter` opens a visit, `leave` decides what is pending and resets them, so an SPA
 * route may reuse it.
 */
export const createPageDetectors: DetectorFactory = (settings) => {
  const detectors = PAGE_DETECTORS.map((create) => create(settings));
  let visiting = false;
  return {
    observe(observation) {
      const found: SignalDraft[] = [];
      if (observation.type === 'enter') visiting = true;
      // Outside a visit (a route out of scope, before the first) nothing is judged, or a burst there would end up
      // under the next visit; the document's load is kept for the verdict its first visit gives.
      if (!visiting && observation.type !== 'lcp' && observation.type !== 'load') return found;
      if (observation.type === 'leave') visiting = false;
      // Selecting text to copy it ends in a click event; it is no click to any detector.
      if (observation.type === 'click' && endsDrag(observation)) return found;
      for (const detector of detectors) {
        for (const draft of detector.observe(observation)) found.push(draft);
      }
      return found;
    },
  };
};
