import { describe, expect, it } from 'vitest';
import { createRouteLimiter } from '../../src/core/journey/route-storm';

describe('route changes the page makes on its own', () => {
  it('fold a storm into one visit: 114 pushState calls in 25 s with nobody there make one visit', () => {
    // Issue 15, 4: scripted route changes made 114 visits and 2,240 signals in 25 s.
    const routes = createRouteLimiter(0);
    const verdicts = Array.from({ length: 114 }, (_, i) => routes.decide(10_000 + i * 220, 0));
    expect(verdicts.filter((v) => v !== 'fold')).toEqual(['page_route']);
  });

  it('fold a storm that starts as the page loads, however recent the recording', () => {
    const routes = createRouteLimiter(1000);
    const verdicts = Array.from({ length: 50 }, (_, i) => routes.decide(1200 + i * 100, 1000));
    expect(verdicts.filter((v) => v !== 'fold')).toEqual(['page_route']);
  });

  it('are visits of their own when they come apart, as a redirect or a timer would', () => {
    const routes = createRouteLimiter(0);
    expect([routes.decide(10_000, 0), routes.decide(20_000, 0)]).toEqual(['page_route', 'page_route']);
  });

  it('never fold a route change the person caused within the second before', () => {
    const routes = createRouteLimiter(0);
    expect(routes.decide(10_000, 0)).toBe('page_route');
    expect(routes.decide(10_500, 10_300)).toBe('route_change');
    expect(routes.decide(10_900, 10_800)).toBe('route_change');
    // A redirect right behind the person's route: one input explains one route, so the redirect is the page's.
    expect(routes.decide(11_200, 10_800)).toBe('fold');
  });
});
