import { t } from '../shared/i18n';
import { cornerAwayFrom, createShadowHost } from './shadow-host';
import css from '../shared/survey-card.css?inline';

export interface PanelCardOptions {
  /** The host element's name: tests and our own observer tell the cards apart by it. */
  tag: string;
  /** The card's words: the study's question, or where to write. Nothing the researcher typed. */
  title: string;
  /** What the triggering element covers: the card keeps clear of it. */
  avoid: DOMRect | null;
  /** A button that sends the person to the panel (its click is the gesture the worker opens the panel with). */
  action?: { label: string; run: () => void };
  /** × or Esc. */
  onCancel: () => void;
}

/**
 * A card in the page (closed shadow root) saying where the words are written: the Journey Lens panel. Buttons
 * only, no field: nothing is typed or shown here that the page could hear or find (PRODUCT.md §5).
 */
export function showPanelCard({ tag, title, avoid, action, onCancel }: PanelCardOptions): { close(): void } {
  const previousFocus = document.activeElement as HTMLElement | null;
  const host = createShadowHost(tag, css);
  host.place(cornerAwayFrom(avoid));
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'false');
  card.setAttribute('aria-labelledby', 'jl-question');
  const head = document.createElement('div');
  head.className = 'head';
  const heading = document.createElement('h2');
  heading.id = 'jl-question';
  heading.textContent = title;
  const close = button('close', '×', onCancel);
  close.setAttribute('aria-label', t('surveyDismiss'));
  head.append(heading, close);
  card.append(head);
  if (action) {
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(button('submit', action.label, action.run));
    card.append(actions);
  }
  card.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  });
  host.root.append(card);
  // Keyboard first: Enter takes the person to the panel, Esc cancels (the card's own buttons, no field).
  ((card.querySelector('.submit') ?? close) as HTMLElement).focus({ preventScroll: true });
  return {
    close() {
      const focused = host.root.activeElement !== null;
      host.remove();
      if (focused) previousFocus?.focus?.({ preventScroll: true });
    },
  };
}

function button(className: string, label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}
