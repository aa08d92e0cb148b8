import { render } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Annotation } from '../../core/records/annotation';
import { t } from '../../shared/i18n';
import css from './annotate.css?inline';
import { typeLabel } from '../../shared/note-labels';
import { createLayerHost } from './layer-host';
import { pinPositions, type Point } from './pin-layout';
import { PinPopover, type PinActions } from './PinPopover';
import type { PinItem } from './types';

export type { PinActions };

export interface PinBoardActions extends PinActions {
  /** Finds again the elements of notes whose element left the page (a re-render replaced it); null if not. */
  relocate(annotations: Annotation[]): (Element | null)[];
}

/** A lost element is looked for at most this often, and given up on after this many tries, until the next load. */
const RELOCATE_MS = 1000;
const RELOCATE_TRIES = 10;

interface PlacedPin {
  annotation: Annotation;
  number: number;
  at: Point | null;
}

/**
 * The page's pins: one closed layer at the document's origin holding a numbered button per note found, on its
 * element's corner. It follows the elements on scroll, resize, image loads and DOM changes, at most once a frame.
 */
export class PinBoard {
  private items: PinItem[] = [];
  private frame = 0;
  private drawn = '';
  private lastRelocate = 0;
  private readonly tries = new Map<string, number>();
  private readonly stop = new AbortController();
  private readonly host = createLayerHost('journey-lens-pins', css);
  private readonly mount = document.createElement('div');

  constructor(private readonly actions: PinBoardActions) {
    this.host.root.append(this.mount);
    const { signal } = this.stop;
    const schedule = () => this.schedule();
    addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    addEventListener('resize', schedule, { passive: true, signal });
    // Images and fonts settle, and transitions end, without a DOM change.
    document.addEventListener('load', schedule, { capture: true, passive: true, signal });
    document.addEventListener('transitionend', schedule, { capture: true, passive: true, signal });
    // Changes inside our own closed roots are not seen here, so drawing pins does not call for another drawing.
    const mutations = new MutationObserver(schedule);
    mutations.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    signal.addEventListener('abort', () => mutations.disconnect());
  }

  /** The notes to pin, in the order they are numbered. */
  set(items: PinItem[]): void {
    this.items = items;
    this.tries.clear();
    this.drawn = '';
    this.schedule();
  }

  /** Hidden while the tab is captured for a feedback report, so the screenshot shows the page as it is. */
  setHidden(hidden: boolean): void {
    this.host.setHidden(hidden);
    if (!hidden) this.schedule();
  }

  destroy(): void {
    this.stop.abort();
    cancelAnimationFrame(this.frame);
    render(null, this.mount);
    this.host.remove();
  }

  private schedule(): void {
    this.frame ||= requestAnimationFrame(() => this.layout());
  }

  private layout(): void {
    this.frame = 0;
    this.relocateLost();
    const groups = new Map<Element, number>();
    const requests = this.items.map(({ element }) => {
      if (!groups.has(element)) groups.set(element, groups.size);
      return { rect: element.isConnected ? element.getBoundingClientRect() : null, group: groups.get(element)! };
    });
    const box = this.host.element.getBoundingClientRect();
    const origin = { x: box.left, y: box.top };
    const scroller = document.scrollingElement ?? document.documentElement;
    const page = { x: -scrollX, y: -scrollY, width: Math.max(scroller.scrollWidth, innerWidth), height: Math.max(scroller.scrollHeight, innerHeight) };
    const positions = pinPositions(requests, origin, page);
    const pins = this.items.map(({ annotation }, i) => ({ annotation, number: i + 1, at: positions[i] ?? null }));
    // Most frames (a busy page's mutations) move nothing: skip the render then.
    const drawn = JSON.stringify([origin, pins.map((pin) => [pin.annotation.id, pin.annotation.updatedAt, pin.annotation.status, pin.at])]);
    if (drawn === this.drawn) return;
    this.drawn = drawn;
    render(<PinLayer pins={pins} origin={origin} host={this.host.element} actions={this.actions} />, this.mount);
  }

  private relocateLost(): void {
    const lost = this.items.filter((item) => !item.element.isConnected && (this.tries.get(item.annotation.id) ?? 0) < RELOCATE_TRIES);
    if (!lost.length || Date.now() - this.lastRelocate < RELOCATE_MS) return;
    this.lastRelocate = Date.now();
    const found = this.actions.relocate(lost.map((item) => item.annotation));
    lost.forEach((item, i) => {
      const element = found[i];
      if (element) item.element = element;
      else this.tries.set(item.annotation.id, (this.tries.get(item.annotation.id) ?? 0) + 1);
    });
    if (lost.some((item) => !item.element.isConnected)) setTimeout(() => this.schedule(), RELOCATE_MS);
  }
}

interface LayerProps {
  pins: PlacedPin[];
  origin: Point;
  host: Element;
  actions: PinActions;
}

function PinLayer({ pins, origin, host, actions }: LayerProps) {
  const [open, setOpen] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const opened = pins.find((pin) => pin.annotation.id === open && pin.at);
  const close = (id: string, refocus: boolean) => {
    setOpen((current) => (current === id ? null : current));
    if (refocus) buttons.current.get(id)?.focus();
  };
  // After the note form, focus comes back to the note's pin rather than to nowhere.
  const withFocusBack: PinActions = {
    ...actions,
    edit: (annotation) => actions.edit(annotation).finally(() => buttons.current.get(annotation.id)?.focus()),
  };

  return (
    <div class="layer">
      {pins.map(({ annotation, number, at }) => {
        if (!at) return null;
        const resolved = annotation.status === 'resolved';
        const label = t(resolved ? 'annotatePinResolvedLabel' : 'annotatePinLabel', number, typeLabel(annotation.type));
        return (
          <button
            key={annotation.id}
            type="button"
            class={`pin ${resolved ? 'resolved' : annotation.type}`}
            style={{ left: `${at.x}px`, top: `${at.y}px` }}
            aria-label={label}
            title={label}
            aria-haspopup="dialog"
            aria-expanded={open === annotation.id}
            ref={(el) => void (el ? buttons.current.set(annotation.id, el) : buttons.current.delete(annotation.id))}
            onClick={() => setOpen(open === annotation.id ? null : annotation.id)}
          >
            {number}
          </button>
        );
      })}
      {opened?.at && (
        <PinPopover
          key={opened.annotation.id}
          annotation={opened.annotation}
          number={opened.number}
          at={opened.at}
          origin={origin}
          host={host}
          actions={withFocusBack}
          onClose={(refocus) => close(opened.annotation.id, refocus)}
        />
      )}
    </div>
  );
}
