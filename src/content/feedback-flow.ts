import { storableUrl } from '../core/journey/route';
import type { FeedbackSubmission } from '../core/messages';
import type { FeedbackDraft, TargetLabel } from '../inpage/annotate/types';
import type { NotePlace } from './note-place';
import { buildAnchor } from './anchoring/build-anchor';
import type { PageErrorLog } from './feedback';
import { environmentOf, maskRects, viewportRect } from './feedback-facts';
import { ask } from './messaging';
import { shadowRootOf } from '../platform/page-runtime';

/** Two frames: the first paints the page without our UI, the second makes sure that paint reached the screen. */
const twoFrames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

/**
 * A tester's report on an element, the part loaded on demand: the form, then the report with its anchor, URL,
 * console errors and environment, sent with the element's box and the masks while our UI is hidden (the
 * background captures the visible tab). A failure brings the form back with what was written and why.
 */
export async function reportOn(
  element: Element,
  target: TargetLabel,
  place: () => NotePlace | null,
  errors: PageErrorLog,
  hidePins: (hidden: boolean) => void,
): Promise<void> {
  const anchor = buildAnchor(element, document);
  const [{ openFeedbackForm }, { clearToasts, feedbackSaved }] = await Promise.all([import('../inpage/annotate/forms'), import('../inpage/annotate/toast')]);
  let draft: FeedbackDraft | null = null;
  let error: string | null = null;
  for (;;) {
    draft = await openFeedbackForm({ target, avoid: element.getBoundingClientRect(), initial: draft, error });
    const here = place();
    if (!draft || !here) return;
    hidePins(true);
    clearToasts();
    try {
      await twoFrames();
      const submission: FeedbackSubmission = {
        report: {
          id: crypto.randomUUID(),
          studyId: here.studyId,
          sessionId: here.sessionId,
          visitId: here.visitId,
          pageKey: here.pageKey,
          stageId: here.stageId,
          text: draft.text,
          severity: draft.severity,
          anchor,
          // As visits store it: no query or plain fragment, where typed search terms and tokens live.
          url: storableUrl(location.href),
          consoleErrors: errors.list(),
          environment: environmentOf(window),
          createdAt: Date.now(),
        },
        elementRect: viewportRect(element),
        maskRects: maskRects(document, draft.maskFields, shadowRootOf),
      };
      const reply = await ask({ type: 'content.feedback', submission });
      feedbackSaved(reply.screenshot);
      return;
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    } finally {
      hidePins(false);
    }
  }
}
