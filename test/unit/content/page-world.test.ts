// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ANSWER_EVENT, PAGE_ERROR_EVENT, PAGE_READY_EVENT } from '../../../src/content/page-world-events';

/** What the page-world script hands the observer, in order. */
const handed: { type: string; detail: unknown }[] = [];
/** What the page's own alert() was called with, behind the proxy. */
const alerted: unknown[] = [];
beforeAll(async () => {
  for (const type of [PAGE_ERROR_EVENT, PAGE_ANSWER_EVENT]) document.addEventListener(type, (event) => handed.push({ type, detail: (event as CustomEvent).detail }));
  window.alert = (message?: unknown) => void alerted.push(message);
  await import('../../../src/content/page-world');
  document.dispatchEvent(new Event(PAGE_READY_EVENT));
});

const scriptError = (message: string, error: unknown = new Error(message)) => dispatchEvent(new ErrorEvent('error', { message, error, filename: 'https://shop.test/app.js', lineno: 3, colno: 7 }));
const messages = () => handed.filter((h) => h.type === PAGE_ERROR_EVENT).map((h) => (JSON.parse(h.detail as string) as { message: string }).message);

describe('the page-world script', () => {
  it('hands over script errors with their source, and not the notices that are no failure (Sentry’s default filters)', () => {
    scriptError('ResizeObserver loop completed with undelivered notifications.', null);
    scriptError('ResizeObserver loop limit exceeded', null);
    scriptError('Script error.', null);
    scriptError('TypeError: cart is undefined');
    expect(messages()).toEqual(['TypeError: cart is undefined']);
    expect(JSON.parse(handed.at(-1)!.detail as string)).toMatchObject({ source: 'https://shop.test/app.js:3:7' });
  });

  it('tells of a native dialog and still opens it', () => {
    window.alert('Added to basket');
    expect(handed.at(-1)).toEqual({ type: PAGE_ANSWER_EVENT, detail: null });
    expect(alerted).toEqual(['Added to basket']);
  });
});
