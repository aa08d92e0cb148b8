import type { ComposeContext, ComposeResult, TabMessage } from '../core/messages';
import type { TabReplies } from '../core/replies';
import { extensionUrl, onMessage } from '../platform/page-runtime';
import { cornerAwayFrom, createShadowHost } from './shadow-host';

/** The extension page the forms are written in; the one page web-accessible (manifest.json, use_dynamic_url). */
const COMPOSE_PAGE = 'src/ui/compose/index.html';
/** The hosts keep the names the in-page forms had. */
const TAGS = { note: 'journey-lens-note-form', report: 'journey-lens-report-form', survey: 'journey-lens-survey' } as const;
const FRAME_STYLE = 'all: initial; display: block; border: 0; width: 380px; height: 0; max-height: calc(100vh - 32px); background: transparent;';

/** `submit` is given `close`, to take the frame away before it answers (a report's screenshot must not show it). */
export type ComposeSubmit = (result: ComposeResult, close: () => void) => Promise<string | null>;

interface OpenForm {
  context: ComposeContext;
  submit(result: ComposeResult): Promise<string | null>;
  frame: HTMLIFrameElement;
}

/** The forms open in this page, by the id in their frame's address. */
const forms = new Map<string, OpenForm>();

type ComposeMessage = Extract<TabMessage, { type: `tab.compose.${string}` }>;

/**
 * The frame's messages, relayed by the worker. Answered here, beside the observer's own listener (which leaves
 * them alone): the observer, in every page, carries none of this (PRODUCT.md §8).
 */
function answer(request: ComposeMessage, form: OpenForm): Promise<TabReplies[ComposeMessage['type']]> {
  if (request.type === 'tab.compose.submit') return form.submit(request.result);
  if (request.type === 'tab.compose.resize') {
    // The first size comes once the form is drawn: the keyboard goes to it then (again, if the page took it since load).
    if (form.frame.style.height === '0px') focusInto(form.frame);
    form.frame.style.setProperty('height', `${request.height}px`);
  }
  return Promise.resolve(request.type === 'tab.compose.open' ? form.context : null);
}

/** The element alone is not always enough: Chromium can leave the focused element the frame while its document has no focus. */
function focusInto(frame: HTMLIFrameElement): void {
  frame.focus();
  frame.contentWindow?.focus();
}

// Each on-demand part that opens forms carries its own copy of this module: each answers for its own forms only.
onMessage((message) => {
  const request = message as ComposeMessage;
  const form = request?.type?.startsWith('tab.compose.') ? forms.get(request.id) : undefined;
  return form ? answer(request, form) : undefined;
});

/** Cancels every open form: the extension went away under the page, and its frames with it. */
export function closeComposeFrames(): void {
  for (const form of [...forms.values()]) void form.submit(null);
}

/**
 * Opens a form in a frame of the extension's own origin, in the corner away from `avoid`. The researcher types
 * and reads there: the page hears none of its events and cannot `window.find` its text (PRODUCT.md §5). The frame
 * and this script talk through the worker (tab.compose.*), never through the page's window.
 */
export function openComposeFrame(context: ComposeContext, avoid: DOMRect | null, submit: ComposeSubmit): void {
  const id = crypto.randomUUID();
  const previousFocus = document.activeElement as HTMLElement | null;
  const host = createShadowHost(TAGS[context.kind], '');
  host.place(cornerAwayFrom(avoid));
  const frame = document.createElement('iframe');
  frame.setAttribute('style', FRAME_STYLE);
  frame.src = `${extensionUrl(COMPOSE_PAGE)}#${id}`;
  frame.addEventListener('load', () => focusInto(frame), { once: true });
  host.root.append(frame);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    forms.delete(id);
    host.remove();
    previousFocus?.focus?.({ preventScroll: true });
  };
  forms.set(id, { context, submit: (result) => submit(result, close), frame });
}
