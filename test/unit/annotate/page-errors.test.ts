// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_ERROR_EVENT } from '../../../src/content/page-world-events';

// A page load counts its errors: each test is one load, with fresh modules.
let PageErrorLog: typeof import('../../../src/content/feedback').PageErrorLog;
let onPageError: typeof import('../../../src/content/page-errors').onPageError;
beforeEach(async () => {
  vi.resetModules();
  ({ PageErrorLog } = await import('../../../src/content/feedback'));
  ({ onPageError } = await import('../../../src/content/page-errors'));
});

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

  it('ignores what is not ours, hears 20 errors a page load and starts again with a new visit', () => {
    const log = new PageErrorLog(stop.signal);
    const friction: string[] = [];
    onPageError((error) => friction.push(error.message), stop.signal);
    hand({ message: 'an object' });
    hand('not json');
    hand(JSON.stringify({ text: 'no message' }));
    expect(log.list()).toEqual([]);
    for (let i = 0; i < 130; i++) hand(JSON.stringify({ message: `error ${i} ${'x'.repeat(600)}`, source: `http://127.0.0.1/${'x'.repeat(3000)}.js:1:2` }));
    expect(log.list()).toHaveLength(20);
    expect(friction).toHaveLength(20);
    expect(log.list()[19]!.message).toMatch(/^error 19 /);
    expect(log.list()[0]!.message).toHaveLength(500);
    expect(log.list()[0]!.source).toHaveLength(2004);
    log.reset();
    expect(log.list()).toEqual([]);
  });

  it('keeps no query, fragment or hash-route query of a source, and no source that is not a URL', () => {
    const log = new PageErrorLog(stop.signal);
    hand(JSON.stringify({ message: 'a', source: 'http://127.0.0.1/search?q=CANARY#frag:1:2' }));
    hand(JSON.stringify({ message: 'b', source: 'http://127.0.0.1/app#/reset?token=CANARY:3:4' }));
    hand(JSON.stringify({ message: 'c', source: 'CANARY' }));
    expect(log.list().map((e) => e.source)).toEqual(['http://127.0.0.1/search:1:2', 'http://127.0.0.1/app#/reset:3:4', null]);
  });
});
