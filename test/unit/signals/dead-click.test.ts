import { describe, expect, it } from 'vitest';
import { createDeadClickDetector } from '../../../src/core/signals/dead-click';
import { T0, answer, click, describeElement, focus, kinds, leave, mutation, navigation, request, run, scroll, selection, settings, target, tick } from './timeline';

const clicks = (timeline: Parameters<typeof run>[1], config = settings()) => run(createDeadClickDetector, timeline, config);
const dead = { kind: 'dead_click', at: T0, element: describeElement('button#buy'), detail: { clicks: 1 } };

describe('dead click', () => {
  it('is a click with no response within 7 s', () => {
    expect(clicks([click(0), tick(6999)])).toEqual([]);
    expect(clicks([click(0), tick(7000)])).toEqual([dead]);
  });

  it('is decided by any later observation once the timeout has passed', () => {
    expect(clicks([click(0), mutation(7500)])).toEqual([dead]);
  });

  it('is answered by a mutation, a request, or what the DOM does not show (a navigation the page starts, a native dialog, a clipboard write, a new window, media, a submit, a changed control)', () => {
    // Issue 15, 2(b): "Add to cart" answered by alert() alone was a dead click.
    for (const response of [mutation(50), request(10), answer(30), answer(400)]) expect(clicks([click(0), response, tick(8000)]), response.type).toEqual([]);
  });

  it('never comes from a click on something that does not look actionable (reading a paragraph)', () => {
    // Issue 15, 2(a): one click on a product description, then reading for 8 s.
    const paragraph = target('main > p:nth-of-type(2)', { actionable: false });
    expect(clicks([click(0, 300, 400, paragraph), tick(8000), tick(9000)])).toEqual([]);
  });

  it('is answered by a scroll of the person within 300 ms, not later', () => {
    expect(clicks([click(0), scroll(250, 400), tick(8000)])).toEqual([]);
    expect(clicks([click(0), scroll(350, 400), tick(8000)])).toEqual([dead]);
  });

  it('is answered by the page scrolling itself, however late a busy page starts (Back to top)', () => {
    expect(clicks([click(0), scroll(650, 0, false), tick(8000)])).toEqual([]);
  });

  it('is answered by a selection within 100 ms, not later', () => {
    expect(clicks([click(0), selection(90), tick(8000)])).toEqual([]);
    expect(clicks([click(0), selection(150), tick(8000)])).toEqual([dead]);
  });

  it('is answered by focus moving elsewhere within ±1 s, or the page hiding', () => {
    expect(clicks([click(0), focus(900, 'input#email'), tick(8000)])).toEqual([]);
    expect(clicks([focus(-500, 'input#email'), click(0), tick(8000)])).toEqual([]);
    expect(clicks([click(0), focus(300, null), tick(8000)])).toEqual([]);
    expect(clicks([click(0), focus(1100, 'input#email'), tick(8000)])).toEqual([dead]);
    expect(clicks([focus(-1500, 'input#email'), click(0), tick(8000)])).toEqual([dead]);
  });

  it('is not answered by the clicked element taking focus', () => {
    expect(clicks([focus(-5, 'button#buy'), click(0), focus(5, 'button#buy'), tick(8000)])).toEqual([dead]);
  });

  it('folds clicks on the same element within 1 s into one dead click, timed from the first', () => {
    expect(clicks([click(0), click(800), click(1600), tick(6999), tick(7000)])).toEqual([{ ...dead, detail: { clicks: 3 } }]);
  });

  it('keeps clicks apart when they are on other elements after the give-up time, or more than 1 s apart', () => {
    expect(clicks([click(0, 0, 0, 'button#a'), click(2600, 0, 0, 'button#b'), tick(12_000)])).toHaveLength(2);
    expect(clicks([click(0), click(1200), tick(9000)])).toHaveLength(2);
  });

  it('never comes from a link, text-editing, media, opted-out or modified click', () => {
    for (const facts of [{ link: true }, { editable: true }, { media: true }, { ignored: true }, { modifier: true }]) {
      expect(clicks([click(0, 0, 0, target('x', facts)), tick(9000)]), JSON.stringify(facts)).toEqual([]);
    }
  });

  it('can come from a stepper: a "+" that does nothing is dead, only repeats there are not rage', () => {
    expect(clicks([click(0, 0, 0, target('button.plus', { stepper: true })), tick(9000)])).toHaveLength(1);
  });

  it('is dropped at leave while younger than the give-up time, dead at leave when the person waited longer', () => {
    expect(clicks([click(0), leave(2000), tick(9000)])).toEqual([]);
    expect(clicks([click(0), leave(3000), tick(9000)])).toEqual([dead]);
    expect(clicks([click(0), leave(7000)])).toEqual([dead]);
  });

  it('is given up on when the person navigates (Back) after waiting 2.5 s, undecided before', () => {
    expect(clicks([click(0), navigation(3000), mutation(3100), tick(9000)])).toEqual([dead]);
    expect(clicks([click(0), navigation(1000), mutation(1100), tick(9000)])).toEqual([]);
  });

  it('is not answered by what follows a later click elsewhere: dead if it waited 2.5 s, dropped if less', () => {
    // Issue 15, 3: a dead "Apply coupon", 5 s later a nav link whose navigation was taken as the coupon's answer.
    const nav = target('nav a.help', { link: true });
    expect(clicks([click(0), click(5000, 40, 20, nav), answer(5050), tick(13000)])).toEqual([dead]);
    expect(clicks([click(0), click(2000, 40, 20, nav), answer(2050), tick(13000)])).toEqual([]);
    // The later click's own answer still goes to it: a button answered after 3 s is slow, not the earlier one's.
    const other = target('button#apply');
    expect(kinds(clicks([click(0), click(3000, 40, 20, other), mutation(6100), tick(13000)]))).toEqual(['dead_click', 'slow_click']);
  });

  it('stays bounded in a click storm', () => {
    const storm = Array.from({ length: 30 }, (_, i) => click(i * 10, 0, 0, `button#b${i}`));
    expect(clicks([...storm, tick(9000)]).length).toBeLessThanOrEqual(8);
  });
});

