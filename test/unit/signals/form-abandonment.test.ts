import { describe, expect, it } from 'vitest';
import { createFormAbandonmentDetector } from '../../../src/core/signals/form-abandonment';
import { T0, click, describeElement, input, leave, run, settings, submit, target } from './timeline';

const forms = (timeline: Parameters<typeof run>[1]) => run(createFormAbandonmentDetector, timeline);

describe('form abandonment', () => {
  it('is a form that received input and is left without a submit', () => {
    const typed = ['input#email', 'input#name', 'input#email'].map((field, i) => input(i * 100, 'form#checkout', field));
    const drafts = forms([...typed, leave(5000)]);
    expect(drafts).toEqual([{ kind: 'form_abandonment', at: T0 + 5000, element: describeElement('input#email'), detail: { fields: 2 } }]);
  });

  it('is not a submitted form', () => {
    expect(forms([input(0, 'form#checkout', 'input#email'), submit(1000, 'form#checkout'), leave(5000)])).toEqual([]);
  });

  it('is not a form sent by a click on its button, as apps send without a submit event', () => {
    const signIn = click(1000, 100, 100, target('form#login > button', { sends: 'form#login' }));
    expect(forms([input(0, 'form#login', 'input#user'), signIn, leave(5000)])).toEqual([]);
    // A button outside the form, or a stepper in it (no `sends`), sends nothing.
    expect(forms([input(0, 'form#login', 'input#user'), click(1000, 100, 100, target('header > button')), leave(5000)])).toHaveLength(1);
  });

  it('is judged per form', () => {
    const drafts = forms([input(0, 'form#search', 'input#q'), input(100, 'form#newsletter', 'input#mail'), submit(200, 'form#search'), leave(5000)]);
    expect(drafts.map((d) => d.element?.selector)).toEqual(['input#mail']);
  });

  it('counts a form typed into again after a submit (the submit was refused)', () => {
    expect(forms([input(0, 'form#login', 'input#user'), submit(100, 'form#login'), input(200, 'form#login', 'input#user'), leave(5000)])).toHaveLength(1);
  });

  it('is nothing without input', () => {
    expect(forms([submit(100, 'form#search'), leave(5000)])).toEqual([]);
  });

  it('leaves a form typed into after the page was left (a route settling) to the next visit', () => {
    const detector = createFormAbandonmentDetector(settings());
    detector.observe(input(0, 'form#search', 'input#q'));
    // The route changed at +100 and settles at +200; the new route's form was typed into at +150.
    detector.observe(input(150, 'form#new-trip', 'input#trip-name'));
    expect(detector.observe(leave(100)).map((d) => d.element?.selector)).toEqual(['input#q']);
    expect(detector.observe(leave(5000)).map((d) => d.element?.selector)).toEqual(['input#trip-name']);
  });

  it('starts afresh after leave', () => {
    const detector = createFormAbandonmentDetector(settings());
    detector.observe(input(0, 'form#a', 'input#x'));
    expect(detector.observe(leave(100))).toHaveLength(1);
    expect(detector.observe(leave(200))).toEqual([]);
  });
});
