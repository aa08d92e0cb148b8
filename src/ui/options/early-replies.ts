import type { Reply, UiReplies } from '../../core/replies';

/*
 * What the options page's first script (ask-early.ts) asked for before the page's own code loaded, for that code
 * to take: each answer once, as it was asked; anything asked later goes to the worker again. Imports nothing at
 * run time: that script is built with it.
 */

/** The study whose map was shown last, in this extension page's own storage (not the store, which exports read). */
export const LAST_MAP_STUDY = 'journeyLens.lastMapStudy';

export interface EarlyRequests {
  overview: Promise<Reply<UiReplies['ui.overview']>>;
  /** The unfiltered map of the study shown last, when the page opened on the map. */
  map: { studyId: string; reply: Promise<Reply<UiReplies['ui.map']>> } | null;
}

export const EARLY = Symbol.for('journey-lens.options.early');

const page = globalThis as { [EARLY]?: Partial<EarlyRequests> };

/** The early answer to `what`, once; undefined when there is none (any page but the options page, or taken). */
export function takeEarly<K extends keyof EarlyRequests>(what: K): EarlyRequests[K] | undefined {
  const early = page[EARLY]?.[what];
  if (page[EARLY]) delete page[EARLY][what];
  return early;
}