describe('slow click', () => {
  it('is a click first answered after 2.5 s, with its delay', () => {
    expect(clicks([click(0), mutation(2400), tick(8000)])).toEqual([]);
    expect(clicks([click(0), mutation(2600), tick(8000)])).toEqual([{ ...dead, kind: 'slow_click', detail: { delayMs: 2600, clicks: 1 } }]);
  });

  it('is slow up to the timeout and dead after it', () => {
    expect(kinds(clicks([click(0), mutation(6900), tick(8000)]))).toEqual(['slow_click']);
    expect(kinds(clicks([click(0), mutation(7000)]))).toEqual(['slow_click']);
    expect(kinds(clicks([click(0), tick(7000), mutation(7001)]))).toEqual(['dead_click']);
  });

  it('counts only the first answer', () => {
    expect(clicks([click(0), request(100), mutation(3000), tick(8000)])).toEqual([]);
  });

  it('is answered by a navigation the page starts too (a slow page load after a click)', () => {
    expect(kinds(clicks([click(0), answer(4000), leave(4001)]))).toEqual(['slow_click']);
  });
});

describe('dead and slow click settings', () => {
  it('move every boundary', () => {
    expect(kinds(clicks([click(0), tick(5000)], settings({ deadClick: { timeoutMs: 5000 } })))).toEqual(['dead_click']);
    expect(kinds(clicks([click(0), mutation(1500), tick(9000)], settings({ slowClickMs: 1000 })))).toEqual(['slow_click']);
    expect(clicks([click(0), scroll(350, 400), tick(9000)], settings({ deadClick: { scrollWindowMs: 400 } }))).toEqual([]);
    expect(clicks([click(0), selection(150), tick(9000)], settings({ deadClick: { selectionWindowMs: 200 } }))).toEqual([]);
    expect(clicks([click(0), focus(1100, 'input#q'), tick(9000)], settings({ deadClick: { focusWindowMs: 1200 } }))).toEqual([]);
    expect(clicks([click(0), leave(3000)], settings({ deadClick: { giveUpMs: 4000 } }))).toEqual([]);
    expect(clicks([click(0), click(1200), tick(9000)], settings({ rageClick: { intervalMs: 1500 } }))).toHaveLength(1);
  });
});

