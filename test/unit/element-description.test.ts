// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeElement, isSensitive, watchPasswordFields } from '../../src/content/element-description';
import { clickTarget } from '../../src/content/click-target';

const TYPED = 'CANARY-typed-91ab';
const CHOSEN = 'CANARY-chosen-42cd';

const byId = (id: string) => document.getElementById(id)!;
const click = new MouseEvent('click');

beforeEach(() => {
  document.body.innerHTML = `
    <form>
      <label for="topics">Topics</label>
      <select id="topics" multiple size="3"><option>Phones</option><option id="secret-option">${CHOSEN}</option></select>
      <span id="bio-label">Gift message</span>
      <div id="bio" contenteditable="true" aria-labelledby="bio-label">${TYPED}<div id="bio-line">${TYPED} <b id="bio-bold">${TYPED}</b></div></div>
      <label for="key">Account key</label><input id="key" name="word" type="password">
      <button type="button" id="toggle">Show</button>
      <div id="wrapper"><label for="name">Full name</label><input id="name" name="fullname"><small>As on your ID</small></div>
    </form>`;
  (byId('name') as HTMLInputElement).value = TYPED;
});

describe('element descriptions (PRODUCT.md §9)', () => {
  it('describe an option by its select’s label, never by its text: that is the choice', () => {
    const option = describeElement(byId('secret-option'));
    expect(option).toMatchObject({ tag: 'option', name: 'Topics' });
    expect(JSON.stringify(option)).not.toContain(CHOSEN);
  });

  it('describe a line of an editable area, and what is inside it, by the area’s label, never by what was typed', () => {
    for (const id of ['bio-line', 'bio-bold']) {
      const line = describeElement(byId(id));
      expect(line.name, id).toBe('Gift message');
      expect(JSON.stringify(line), id).not.toContain(TYPED);
    }
  });

  it('count clicks in an option or an editable area’s line as clicks in a field: no dead or rage click there', () => {
    for (const id of ['secret-option', 'bio-line', 'bio-bold']) expect(clickTarget(byId(id), click).editable, id).toBe(true);
    expect(clickTarget(byId('wrapper'), click).editable).toBe(false);
  });

  it('describe a field’s wrapper by its text without the field’s value', () => {
    const wrapper = describeElement(byId('wrapper'));
    expect(wrapper.name).toMatch(/^Full name ?As on your ID$/);
    expect(JSON.stringify(wrapper)).not.toContain(TYPED);
  });

  it('keep a password field sensitive after a show toggle turned it to text before anything asked', async () => {
    watchPasswordFields(document);
    const key = byId('key') as HTMLInputElement;
    key.type = 'text'; // shown before the first keystroke
    await new Promise((done) => setTimeout(done, 0)); // mutation records arrive in a microtask
    expect(isSensitive(key)).toBe(true);
    expect(describeElement(key).name).toBeNull();
    // An ordinary text field whose type changes is not made sensitive by that.
    const name = byId('name') as HTMLInputElement;
    name.type = 'email';
    await new Promise((done) => setTimeout(done, 0));
    expect(isSensitive(name)).toBe(false);
    expect(describeElement(name).name).toBe('Full name');
  });
});
