// @vitest-environment happy-dom
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The catalogue is the extension's; here a message is its key and its substitutions.
vi.mock('../../../src/shared/i18n', () => ({ t: (key: string, ...subs: unknown[]) => [key, ...subs].join(' '), uiLanguage: () => 'en', failureText: (f: unknown) => (f instanceof Error ? f.message : String(f)) }));

const { AnnotationForm } = await import('../../../src/ui/compose/AnnotationForm');
const { FeedbackForm } = await import('../../../src/ui/compose/FeedbackForm');

let mount: HTMLElement;
beforeEach(() => {
  mount = document.createElement('div');
  document.body.append(mount);
});
afterEach(() => {
  render(null, mount);
  mount.remove();
});

const q = <E extends Element = HTMLElement>(selector: string) => mount.querySelector<E>(selector)!;
const key = (target: Element, init: KeyboardEventInit) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init })));
const type = (area: HTMLTextAreaElement, text: string) =>
  act(() => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = () => act(() => void q('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));

async function violations(): Promise<string[]> {
  // Colour contrast needs layout, which happy-dom has not; the e2e tests check it in Chromium.
  const result = await axe.run(mount, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the note form', () => {
  const setup = (initial: Parameters<typeof AnnotationForm>[0]['initial'] = null) => {
    const onSave = vi.fn(async () => undefined);
    const onCancel = vi.fn();
    act(() => render(<AnnotationForm initial={initial} target={{ tag: 'button', name: 'Add to cart' }} onSave={onSave} onCancel={onCancel} />, mount));
    return { onSave, onCancel };
  };

  it('is a labelled dialog with a radio group of four types, a required labelled text box and six feelings', async () => {
    setup();
    expect(q('[role="dialog"]').getAttribute('aria-labelledby')).toBe('jl-note-title');
    expect(q('#jl-note-title').textContent).toBe('annotateAddTitle');
    const types = [...mount.querySelectorAll<HTMLInputElement>('input[name="jl-type"]')];
    expect(types.map((input) => input.value)).toEqual(['pain_point', 'opportunity', 'idea', 'question']);
    expect(types.map((input) => input.closest('label')!.textContent)).toEqual(['annotateTypePainPoint', 'annotateTypeOpportunity', 'annotateTypeIdea', 'annotateTypeQuestion']);
    expect(q('label[for="jl-note-text"]').textContent).toBe('annotateTextLabel');
    expect(q<HTMLTextAreaElement>('textarea').required).toBe(true);
    expect(mount.querySelectorAll('input[name="jl-feeling"]')).toHaveLength(6);
    expect(q<HTMLInputElement>('input[name="jl-feeling"]').checked).toBe(true);
    expect(q('.target').textContent).toBe('annotateTarget button · Add to cart');
    expect(await violations()).toEqual([]);
  });

  it('draws the five feelings as faces named in words, with no emoji (boxes where no emoji font is installed)', () => {
    setup();
    const faces = [...mount.querySelectorAll<HTMLInputElement>('input[name="jl-feeling"]')].slice(1).map((input) => input.closest('label')!);
    expect(faces.map((label) => label.querySelector('svg')?.getAttribute('data-face'))).toEqual(['-2', '-1', '0', '1', '2']);
    expect(faces.map((label) => label.textContent)).toEqual([
      'surveyEmotionVeryNegative',
      'surveyEmotionNegative',
      'surveyEmotionNeutral',
      'surveyEmotionPositive',
      'surveyEmotionVeryPositive',
    ]);
    expect(mount.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('asks for a type and a text before saving, and says why', async () => {
    const { onSave } = setup();
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(q('#jl-note-error').textContent).toBe('annotateTypeRequired');
    await act(() => void q<HTMLInputElement>('input[value="idea"]').click());
    await type(q('textarea'), '   ');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(q('#jl-note-error').textContent).toBe('annotateTextRequired');
    expect(q('textarea').getAttribute('aria-invalid')).toBe('true');
  });

  it('saves the chosen type, the trimmed text and the feeling', async () => {
    const { onSave } = setup();
    await act(() => void q<HTMLInputElement>('input[value="pain_point"]').click());
    await type(q('textarea'), '  Shipping costs appear too late.\nAt the last step.  ');
    const negative = [...mount.querySelectorAll('label.face')].find((label) => label.textContent === 'surveyEmotionNegative')!;
    await act(() => void negative.querySelector('input')!.click());
    await submit();
    expect(onSave).toHaveBeenCalledWith({ type: 'pain_point', text: 'Shipping costs appear too late.\nAt the last step.', emotion: -1, everyPage: false });
  });

  it('Enter in the text adds a line; Ctrl+Enter saves; Esc cancels', async () => {
    const { onSave, onCancel } = setup({ type: 'question', text: 'Why two prices?', emotion: null, everyPage: true });
    expect(q('#jl-note-title').textContent).toBe('annotateEditTitle');
    await key(q('textarea'), { key: 'Enter' });
    expect(onSave).not.toHaveBeenCalled();
    await key(q('textarea'), { key: 'Enter', ctrlKey: true });
    expect(onSave).toHaveBeenCalledWith({ type: 'question', text: 'Why two prices?', emotion: null, everyPage: true });
    await key(q('textarea'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });

  it('stays open with the reason when saving fails', async () => {
    const onSave = vi.fn(() => Promise.reject(new Error('This page is not in that study’s scope.')));
    act(() => render(<AnnotationForm initial={{ type: 'idea', text: 'x', emotion: 2, everyPage: false }} target={null} onSave={onSave} onCancel={() => undefined} />, mount));
    await submit();
    await act(() => new Promise((done) => setTimeout(done, 0)));
    expect(q('#jl-note-error').textContent).toBe('annotateSaveFailed This page is not in that study’s scope.');
  });
});

describe('the feedback form', () => {
  const setup = (error: string | null = null) => {
    const onSend = vi.fn();
    const onCancel = vi.fn();
    act(() => render(<FeedbackForm initial={null} error={error} target={{ tag: 'a', name: 'Careers' }} onSend={onSend} onCancel={onCancel} />, mount));
    return { onSend, onCancel };
  };

  it('has a required text, four severities (medium first chosen) and masking ticked by default', async () => {
    setup();
    expect(q('label[for="jl-report-text"]').textContent).toBe('annotateFeedbackTextLabel');
    const severities = [...mount.querySelectorAll<HTMLInputElement>('input[name="jl-severity"]')];
    expect(severities.map((input) => input.value)).toEqual(['low', 'medium', 'high', 'critical']);
    expect(severities.find((input) => input.checked)!.value).toBe('medium');
    const mask = q<HTMLInputElement>('input[type="checkbox"]');
    expect(mask.checked).toBe(true);
    expect(mask.closest('label')!.textContent).toBe('annotateFeedbackMask');
    expect(await violations()).toEqual([]);
  });

  it('sends the text, severity and masking choice; not without a text', async () => {
    const { onSend } = setup();
    await submit();
    expect(onSend).not.toHaveBeenCalled();
    expect(q('#jl-report-error').textContent).toBe('annotateFeedbackTextRequired');
    await type(q('textarea'), 'The Careers link goes nowhere.');
    await act(() => void q<HTMLInputElement>('input[value="high"]').click());
    await act(() => void q<HTMLInputElement>('input[type="checkbox"]').click());
    await submit();
    expect(onSend).toHaveBeenCalledWith({ text: 'The Careers link goes nowhere.', severity: 'high', maskFields: false });
  });

  it('shows why a send failed, and Esc cancels', async () => {
    const { onCancel } = setup('No reply from the background');
    expect(q('#jl-report-error').textContent).toBe('annotateFeedbackFailed No reply from the background');
    await key(q('textarea'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });
});
