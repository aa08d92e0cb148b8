import { describe, expect, it } from 'vitest';
import { createSlowPageDetector } from '../../../src/core/signals/slow-page';
import { T0, click, lcp, leave, load, run, settings } from './timeline';

const slow = (timeline: Parameters<typeof run>[1], config = settings()) => run(createSlowPageDetector, timeline, config);

describe('slow page', () => {
  it('is the latest LCP candidate past 4 s, decided at the first click', () => {
    const detector = createSlowPageDetector(settings());
    expect(detector.observe(lcp(1200, 1200))).toEqual([]);
    expect(detector.observe(lcp(4600, 4600))).toEqual([]);
    expect(detector.observe(click(6000))).toEqual([{ kind: 'slow_page', at: T0 + 4600, element: null, detail: { lcpMs: 4600 } }]);
  });

  it('is not an LCP of exactly 4 s, nor a candidate that comes after the first click', () => {
    expect(slow([lcp(4000, 4000), leave(9000)])).toEqual([]);
    expect(slow([lcp(1000, 1000), click(2000), lcp(5000, 5000), leave(9000)])).toEqual([]);
  });

  it('is decided at leave when nobody clicked', () => {
    expect(slow([lcp(4001, 4001), leave(9000)])).toEqual([{ kind: 'slow_page', at: T0 + 4001, element: null, detail: { lcpMs: 4001 } }]);
  });

  it('falls back to the load event only when there is no LCP', () => {
    expect(slow([load(5000, 5000), leave(9000)])).toEqual([{ kind: 'slow_page', at: T0 + 5000, element: null, detail: { loadMs: 5000 } }]);
    expect(slow([lcp(2000, 2000), load(5000, 5000), leave(9000)])).toEqual([]);
  });

  it('takes a load that comes after the first click when no LCP came before it', () => {
    const detector = createSlowPageDetector(settings());
    expect(detector.observe(click(1000))).toEqual([]);
    expect(detector.observe(load(6000, 6000))).toHaveLength(1);
  });

  it('reports once per page', () => {
    expect(slow([lcp(5000, 5000), click(6000), click(7000), load(8000, 8000), leave(9000)])).toHaveLength(1);
  });

  it('reads the threshold from the settings', () => {
    expect(slow([lcp(4500, 4500), leave(9000)], settings({ slowPageLcpMs: 5000 }))).toEqual([]);
    expect(slow([lcp(2600, 2600), leave(9000)], settings({ slowPageLcpMs: 2500 }))).toHaveLength(1);
  });
});
