import type { DetectorFactory, SignalDraft } from './observation';
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
 * together. Create one per page; `leave` decides what is pending and resets them, so an SPA route may reuse it.
 */
export const createPageDetectors: DetectorFactory = (settings) => {
  const detectors = PAGE_DETECTORS.map((create) => create(settings));
  return {
    observe(observation) {
      const found: SignalDraft[] = [];
      for (const detector of detectors) {
        for (const draft of detector.observe(observation)) found.push(draft);
      }
      return found;
    },
  };
};
