// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PageErrorLog } from '../../../src/content/feedback';
import { PAGE_ERROR_EVENT } from '../../../src/content/page-observer';

const stop = new AbortController();
afterEach(() => stop.abort());

const hand = (detail: unknown) => document.dispatchEvent(new CustomEvent(PAGE_ERROR_EVENT, { detail }));

describe('the console errors a report carries', () => {
  it('keeps what the page-world script hands over, with the time it was seen', () => {
    const log = new PageErrorLog(stop.signal);
    hand(JSON.stringify({ message: 'TypeError: x is undefined', source: 'http://127.0.0.1/app.js:3:7' }));
    hand(JSON.stringify({ message: 'Unhandled rejection: 500', source: null }));
    const [first, second] = log.list();
    expect(first).toMatchObject({ message: 'TypeError: x is undefined', source: 'http://127.0.0.1/app.js:3:7' });
    expect(second).toMatchObject({ message: 'Unhandled rejection: 500', source: null });
    expect(first!.at).toBeGreaterThan(0);
  });

  it('ignores what is not ours, keeps the latest 100 and starts again with a new visit', () => {
    const log = new PageErrorLog(stop.signal);
    hand({ message: 'an object' });
    hand('not json');
    hand(JSON.stringify({ text: 'no message' }));
    expect(log.list()).toEqual([]);
    for (let i = 0; i < 130; i++) hand(JSON.stringify({ message: `error ${i}`, source: 'x'.repeat(3000) }));
    expect(log.list()).toHaveLength(100);
    expect(log.list()[0]!.message).toBe('error 30');
    expect(log.list()[0]!.source).toHaveLength(2000);
    log.reset();
    expect(log.list()).toEqual([]);
  });
});
