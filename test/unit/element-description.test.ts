// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeElement, isSensitive, shownText, watchPasswordFields, watchTypedValues } from '../../src/content/element-description';
import { clickTarget } from '../../src/content/click-target';

const TYPED = 'CANARY-typed-91ab';
const CHOSEN = 'CANARY-chosen-42cd';

const byId = (id: string) => document.getElementById(id)!;

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
    for (const id of ['secret-option', 'bio-line', 'bio-bold']) expect(clickTarget(byId(id), false).editable, id).toBe(true);
    expect(clickTarget(byId('wrapper'), false).editable).toBe(false);
  });

  it('describe a field’s wrapper by its text without the field’s value', () => {
    const wrapper = describeElement(byId('wrapper'));
    expect(wrapper.name).toMatch(/^Full name ?As on your ID$/);
    expect(JSON.stringify(wrapper)).not.toContain(TYPED);
  });

  it('keep a password field sensitive after a show toggle turned it to text before anything asked', async () => {
    watchPasswordFields();
    const key = byId('key') as HTMLInputElement;
    // The watch starts with the person's first press, key or focus: the toggle is theirs.
    key.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
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

describe('element descriptions of hostile pages (issue 19)', () => {
  it('name <html> and <body> nothing, and never a script’s or a style’s text', () => {
    document.head.innerHTML = `<title>T</title><script>var csrf = '${TYPED}'</script>`;
    document.body.insertAdjacentHTML('beforeend', `<p id="p"><script>var x = '${TYPED}'</script><style>p{}</style>Shown</p>`);
    expect(describeElement(document.documentElement).name).toBeNull();
    expect(describeElement(document.body).name).toBeNull();
    expect(describeElement(byId('p')).name).toBe('Shown');
  });

  it('cut a page’s tag, role and label to the schema’s limits', () => {
    document.body.insertAdjacentHTML('beforeend', `<label>${'L'.repeat(400)} <input id="long"></label><${'a'.repeat(50)}-x id="tag" role="${'r'.repeat(60)}">x</${'a'.repeat(50)}-x>`);
    const field = describeElement(byId('long'));
    const tag = describeElement(byId('tag'));
    expect(field.name!.length).toBeLessThanOrEqual(100);
    expect([tag.tag.length, tag.role!.length]).toEqual([40, 40]);
  });

  it('mask a value typed in this page wherever the page shows it again, whatever its case', () => {
    watchTypedValues();
    const search = document.createElement('input');
    document.body.append(search);
    search.value = 'CanaryEcho';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    document.body.insertAdjacentHTML('beforeend', '<button id="s">Results for canaryecho</button><p id="e">Invalid email: CANARYECHO</p>');
    expect(describeElement(byId('s')).name).toBe('Results for •••');
    expect(describeElement(byId('e')).name).toBe('Invalid email: •••');
    expect(shownText('Search CanaryEcho \u202Eexe')).toBe('Search ••• \uFFFDexe');
  });

  it('know a payment field by its label or its digits, whatever its name', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<label>Card number <input id="c1" name="number"></label><label>보안 코드 <input id="c2" name="n2"></label><input id="c3" inputmode="numeric" maxlength="16"><label>Quantity <input id="q" inputmode="numeric" maxlength="2"></label>',
    );
    expect(['c1', 'c2', 'c3', 'q'].map((id) => isSensitive(byId(id)))).toEqual([true, true, true, false]);
  });
});
