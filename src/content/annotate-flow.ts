import { storableUrl } from '../core/journey/route';
import type { Annotation } from '../core/records/annotation';
import type { PinBoard, PinBoardActions } from '../inpage/annotate/pins';
import type { AnnotationDraft, PinItem } from '../inpage/annotate/types';
import type { NotePlace, PickMode } from './note-place';
import { buildAnchor } from './anchoring/build-anchor';
import { pageText, type PageText } from './anchoring/page-text';
import { resolveAnchor } from './anchoring/resolve-anchor';
import type { PageErrorLog } from './feedback';
import { ask } from './messaging';
import { isPickable, labelOf } from './note-target';

/*
 * Notes on the page, the part loaded on demand: picking an element, the note form, and the pins with their
 * actions. It holds the data work (anchors, records, messages); the UI it shows comes from inpage/annotate,
 * loaded here too, never with the observer.
 */

/** A late-rendering page gets this long to show a note's element before the note is called orphaned. */
const SETTLE_MS = 1500;
/** Notes reported back in one message at most (content.annotation.anchored). */
const MAX_NOTES = 500;

/** Picks an element (or takes the one right-clicked, if it may be chosen) and opens the note or report form. */
export async function pickAndOpen(mode: PickMode, remembered: Element | null, place: () => NotePlace | null, errors: PageErrorLog, note?: string): Promise<void> {
  if (note) return reattach(note, place);
  const element = remembered instanceof Element && remembered.isConnected && isPickable(remembered) ? remembered : await pick();
  if (!element) return;
  if (mode === 'annotate') return annotate(element, place);
  const { reportOn } = await import('./feedback-flow');
  await reportOn(element, labelOf(element), place, errors, (hidden) => board?.setHidden(hidden));
}

/** An orphaned note given its element again: the person picks it, the note is anchored there and the pins redrawn. */
async function reattach(id: string, place: () => NotePlace | null): Promise<void> {
  const element = await pick();
  const here = place();
  if (!element || !here) return;
  await ask({ type: 'content.annotation.reattach', id, anchor: buildAnchor(element, document) });
  await showPins(await ask({ type: 'content.annotations', studyId: here.studyId, pageKey: here.pageKey }));
}

async function pick(): Promise<Element | null> {
  const { pickElement } = await import('../inpage/annotate/picker');
  return pickElement({ isPickable, describe: labelOf, initial: document.activeElement });
}

/** The form's draft as a note's fields: its page, unless every page of the touchpoint was chosen. */
function noteOf({ everyPage, ...draft }: AnnotationDraft): Pick<Annotation, 'type' | 'text' | 'emotion' | 'scope' | 'url'> {
  return { ...draft, scope: everyPage ? 'touchpoint' : 'page', url: storableUrl(location.href) };
}

async function annotate(element: Element, place: () => NotePlace | null): Promise<void> {
  // Anchored as chosen: the page may change while the note is written.
  const anchor = buildAnchor(element, document);
  const { openAnnotationForm } = await import('../inpage/annotate/forms');
  await openAnnotationForm({
    target: labelOf(element),
    avoid: element.getBoundingClientRect(),
    save: async (draft) => {
      const here = place();
      if (!here) throw new Error('This page is no longer in a study.');
      const now = Date.now();
      const annotation: Annotation = {
        id: crypto.randomUUID(),
        studyId: here.studyId,
        sessionId: here.sessionId,
        visitId: here.visitId,
        pageKey: here.pageKey,
        stageId: here.stageId,
        ...noteOf(draft),
        role: here.role ?? 'pm',
        anchor,
        status: 'open',
        orphaned: false,
        createdAt: now,
        updatedAt: now,
      };
      const saved = await ask({ type: 'content.annotation.save', annotation });
      if (saved.studyId === here.studyId && saved.pageKey === here.pageKey) {
        items = [...items.filter((item) => item.annotation.id !== saved.id), { annotation: saved, element }];
        await drawPins();
      }
    },
  });
}

/** The extension went away under the page: nothing can write its waiting forms any more, so they close as cancelled. */
export async function closeForms(): Promise<void> {
  const { closeComposeRequests } = await import('../inpage/compose-request');
  closeComposeRequests();
}

// --- Pins ---

let board: PinBoard | null = null;
let items: PinItem[] = [];
let run = 0;

function find(annotations: readonly Annotation[]): (Element | null)[] {
  let page: PageText;
  try {
    page = pageText(document);
  } catch {
    return annotations.map(() => null);
  }
  return annotations.map((annotation) => {
    try {
      return resolveAnchor(annotation.anchor, document, page).element;
    } catch {
      return null;
    }
  });
}

/**
 * Pins the page's notes: each anchor is looked for (again, after a moment, for those not found at once), what was
 * found or orphaned is reported, and the notes found get numbered pins in the order they were written.
 */
export async function showPins(notes: readonly Annotation[]): Promise<void> {
  const current = ++run;
  const annotations = [...notes].sort((a, b) => a.createdAt - b.createdAt).slice(0, MAX_NOTES);
  const elements = find(annotations);
  if (elements.includes(null)) {
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    if (current !== run) return;
    const missing = annotations.filter((_, i) => !elements[i]);
    const again = find(missing);
    missing.forEach((annotation, j) => (elements[annotations.indexOf(annotation)] = again[j] ?? null));
  }
  if (current !== run) return;
  if (annotations.length) {
    const results = annotations.map((annotation, i) => ({ id: annotation.id, orphaned: !elements[i] }));
    void ask({ type: 'content.annotation.anchored', results }).catch(() => undefined);
  }
  items = annotations.flatMap((annotation, i) => (elements[i] ? [{ annotation, element: elements[i] }] : []));
  await drawPins();
}

async function drawPins(): Promise<void> {
  if (!items.length) {
    board?.destroy();
    board = null;
    return;
  }
  if (!board) {
    const { PinBoard } = await import('../inpage/annotate/pins');
    board ??= new PinBoard(actions);
  }
  board.set(items);
}

/** A note came back from the background changed: its pin shows the change. */
async function replace(saved: Annotation): Promise<void> {
  items = items.map((item) => (item.annotation.id === saved.id ? { ...item, annotation: saved } : item));
  await drawPins();
}

const save = (annotation: Annotation) => ask({ type: 'content.annotation.save', annotation: { ...annotation, updatedAt: Date.now() } });

const actions: PinBoardActions = {
  async edit(annotation) {
    const item = items.find((candidate) => candidate.annotation.id === annotation.id);
    const { openAnnotationForm } = await import('../inpage/annotate/forms');
    const initial: AnnotationDraft = { type: annotation.type, text: annotation.text, emotion: annotation.emotion, everyPage: annotation.scope !== 'page' };
    await openAnnotationForm({
      target: item ? labelOf(item.element) : null,
      avoid: item?.element.getBoundingClientRect() ?? null,
      initial,
      // An edit may widen or narrow where the note shows; it stays on the page it was written on.
      save: async (draft) => replace(await save({ ...annotation, ...noteOf(draft), url: annotation.url ?? storableUrl(location.href) })),
    });
  },
  async toggle(annotation) {
    await replace(await save({ ...annotation, status: annotation.status === 'open' ? 'resolved' : 'open' }));
  },
  async remove(annotation) {
    await ask({ type: 'content.annotation.delete', id: annotation.id });
    items = items.filter((item) => item.annotation.id !== annotation.id);
    await drawPins();
  },
  relocate: find,
};
