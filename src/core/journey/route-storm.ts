/**
 * Which SPA route changes become visits. A route change a person caused (a click, a key, Back) is a visit. One the
 * page made on its own — a redirect, a timer, a script looping over pushState — is a visit too, but a run of them
 * is one: each further one within `STORM_GAP_MS` of the last folds into the visit it started (PRODUCT.md §3: a
 * storm is one visit, marked), so a page cannot make visits, and friction on them, with nobody there.
 */

/** Input this recent explains a route change (a click's handler, a typed search, Back). */
export const PERSON_ROUTE_MS = 1000;
/** A page-made route change this soon after the last one continues the same run. */
export const STORM_GAP_MS = 5000;

/** A visit's arrival (the person's route change, or the page's own), or `fold`: the visit it has goes on. */
export type RouteVerdict = 'route_change' | 'page_route' | 'fold';

export interface RouteLimiter {
  /** `at`: when the route changed; `inputAt`: the person's latest trusted input. */
  decide(at: number, inputAt: number): RouteVerdict;
}

/**
 * `since`: when recording began. Input explains only the first route change after it: one input, one route
 * (a redirect right behind a click is the page's), and nothing from before recording counts.
 */
export function createRouteLimiter(since: number): RouteLimiter {
  let lastRouteAt = since;
  let lastPageRouteAt = Number.NEGATIVE_INFINITY;
  return {
    decide(at, inputAt) {
      const byPerson = inputAt > lastRouteAt && at - inputAt <= PERSON_ROUTE_MS;
      lastRouteAt = at;
      if (byPerson) return 'route_change';
      const continues = at - lastPageRouteAt < STORM_GAP_MS;
      lastPageRouteAt = at;
      return continues ? 'fold' : 'page_route';
    },
  };
}
