import { t } from '../../shared/i18n';
import { createShadowHost } from '../shadow-host';
import css from './picker.css?inline';
import { isOurLayer } from '../../core/our-layer';
import { moveTarget, targetAt, type Move } from './pick-target';
import { targetText } from '../../shared/target-text';
import type { TargetLabel } from './types';

export interface PickOptions {
  /** May this page element be chosen (it is not opted out, nor the whole page)? */
  isPickable: (element: Element) => boolean;
  describe: (element: Element) => TargetLabel;
  /** Where the keyboard starts: the element that had focus, if it may be chosen. */
  initial?: Element | null;
}

const ARROWS: Readonly<Record<string, Move>> = { ArrowUp: 'parent', ArrowDown: 'child', ArrowLeft: 'previous', ArrowRight: 'next' };
/** A pick must not reach the page: neither the choosing click nor its press, release or menu. */
const POINTER_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'touchstart', 'touchend'];
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'];

const shown = (element: Element) => {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
};

function node<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: Node): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  parent.appendChild(element);
  return element;
}

/**
 * Lets the person choose an element of the page: a transparent veil over the viewport outlines what is under the
 * pointer (or what the keyboard moved to) and names it; a click or Enter chooses, Esc cancels (null). The veil
 * takes every click and key while it is up, in the capture phase, so the page never acts on them.
 */
export function pickElement(options: PickOptions): Promise<Element | null> {
  return new Promise((resolve) => {
    const previousFocus = document.activeElement as HTMLElement | null;
    const host = createShadowHost('journey-lens-picker', css);
    host.place({ top: '0', right: '0', bottom: '0', left: '0' });
    const hostElement = host.root.host;
    const canTarget = (element: Element) => !isOurLayer(element) && options.isPickable(element) && shown(element);

    const veil = node('div', 'veil', host.root);
    veil.tabIndex = -1;
    veil.setAttribute('role', 'dialog');
    veil.setAttribute('aria-modal', 'true');
    veil.setAttribute('aria-label', t('annotatePickerTitle'));
    veil.setAttribute('aria-describedby', 'jl-pick-help');
    const outline = node('div', 'outline', veil);
    const tag = node('div', 'tag', veil);
    tag.setAttribute('aria-hidden', 'true');
    const help = node('p', 'help', veil);
    help.id = 'jl-pick-help';
    help.textContent = t('annotatePickerHelp');
    const live = node('p', 'visually-hidden', veil);
    live.setAttribute('aria-live', 'polite');

    let target: Element | null = null;
    let pointer: { x: number; y: number } | null = null;
    let frame = 0;
    const done = new AbortController();

    const draw = () => {
      frame = 0;
      if (pointer) target = targetAt(document.elementsFromPoint(pointer.x, pointer.y), canTarget);
      const rect = target?.getBoundingClientRect();
      outline.hidden = tag.hidden = !rect;
      if (!rect || !target) return;
      Object.assign(outline.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
      tag.textContent = targetText(options.describe(target));
      const above = rect.top >= 26;
      Object.assign(tag.style, { left: `${Math.max(0, Math.min(rect.left, innerWidth - 200))}px`, top: above ? `${rect.top - 24}px` : `${Math.min(rect.bottom + 4, innerHeight - 24)}px` });
      help.classList.toggle('bottom', rect.top < 56);
    };
    const redraw = () => void (frame ||= requestAnimationFrame(draw));
    const announce = () => void (live.textContent = target ? targetText(options.describe(target)) : '');

    const finish = (chosen: Element | null) => {
      done.abort();
      cancelAnimationFrame(frame);
      host.remove();
      if (!chosen) previousFocus?.focus?.({ preventScroll: true });
      resolve(chosen);
    };

    // Only a person picks: events a page script dispatches (isTrusted false) neither choose nor cancel.
    const onPointer = (event: Event) => {
      if (!event.isTrusted || event.target !== hostElement) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.type !== 'click' || (event as MouseEvent).button !== 0) return;
      const { clientX: x, clientY: y } = event as MouseEvent;
      const chosen = targetAt(document.elementsFromPoint(x, y), canTarget);
      if (chosen) finish(chosen);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      event.stopImmediatePropagation();
      if (event.type !== 'keydown') return;
      const move = event.key === 'Tab' ? (event.shiftKey ? 'back' : 'forward') : ARROWS[event.key];
      if (event.key === 'Escape') finish(null);
      else if ((event.key === 'Enter' || event.key === ' ') && target) finish(target);
      else if (move) {
        pointer = null;
        target = moveTarget(target, move, canTarget);
        target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
        announce();
        redraw();
      } else if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
    };

    const { signal } = done;
    // Not passive: Chromium makes window-level touch listeners passive unless told, and they must cancel.
    for (const type of POINTER_EVENTS) addEventListener(type, onPointer, { capture: true, passive: false, signal });
    for (const type of KEY_EVENTS) addEventListener(type, onKey as EventListener, { capture: true, signal });
    veil.addEventListener(
      'pointermove',
      (event) => {
        pointer = { x: event.clientX, y: event.clientY };
        redraw();
      },
      { signal },
    );
    addEventListener('scroll', redraw, { capture: true, passive: true, signal });
    addEventListener('resize', redraw, { passive: true, signal });

    const initial = options.initial;
    if (initial && initial !== document.body && canTarget(initial)) {
      target = initial;
      announce();
      redraw();
    }
    veil.focus({ preventScroll: true });
  });
}
