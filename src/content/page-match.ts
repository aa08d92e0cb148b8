import { matchPageRules, type StageMatch } from '../core/journey/page-rules';
import type { StudyForPage } from '../core/replies';

/** Tags the live document: the pure matcher, with the DOM as its selector probe. */
export function matchPage(study: StudyForPage): StageMatch {
  return matchPageRules(study.rules, {
    url: location.href,
    title: document.title,
    hasSelector(selector) {
      try {
        return document.querySelector(selector) !== null;
      } catch {
        throw new Error(`Not a valid CSS selector: ${selector}`);
      }
    },
  });
}
