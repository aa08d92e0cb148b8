import { describe, expect, it } from 'vitest';
import { createExcessiveScrollDetector } from '../../../src/core/signals/excessive-scroll';
import type { Observation } from '../../../src/core/signals/observation';
import { T0, click, leave, run, scroll, settings, tick } from './timeline';

const excessive = (timeline: Observation[], config = settings()) => run(createExcessiveScrollDetector, timeline, config);
/** Scroll positions `every` ms apart, starting at `from`. */
const scrolls = (ys: number[], from = 0, every = 500) => ys.map((y, i) => scroll(from + i * every, y));

describe('excessive scroll', () => {
  // down, up (reversal at 1000), down (1500), up (2000)
  const hunting = scrolls([0, 400, 100, 500, 200]);

  it('is 3 direction reversals within 5 s, reported once the episode is over', () => {
    expect(excessive([...hunting, tick(7000)])).toEqual([]);
    expect(excessive([...hunting, tick(7001)])).toEqual([{ kind: 'excessive_scroll', at: T0 + 1000, element: null, detail: { reversals: 3 } }]);
  });

  it('is not 2 reversals', () => {
    expect(excessive([...scrolls([0, 400, 100, 500]), tick(20_000)])).toEqual([]);
  });

  it('is not 3 reversals spread over more than 5 s', () => {
    expect(excessive([...scrolls([0, 400, 100, 500, 200], 0, 3000), tick(30_000)])).toEqual([]);
  });

  it('ignores jitter: moves back of less than 50 px', () => {
    expect(excessive([...scrolls([0, 400, 370, 400, 360, 390, 355, 800]), tick(20_000)])).toEqual([]);
    expect(excessive([...scrolls([0, 400, 350, 400, 350]), tick(20_000)])).toHaveLength(1);
  });

  it('is not reversals with a click in between', () => {
    expect(excessive([...scrolls([0, 400, 100]), click(1200), ...scrolls([500, 200], 1500), tick(20_000)])).toEqual([]);
  });

  it('reports one signal per episode, with all its reversals', () => {
    const drafts = excessive([...scrolls([0, 400, 100, 500, 200, 600, 300, 700]), tick(20_000)]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.detail).toEqual({ reversals: 6 });
  });

  it('ends an episode at a click or at leave', () => {
    expect(excessive([...hunting, click(2100)])).toHaveLength(1);
    expect(excessive([...hunting, leave(2100)])).toHaveLength(1);
  });

  it('stays quiet for steady reading', () => {
    expect(excessive([...scrolls([0, 300, 600, 590, 900, 1200, 1500, 1480, 1800]), tick(20_000)])).toEqual([]);
  });

  it('reads reversals and window from the settings', () => {
    expect(excessive([...hunting, tick(20_000)], settings({ excessiveScroll: { reversals: 4 } }))).toEqual([]);
    const slowHunting = scrolls([0, 400, 100, 500, 200], 0, 3000);
    expect(excessive([...slowHunting, tick(30_000)], settings({ excessiveScroll: { windowMs: 6000 } }))).toHaveLength(1);
  });
});
