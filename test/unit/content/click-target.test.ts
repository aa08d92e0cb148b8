// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clickTarget } from '../../../src/content/click-target';

const sends = (selector: string) => clickTarget(document.querySelector(selector)!, false).sends;

describe('the form a click sends', () => {
  it('is the form of a button that stands apart from its fields, whatever its type', () => {
    document.body.innerHTML = `<form id="signin"><p><input id="email"></p>
      <p><input id="pass" type="password"><button type="button" id="show">Show</button></p>
      <p><input id="qty" type="number"><button type="button" id="plus">+</button></p>
      <p><button type="button" id="go"><span>Sign in</span></button> <button type="reset" id="clear">Clear</button></p>
      <div role="button" id="next">Continue</div></form><button type="button" id="outside">Help</button>`;
    expect(sends('#go span')).toBe('#signin');
    expect(sends('#next')).toBe('#signin');
    // Beside a field it helps fill it; a reset and a stepper send nothing; outside a form there is nothing to send.
    for (const helper of ['#show', '#plus', '#clear', '#outside']) expect(sends(helper), helper).toBeNull();
  });
});

describe('a stepper, clicked again and again on purpose', () => {
  const stepper = (selector: string) => clickTarget(document.querySelector(selector)!, false).stepper;

  it('is a symbol, a label, hidden text or an image that says a step, in English or Korean', () => {
    document.body.innerHTML = `<button id="plus">+</button><button id="next" aria-label="Next slide"><svg></svg></button>
      <button id="dawn"><span class="visually-hidden">Increase quantity for Trail Runner</span><svg></svg></button>
      <button id="ko-arrow"><span class="blind">다음</span></button><button id="ko-label" aria-label="수량 감소">−</button>
      <a href="#none" id="cafe24"><img src="btn_count_up.gif" alt="수량증가"></a>
      <nav aria-label="Pagination"><a href="?page=2" id="page">2</a></nav>`;
    for (const selector of ['#plus', '#next', '#dawn', '#ko-arrow', '#ko-label', '#cafe24', '#page']) expect(stepper(selector), selector).toBe(true);
  });

  it('is not a button that does one thing', () => {
    document.body.innerHTML = `<button id="cart">Add to cart</button><button id="ko-cart">장바구니 담기</button>
      <button id="coupon" aria-label="Apply coupon">Apply</button><a href="/sale" id="sale"><img src="sale.png" alt="Spring sale"></a>`;
    for (const selector of ['#cart', '#ko-cart', '#coupon', '#sale']) expect(stepper(selector), selector).toBe(false);
  });
});

describe('what looks actionable by its role', () => {
  const actionable = (selector: string) => clickTarget(document.querySelector(selector)!, false).actionable;

  it('is every menu item role, a tab, an option; not the menu or the list around them', () => {
    document.body.innerHTML = `<div role="menu" id="menu"><div role="menuitem" id="item">Copy</div><div role="MenuItemCheckbox" id="check">Wrap</div>
      <div role="menuitemradio" id="radio">Small</div></div><div role="tablist" id="tabs"><div role="tab" id="tab">Specs</div></div>`;
    for (const selector of ['#item', '#check', '#radio', '#tab']) expect(actionable(selector), selector).toBe(true);
    for (const selector of ['#menu', '#tabs']) expect(actionable(selector), selector).toBe(false);
  });
});
