/** The study whose map was shown last, in this extension page's own storage (not the store, which exports read). */
export const LAST_MAP_STUDY = 'journeyLens.lastMapStudy';
