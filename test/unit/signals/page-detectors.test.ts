import { describe, expect, it } from 'vitest';
import { createPageDetectors } from '../../../src/core/signals/page-detectors';
import { answer, click, enter, error, focus, input, kinds, lcp, leave, load, mutation, request, run, scroll, selection, submit, target, tick } from './timeline';

describe('page detectors', () => {
  it('find nothing in a normal visit', () => {
    const normal = [
      lcp(900, 900),
      load(1400, 1400),
      enter(1500),
      ...[2000, 2600, 3200, 3800, 4400].map((at, i) => scroll(at, i * 350)),
      click(5000, 200, 300, 'button.add-to-cart'),
      request(5020),
      mutation(5200),
      focus(5995, 'input#email'),
      click(6000, 640, 80, target('input#email', { editable: true })),
      input(6500, 'form#checkout', 'input#email'),
      input(7000, 'form#checkout', 'input#name'),
      focus(7990, 'input#terms'),
      click(8000, 420, 600, 'label.terms'),
      click(9000, 400, 700, 'p.intro'),
      click(9150, 400, 700, 'p.intro'),
      selection(9160),
      click(9300, 400, 700, 'p.intro'),
      click(10_000, 500, 760, 'button#pay'),
      submit(10_010, 'form#checkout'),
      answer(10_050),
      tick(20_000),
      leave(20_100),
    ];
    expect(run(createPageDetectors, normal)).toEqual([]);
  });

  it('hand each observation to every detector and return all they found', () => {
    const broken = [lcp(5200, 5200), enter(5300), click(6000), click(6300), click(6600), error(6700, 'boom'), tick(20_000)];
    expect(kinds(run(createPageDetectors, broken)).sort()).toEqual(['dead_click', 'error', 'error_click', 'rage_click', 'slow_page']);
  });

  it('find no click in a drag that selects text to copy it, nor in a double click that selects a word', () => {
    // Issue 15, 2(c): drag-selecting an e-mail address on an About page ended in a click: a dead click.
    const email = target('p.contact', { actionable: true });
    const drag = [enter(0), selection(900), click(1000, 420, 300, email, { dragPx: 140, selectedText: true }), tick(9000), leave(9100)];
    expect(run(createPageDetectors, drag)).toEqual([]);
    // A double click's second press selects the word: the first press was a click on plain text, never eligible.
    const text = target('p.contact', { actionable: false });
    const wordPick = [enter(0), click(1000, 420, 300, text), selection(1150), click(1200, 420, 300, text, { selectedText: true }), tick(9000)];
    expect(run(createPageDetectors, wordPick)).toEqual([]);
    // A press that moved a few pixels without selecting is still a click: a shaky hand on a dead button.
    expect(kinds(run(createPageDetectors, [enter(0), click(1000, 100, 100, target(), { dragPx: 4 }), tick(9000)]))).toEqual(['dead_click']);
  });

  it('judge nothing outside a visit: a burst on a page out of scope is not reported under the next visit', () => {
    // Issue 15, 4: a rage click on an out-of-scope URL was stored under the next in-scope visit.
    const outside = [enter(0), leave(1000), click(1200), click(1400), click(1600), enter(2000), tick(2100), tick(12_000), leave(12_100)];
    expect(run(createPageDetectors, outside)).toEqual([]);
  });

  it('find no excessive scroll when the page scrolls itself, and do when the person hunts up and down', () => {
    // Issue 15, 4: scripted scrolling made an excessive_scroll.
    const ys = [0, 600, 0, 600, 0, 600];
    const byPage = [enter(0), ...ys.map((y, i) => scroll(100 + i * 400, y, false)), tick(9000)];
    expect(run(createPageDetectors, byPage)).toEqual([]);
    const byPerson = [enter(0), ...ys.map((y, i) => scroll(100 + i * 400, y)), tick(9000)];
    expect(kinds(run(createPageDetectors, byPerson))).toEqual(['excessive_scroll']);
  });

  it('still judge the document load given before the visit began', () => {
    expect(kinds(run(createPageDetectors, [lcp(4800, 4800), enter(5000), leave(6000)]))).toEqual(['slow_page']);
  });
});
