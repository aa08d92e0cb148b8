// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { maskRects, viewportRect } from '../../../src/content/feedback-facts';

/** happy-dom has no layout: each element gets the box its data-box attribute gives ("x y width height"). */
function layOut(root: ParentNode = document) {
  for (const element of root.querySelectorAll<HTMLElement>('[data-box]')) {
    const [x, y, width, height] = element.dataset.box!.split(' ').map(Number) as [number, number, number, number];
    element.getBoundingClientRect = () => ({ x, y, width, height, left: x, top: y, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;
  }
}

/** A value read would throw: mask collection looks at boxes only. */
function guardValue(element: Element) {
  Object.defineProperty(element, 'value', {
    get() {
      throw new Error('value read');
    },
  });
}

beforeEach(() => {
  Object.assign(window, { innerWidth: 1000, innerHeight: 800 });
  document.body.innerHTML = `
    <form>
      <input id="name" name="name" data-box="10 10 200 30">
      <input id="pw" type="password" name="pw" data-box="10 50 200 30">
      <input id="card" name="cc-number" data-box="10 90 200 30">
      <textarea id="bio" data-box="10 130 300 60"></textarea>
      <select id="country" data-box="10 200 150 30"><option>NO</option></select>
      <input id="go" type="submit" value="Send" data-box="10 240 80 30">
      <input id="hidden" type="hidden" value="x">
      <div id="editor" contenteditable="true" data-box="10 280 400 100">Draft</div>
      <div id="readonly" contenteditable="false" data-box="10 390 400 20">Not editable</div>
    </form>
    <p id="balance" data-jl-mask data-box="500 10 120 20">1 234 EUR</p>
    <div id="blocked" class="rr-block" data-box="500 40 120 20">Private</div>
    <iframe id="frame" srcdoc="<p>Card number</p>" data-box="500 80 300 150"></iframe>
    <input id="below" data-box="10 900 200 30">
    <input id="edge" data-box="-50 790 200 30">
    <input id="invisible" style="visibility: hidden" data-box="700 300 100 30">
    <journey-lens-note-form data-jl-ignore data-box="600 500 360 300"></journey-lens-note-form>
    <div id="widget" data-box="0 0 0 0"></div>`;
  const widget = document.getElementById('widget')!.attachShadow({ mode: 'open' });
  widget.innerHTML = `<input id="inner" data-box="700 600 100 30">`;
  layOut();
  layOut(widget);
  for (const field of document.querySelectorAll('input, textarea, select')) guardValue(field);
});

const boxOf = (id: string) => {
  const element = document.getElementById(id)!;
  const rect = element.getBoundingClientRect();
  return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
};

describe('mask rectangles for the screenshot', () => {
  it('with "mask form fields" ticked, covers every visible field, editable area, frame and marked area', () => {
    const rects = maskRects(document, true);
    for (const id of ['name', 'pw', 'card', 'bio', 'country', 'editor', 'balance', 'blocked', 'frame']) expect(rects).toContainEqual(boxOf(id));
    // Shadow DOM fields are found too.
    expect(rects).toContainEqual({ x: 700, y: 600, width: 100, height: 30 });
    expect(rects).toHaveLength(10 + 1); // + the field clipped at the viewport's edge
  });

  it('leaves out buttons, hidden inputs, non-editable areas, invisible and off-screen elements, and our own UI', () => {
    const rects = maskRects(document, true);
    for (const id of ['go', 'readonly', 'invisible', 'below']) expect(rects).not.toContainEqual(boxOf(id));
    expect(rects).not.toContainEqual({ x: 600, y: 500, width: 360, height: 300 });
  });

  it('clips a box to the viewport', () => {
    expect(maskRects(document, true)).toContainEqual({ x: 0, y: 790, width: 150, height: 10 });
  });

  it('unticked, still covers password and payment fields, frames, the site’s own masks and opted-out areas', () => {
    const rects = maskRects(document, false);
    expect(rects).toEqual(expect.arrayContaining([boxOf('pw'), boxOf('card'), boxOf('balance'), boxOf('blocked'), boxOf('frame')]));
    expect(rects).toHaveLength(5);
  });

  it('unticked, knows a payment field by its label or by digits as many as a card’s, whatever its name', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<label>Card number <input id="by-label" name="number" data-box="10 500 200 30"></label>
       <label for="by-for">보안 코드</label><input id="by-for" name="code" data-box="10 540 200 30">
       <input id="by-digits" name="n" inputmode="numeric" maxlength="19" data-box="10 580 200 30">
       <label>Quantity <input id="quantity" name="qty" inputmode="numeric" maxlength="2" data-box="10 620 200 30"></label>`,
    );
    layOut();
    const rects = maskRects(document, false);
    for (const id of ['by-label', 'by-for', 'by-digits']) expect(rects).toContainEqual(boxOf(id));
    expect(rects).not.toContainEqual(boxOf('quantity'));
  });

  it('looks into closed shadow roots through the root finder it is given', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = `<input id="closed-card" autocomplete="cc-number" data-box="300 700 100 30">`;
    layOut(closed);
    const roots = (element: Element) => (element === host ? closed : element.shadowRoot);
    expect(maskRects(document, false)).not.toContainEqual({ x: 300, y: 700, width: 100, height: 30 });
    expect(maskRects(document, false, roots)).toContainEqual({ x: 300, y: 700, width: 100, height: 30 });
  });

  it('keeps a field that was once a password field masked after a show-password toggle', () => {
    const pw = document.getElementById('pw') as HTMLInputElement;
    maskRects(document, false);
    pw.type = 'text';
    pw.name = 'field';
    expect(maskRects(document, false)).toContainEqual(boxOf('pw'));
  });

  it('never reads a value (the guards above throw if it did)', () => {
    expect(() => maskRects(document, true)).not.toThrow();
  });
});

describe('the element’s box', () => {
  it('is its viewport rectangle, or null once it left the page', () => {
    const name = document.getElementById('name')!;
    expect(viewportRect(name)).toEqual({ x: 10, y: 10, width: 200, height: 30 });
    name.remove();
    expect(viewportRect(name)).toBeNull();
  });
});
