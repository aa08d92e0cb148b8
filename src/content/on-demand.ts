/**
 * The observer's parts loaded only when shown (PRODUCT.md §8): every dynamic import the observer makes is here.
 * The observer ships as one classic script (scripts/observer-script.ts), which cannot share modules with these:
 * that build puts this module's targets in the extension's own files and swaps this module for one that imports
 * them from there by URL. Keep each line `export const name = () => import('path');`: the build reads them.
 */
export const pageNotes = () => import('./page-notes');
export const surveyCard = () => import('../inpage/show-survey');
// Never asked for: the worker injects it just before an observer it injects into a page already open (content/observer.ts).
export const takeOver = () => import('./take-over');
