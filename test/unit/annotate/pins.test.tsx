// @vitest-environment happy-dom
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../src/core/records/annotation';

vi.mock('../../../src/shared/i18n', () => ({ t: (key: string, ...subs: unknown[]) => [key, ...subs].join(' '), uiLanguage: () => 'en', failureText: (f: unknown) => (f instanceof Error ? f.message : String(f)) }));

const { PinBoard } = await import('../../../src/inpage/annotate/pins');
const { PinPopover } = await import('../../../src/inpage/annotate/PinPopover');

/** Our roots are closed: the test keeps the ones it sees attached, as DevTools would show them. */
const roots: ShadowRoot[] = [];
const attach = Element.prototype.attachShadow;
beforeEach(() => {
  roots.length = 0;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  document.body.innerHTML = `<h1 id="title">Northwind</h1><button id="buy">Add to cart</button>`;
  box(document.getElementById('title')!, { x: 100, y: 50, width: 300, height: 40 });
  box(document.getElementById('buy')!, { x: 100, y: 400, width: 120, height: 36 });
});
afterEach(() => vi.restoreAllMocks());

function box(element: Element, { x, y, width, height }: { x: number; y: number; width: number; height: number }) {
  element.getBoundingClientRect = () => ({ x, y, width, height, left: x, top: y, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;
}

const frame = () => act(() => new Promise<void>((done) => requestAnimationFrame(() => done())));

function note(overrides: Partial<Annotation>): Annotation {
  return {
    id: crypto.randomUUID(),
    studyId: crypto.randomUUID(),
    sessionId: null,
    visitId: null,
    pageKey: '/about',
    stageId: null,
    type: 'pain_point',
    text: 'Too long',
    emotion: null,
    role: 'pm',
    anchor: { selector: 'h1', quote: { exact: 'Northwind', prefix: '', suffix: '' }, position: 0 },
    status: 'open',
    orphaned: false,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

function setup() {
  const actions = {
    edit: vi.fn(async () => undefined),
    toggle: vi.fn(async () => undefined),
    remove: vi.fn(async () => undefined),
    relocate: vi.fn((annotations: Annotation[]) => annotations.map(() => null as Element | null)),
  };
  const board = new PinBoard(actions);
  const root = roots.at(-1)!;
  return { actions, board, root, pins: () => [...root.querySelectorAll<HTMLButtonElement>('button.pin')] };
}

describe('pins', () => {
  it('numbers the notes, labels each pin for screen readers, and puts it on its element’s corner', async () => {
    const { board, root, pins } = setup();
    const title = document.getElementById('title')!;
    board.set([
      { annotation: note({ text: 'first' }), element: title },
      { annotation: note({ type: 'question', status: 'resolved' }), element: document.getElementById('buy')! },
    ]);
    await frame();
    expect(root.host.localName).toBe('journey-lens-pins');
    expect(root.host.hasAttribute('data-jl-ignore')).toBe(true);
    const [first, second] = pins();
    expect(first!.textContent).toBe('1');
    expect(first!.getAttribute('aria-label')).toBe('annotatePinLabel 1 annotateTypePainPoint');
    expect(first!.className).toBe('pin pain_point');
    expect(first!.style.left).toBe(`${400 - 12}px`);
    expect(first!.style.top).toBe(`${50 - 12}px`);
    expect(second!.className).toBe('pin resolved');
    expect(second!.getAttribute('aria-label')).toBe('annotatePinResolvedLabel 2 annotateTypeQuestion');
    board.destroy();
    expect(document.querySelector('journey-lens-pins')).toBeNull();
  });

  it('opens the note on click: its kind, author and actions, never its text (read in the compose frame); Delete asks first', async () => {
    const { board, root, pins, actions } = setup();
    const annotation = note({ text: '<img src=x onerror=alert(1)> hard to scan', emotion: -1 });
    board.set([{ annotation, element: document.getElementById('title')! }]);
    await frame();
    await act(() => pins()[0]!.click());
    let popover = root.querySelector('[role="dialog"]')!;
    expect(pins()[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(popover.querySelector('img')).toBeNull();
    expect(popover.textContent).not.toContain('hard to scan');
    expect(popover.textContent).toContain('rolePm');
    expect(popover.textContent).toContain('annotateFeeling');

    const button = (label: string) => [...popover.querySelectorAll('button')].find((b) => b.textContent === label)!;
    await act(() => button('annotateReadEdit').click());
    expect(actions.edit).toHaveBeenCalledWith(annotation);
    await act(() => pins()[0]!.click());
    popover = root.querySelector('[role="dialog"]')!;
    await act(() => button('annotateResolve').click());
    expect(actions.toggle).toHaveBeenCalledWith(annotation);
    await act(() => button('annotateDelete').click());
    expect(actions.remove).not.toHaveBeenCalled();
    expect(popover.querySelector('.confirm')!.textContent).toBe('annotateDeleteConfirm');
    await act(() => button('annotateDelete').click());
    expect(actions.remove).toHaveBeenCalledWith(annotation);
    board.destroy();
  });

  it('Esc closes the note and gives focus back to its pin', async () => {
    const { board, root, pins } = setup();
    board.set([{ annotation: note({}), element: document.getElementById('title')! }]);
    await frame();
    await act(() => pins()[0]!.click());
    const popover = root.querySelector('[role="dialog"]')!;
    await act(() => void popover.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(root.activeElement).toBe(pins()[0]);
    board.destroy();
  });

  it('gives no pin to a hidden element, and looks again for one a re-render replaced', async () => {
    const { board, pins, actions } = setup();
    const title = document.getElementById('title')!;
    const annotation = note({});
    board.set([{ annotation, element: title }]);
    await frame();
    expect(pins()).toHaveLength(1);
    const copy = title.cloneNode(true) as Element;
    box(copy, { x: 10, y: 10, width: 100, height: 20 });
    actions.relocate.mockImplementation(() => [copy]);
    title.replaceWith(copy);
    await frame();
    await frame();
    expect(actions.relocate).toHaveBeenCalledWith([annotation]);
    expect(pins()[0]!.style.left).toBe(`${110 - 12}px`);
    box(copy, { x: 0, y: 0, width: 0, height: 0 });
    window.dispatchEvent(new Event('resize'));
    await frame();
    expect(pins()).toHaveLength(0);
    board.destroy();
  });
});

describe('the note popover', () => {
  it('passes an accessibility check (axe cannot enter closed roots, so it is rendered in the page here)', async () => {
    const mount = document.createElement('div');
    document.body.append(mount);
    const noop = async () => undefined;
    act(() =>
      render(
        <PinPopover annotation={note({ emotion: 2 })} number={3} at={{ x: 10, y: 10 }} origin={{ x: 0, y: 0 }} host={mount} actions={{ edit: noop, toggle: noop, remove: noop }} onClose={() => undefined} />,
        mount,
      ),
    );
    expect(mount.querySelector('#jl-pop-title')!.textContent).toContain('annotatePinLabel 3 annotateTypePainPoint');
    const result = await axe.run(mount, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    render(null, mount);
  });
});
