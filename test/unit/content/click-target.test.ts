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
      <div role="button" id="next">Next step</div></form><button type="button" id="outside">Help</button>`;
    expect(sends('#go span')).toBe('#signin');
    expect(sends('#next')).toBe('#signin');
    // Beside a field it helps fill it; a reset and a stepper send nothing; outside a form there is nothing to send.
    for (const helper of ['#show', '#plus', '#clear', '#outside']) expect(sends(helper), helper).toBeNull();
  });
});
