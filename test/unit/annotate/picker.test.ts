// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { isPickable, labelOf } from '../../../src/content/note-target';
import { isOurLayer } from '../../../src/core/our-layer';
import { moveTarget, targetAt } from '../../../src/inpage/annotate/pick-target';

beforeEach(() => {
  document.body.innerHTML = `
    <main id="main">
      <h1 id="title">Northwind Phones</h1>
      <section id="cards">
        <button id="buy">Add to cart</button>
        <div id="private" data-jl-ignore><button id="secret-button">Account 1234</button></div>
        <a id="more" href="/more">More</a>
        <p id="note" class="ph-no-capture">Opted out</p>
      </section>
      <label for="email">Email</label><input id="email" name="email">
      <input id="pw" type="password" aria-label="Password">
    </main>
    <journey-lens-pins data-jl-ignore></journey-lens-pins>`;
});

const $ = (id: string) => document.getElementById(id)!;
const layer = () => document.querySelector('journey-lens-pins')!;
/** As the picker asks: pickable, and not our own layer (happy-dom has no layout, so "shown" is left out). */
const canTarget = (element: Element) => !isOurLayer(element) && isPickable(element);

describe('what the picker points at', () => {
  it('the topmost page element under the pointer, looking through our own layers', () => {
    expect(targetAt([layer(), $('buy'), $('cards'), $('main'), document.body, document.documentElement], canTarget)).toBe($('buy'));
  });

  it('nothing when that element is opted out, or inside an opted-out area: the picker does not reach past it', () => {
    expect(targetAt([$('secret-button'), $('private'), $('cards')], canTarget)).toBeNull();
    expect(targetAt([layer(), $('note'), $('cards')], canTarget)).toBeNull();
  });

  it('never the page itself', () => {
    expect(targetAt([document.body, document.documentElement], canTarget)).toBeNull();
    expect(isPickable(document.documentElement)).toBe(false);
  });

  it('not our own UI, even alone under the pointer', () => {
    expect(targetAt([layer()], canTarget)).toBeNull();
    expect(isPickable(layer())).toBe(false);
  });
});

describe('moving with the keyboard', () => {
  it('Tab and Shift+Tab walk what Tab reaches in the page, skipping opted-out controls', () => {
    expect(moveTarget(null, 'forward', canTarget)).toBe($('buy'));
    expect(moveTarget($('buy'), 'forward', canTarget)).toBe($('more'));
    expect(moveTarget($('more'), 'forward', canTarget)).toBe($('email'));
    expect(moveTarget($('email'), 'back', canTarget)).toBe($('more'));
    expect(moveTarget($('more'), 'back', canTarget)).toBe($('buy'));
    expect(moveTarget($('buy'), 'back', canTarget)).toBe($('buy'));
  });

  it('arrows go to the parent, the first child and the siblings, skipping opted-out ones', () => {
    expect(moveTarget($('buy'), 'parent', canTarget)).toBe($('cards'));
    expect(moveTarget($('main'), 'parent', canTarget)).toBe($('main'));
    expect(moveTarget($('cards'), 'child', canTarget)).toBe($('buy'));
    expect(moveTarget($('buy'), 'next', canTarget)).toBe($('more'));
    expect(moveTarget($('more'), 'next', canTarget)).toBe($('more'));
    expect(moveTarget($('more'), 'previous', canTarget)).toBe($('buy'));
  });
});

describe('how the picker names an element', () => {
  it('by tag and accessible name; a field by its label, a password field by nothing', () => {
    expect(labelOf($('buy'))).toEqual({ tag: 'button', name: 'Add to cart' });
    ($('email') as HTMLInputElement).value = 'someone@example.com';
    expect(labelOf($('email'))).toEqual({ tag: 'input', name: 'Email' });
    expect(labelOf($('pw'))).toEqual({ tag: 'input', name: null });
  });
});
