import { describe, expect, it } from 'vitest';
import { createErrorDetector } from '../../../src/core/signals/errors';
import { T0, click, describeElement, error, kinds, leave, run, settings, target } from './timeline';

const errors = (timeline: Parameters<typeof run>[1], config = settings()) => run(createErrorDetector, timeline, config);

describe('error and error click', () => {
  it('reports every page error with its message and source', () => {
    expect(errors([error(100, 'ReferenceError: gtag is not defined', 'https://shop.test/a.js')])).toEqual([
      { kind: 'error', at: T0 + 100, element: null, detail: { message: 'ReferenceError: gtag is not defined', source: 'https://shop.test/a.js' } },
    ]);
  });

  it('leaves an unknown source out and truncates long texts to what a signal may hold', () => {
    const [draft] = errors([error(0, 'x'.repeat(2000), null)]);
    expect(draft!.detail).toEqual({ message: 'x'.repeat(500) });
    expect(errors([error(0, 'm', `https://shop.test/${'p'.repeat(900)}`)])[0]!.detail.source).toHaveLength(500);
  });

  it('adds an error click, dated at the click, for an error within 2.5 s of it', () => {
    const drafts = errors([click(1000), error(3000, 'boom')]);
    expect(drafts).toEqual([
      { kind: 'error', at: T0 + 3000, element: null, detail: { message: 'boom', source: 'https://shop.test/app.js' } },
      { kind: 'error_click', at: T0 + 1000, element: describeElement('button#buy'), detail: { message: 'boom', delayMs: 2000 } },
    ]);
  });

  it('does not add one for an error 2.6 s after the click, nor without a click', () => {
    expect(kinds(errors([click(0), error(2600)]))).toEqual(['error']);
    expect(kinds(errors([error(100)]))).toEqual(['error']);
  });

  it('makes a click an error click once, however many errors follow it', () => {
    expect(kinds(errors([click(0), error(100), error(200), click(300), error(400)]))).toEqual(['error', 'error_click', 'error', 'error', 'error_click']);
  });

  it('never blames an opted-out element (nor the click before it)', () => {
    expect(kinds(errors([click(0), click(100, 0, 0, target('div.widget', { ignored: true })), error(200)]))).toEqual(['error']);
  });

  it('caps errors per page and starts counting afresh after leave', () => {
    const loop = Array.from({ length: 30 }, (_, i) => error(i));
    expect(errors(loop)).toHaveLength(20);
    expect(errors([...loop, leave(100), error(200)])).toHaveLength(21);
  });

  it('reads the error-click window from the settings', () => {
    expect(kinds(errors([click(0), error(2600)], settings({ errorClickMs: 3000 })))).toEqual(['error', 'error_click']);
    expect(kinds(errors([click(0), error(1500)], settings({ errorClickMs: 1000 })))).toEqual(['error']);
  });
});
