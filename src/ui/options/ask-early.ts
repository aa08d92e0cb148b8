import type { UiRequest } from '../../core/messages';
import type { Reply } from '../../core/replies';
import { EARLY, LAST_MAP_STUDY, type EarlyRequests } from './early-replies';

/*
 * The options page's first script, a classic one of its own (scripts/observer-script.ts builds it as
 * options-early.js, index.html runs it before the page's module): it asks for the overview, and for the map of
 * the study shown last when the page opens on the map, before the page's own code (Preact, the schemas, every
 * tab) has loaded, which took longer than the answers (PRODUCT.md §8: the map drawn within 200 ms).
 */

// The browser's own API, not the polyfill (most of what this script would wait for): Chromium's MV3 `chrome` and
// Firefox's `browser` both return promises.
const runtime = (__JL_FIREFOX__ ? (globalThis as unknown as { browser: typeof chrome }).browser : chrome).runtime;

function ask<T>(request: UiRequest): Promise<Reply<T>> {
  const reply = runtime.sendMessage(request) as Promise<Reply<T>>;
  // Unused (the study is gone, another is shown): its failure is nobody's.
  reply.catch(() => undefined);
  return reply;
}

const studyId = localStorage.getItem(LAST_MAP_STUDY);
const onMap = location.hash === '' || location.hash === '#map';
const early: EarlyRequests = {
  overview: ask({ type: 'ui.overview' }),
  map: studyId && onMap ? { studyId, reply: ask({ type: 'ui.map', studyId, filter: {} }) } : null,
};
(globalThis as { [EARLY]?: EarlyRequests })[EARLY] = early;
