// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { RecentClickTarget } from '../../../src/content/recent-click-target';

const click = (modifiers: MouseEventInit = {}) => new MouseEvent('click', modifiers);

beforeEach(() => {
  document.body.innerHTML = '<main><p class="lede">Nothing here</p></main>';
});

describe('the facts of the element clicked last', () => {
  it('are read once for a burst on one element with the same modifiers', () => {
    const recent = new RecentClickTarget();
    const p = document.querySelector('p')!;
    const first = recent.of(p, click());
    expect(first).toMatchObject({ key: 'body > main > p', link: false, modifier: false });
    expect(recent.of(p, click())).toBe(first);
    expect(recent.of(p, click({ shiftKey: true }))).toMatchObject({ key: 'body > main > p', modifier: true });
  });

  it('are read afresh once the document changed, for another element, and always inside a shadow tree', () => {
    const recent = new RecentClickTarget();
    const p = document.querySelector('p')!;
    expect(recent.of(p, click()).link).toBe(false);
    const link = document.createElement('a');
    link.href = '/next';
    p.replaceWith(link);
    link.append(p);
    // Stale until the mutation observer says the document changed.
    expect(recent.of(p, click()).link).toBe(false);
    recent.forget();
    expect(recent.of(p, click())).toMatchObject({ key: 'body > main > a > p', link: true });
    const main = document.querySelector('main')!;
    expect(recent.of(main, click()).key).toBe('body > main');

    const host = document.createElement('div');
    document.body.append(host);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    const shadowFirst = recent.of(inner, click());
    expect(recent.of(inner, click())).not.toBe(shadowFirst);
  });
});
