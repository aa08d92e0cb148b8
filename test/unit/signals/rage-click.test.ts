import { describe, expect, it } from 'vitest';
import { createRageClickDetector } from '../../../src/core/signals/rage-click';
import { T0, click, describeElement, leave, run, scroll, selection, settings, target, tick } from './timeline';

const rage = (timeline: Parameters<typeof run>[1], config = settings()) => run(createRageClickDetector, timeline, config);

describe('rage click', () => {
  it('reports one signal per burst, once the burst is over, at its first click with its count', () => {
    const drafts = rage([click(0), click(400, 105, 98), click(800, 110, 100), tick(1800), tick(1801)]);
    expect(drafts).toEqual([{ kind: 'rage_click', at: T0, element: describeElement('button#buy'), detail: { count: 3 } }]);
  });

  it('waits while another click could still join the burst', () => {
    const detector = createRageClickDetector(settings());
    for (const o of [click(0), click(400), click(800), tick(1800)]) expect(detector.observe(o)).toEqual([]);
    expect(detector.observe(tick(1801))).toHaveLength(1);
  });

  it('counts a long burst once', () => {
    const drafts = rage([0, 300, 600, 900, 1200, 1500].map((at) => click(at)).concat(leave(1600)));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.detail).toEqual({ count: 6 });
  });

  it('describes the burst by its last target', () => {
    const drafts = rage([click(0, 100, 100, 'button#a'), click(300, 100, 100, 'button#a'), click(600, 110, 110, 'span.icon'), tick(2000)]);
    expect(drafts[0]!.element).toEqual(describeElement('span.icon'));
  });

  it('ends a burst at a click that breaks the chain, or at leave', () => {
    expect(rage([click(0), click(300), click(600), click(700, 400, 400)])).toHaveLength(1);
    expect(rage([click(0), click(300), click(600), leave(700)])).toHaveLength(1);
  });

  it('needs three clicks', () => {
    expect(rage([click(0), click(400), tick(5000)])).toEqual([]);
  });

  it('needs each click within 1 s of the previous one', () => {
    expect(rage([click(0), click(1100), click(2200), tick(5000)])).toEqual([]);
    expect(rage([click(0), click(1000), click(2000), tick(5000)])).toHaveLength(1);
  });

  it('needs each click within 30 px (Manhattan) of the previous one', () => {
    expect(rage([click(0, 100, 100), click(300, 120, 120), click(600, 140, 140), tick(5000)])).toEqual([]);
    expect(rage([click(0, 100, 100), click(300, 115, 115), click(600, 130, 130), tick(5000)])).toHaveLength(1);
  });

  it('ignores text-editing, stepper and opted-out targets', () => {
    for (const facts of [{ editable: true }, { stepper: true }, { ignored: true }]) {
      const t = target('button.next', facts);
      expect(rage([click(0, 100, 100, t), click(300, 100, 100, t), click(600, 100, 100, t), tick(5000)]), JSON.stringify(facts)).toEqual([]);
    }
  });

  it('lets an ineligible click break the chain', () => {
    const field = target('input#qty', { editable: true });
    expect(rage([click(0), click(300), click(500, 100, 100, field), click(600), tick(5000)])).toEqual([]);
  });

  it('still counts rage on a link or with a modifier held (the link may be the broken thing)', () => {
    const link = target('a.more', { link: true, modifier: true });
    expect(rage([click(0, 100, 100, link), click(300, 100, 100, link), click(600, 100, 100, link), tick(5000)])).toHaveLength(1);
  });

  it('is not a burst that selects text or scrolls', () => {
    expect(rage([click(0), click(200), selection(210), click(400), tick(5000)])).toEqual([]);
    expect(rage([click(0), click(200), scroll(500, 800), click(600), tick(5000)])).toEqual([]);
  });

  it('is not spoiled by a selection or scroll after the burst', () => {
    expect(rage([click(0), click(300), click(600), selection(1700), scroll(1800, 500), tick(5000)])).toHaveLength(1);
  });

  it('reads every threshold from the settings', () => {
    const spaced = [click(0, 100, 100), click(1100, 120, 120), click(2200, 140, 140), tick(9000)];
    expect(rage(spaced)).toEqual([]);
    expect(rage(spaced, settings({ rageClick: { intervalMs: 1500, radiusPx: 40 } }))).toHaveLength(1);
    expect(rage([click(0), click(300), click(600), tick(5000)], settings({ rageClick: { clicks: 4 } }))).toEqual([]);
  });
});
