import { describe, expect, it } from 'vitest';
import { createPageDetectors } from '../../../src/core/signals/page-detectors';
import { click, error, focus, input, kinds, lcp, leave, load, mutation, navigation, request, run, scroll, selection, submit, target, tick } from './timeline';

describe('page detectors', () => {
  it('find nothing in a normal visit', () => {
    const normal = [
      lcp(900, 900),
      load(1400, 1400),
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
      navigation(10_050),
      tick(20_000),
      leave(20_100),
    ];
    expect(run(createPageDetectors, normal)).toEqual([]);
  });

  it('hand each observation to every detector and return all they found', () => {
    const broken = [lcp(5200, 5200), click(6000), click(6300), click(6600), error(6700, 'boom'), tick(20_000)];
    expect(kinds(run(createPageDetectors, broken)).sort()).toEqual(['dead_click', 'error', 'error_click', 'rage_click', 'slow_page']);
  });
});
