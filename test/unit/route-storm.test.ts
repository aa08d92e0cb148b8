import { describe, expect, it } from 'vitest';
import { createRouteLimiter } from '../../src/core/journey/route-storm';

describe('route changes the page makes on its own', () => {
  it('fold a storm into one visit: 114 pushState calls in 25 s with nobody there make one visit', () => {
    // Issue 15, 4: scripted route changes made 114 visits and 2,240 signals in 25 s.
    const routes = createRouteLimiter();
    const verdicts = Array.from({ length: 114 }, (_, i) => routes.decide(10_000 + i * 220, 0));
    expect(verdicts.filter((v) => v !== 'fold')).toEqual(['page_route']);
  });

  it('are visits of their own when they come apart, as a redirect or a timer would', () => {
    const routes = createRouteLimiter();
    expect([routes.decide(10_000, 0), routes.decide(20_000, 0)]).toEqual(['page_route', 'page_route']);
  });

  it('never fold a route change the person caused within the second before', () => {
    const routes = createRouteLimiter();
    expect(routes.decide(10_000, 0)).toBe('page_route');
    expect(routes.decide(10_500, 9_800)).toBe('route_change');
    expect(routes.decide(10_700, 9_800)).toBe('route_change');
    // The page's own run goes on across the person's route: it folds into the visit they made.
    expect(routes.decide(12_000, 9_800)).toBe('fold');
  });
});
