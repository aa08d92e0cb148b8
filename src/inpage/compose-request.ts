import type { ComposeContext, ComposeResult, TabMessage } from '../core/messages';
import type { TabReplies } from '../core/replies';
import { onMessage, sendMessage } from '../platform/page-runtime';
import { t } from '../shared/i18n';
import { showPanelCard } from './panel-card';

/** The cards' hosts keep the names the in-page forms had. */
const TAGS = { note: 'journey-lens-note-form', report: 'journey-lens-report-form', survey: 'journey-lens-survey' } as const;

/** `submit` is given `close`, to take the card away before it answers (a report's screenshot must not show it). */
export type ComposeSubmit = (result: ComposeResult, close: () => void) => Promise<string | null>;

interface OpenForm {
  context: ComposeContext;
  submit(result: ComposeResult): Promise<string | null>;
}

/** The forms this page waits to have written, by id. */
const forms = new Map<string, OpenForm>();

type ComposeMessage = Extract<TabMessage, { type: `tab.compose.${string}` }>;

function answer(request: ComposeMessage, form: OpenForm): Promise<TabReplies[ComposeMessage['type']]> {
  return request.type === 'tab.compose.submit' ? form.submit(request.result) : Promise.resolve(form.context);
}

/**
 * The panel's messages, relayed by the worker. Answered here, beside the observer's own listener (which leaves
 * them alone): the observer, in every page, carries none of this (PRODUCT.md §8). Each on-demand part that asks
 * for forms carries its own copy of this module and answers for its own forms only.
 */
onMessage((message) => {
  const request = message as ComposeMessage;
  const form = request?.type?.startsWith('tab.compose.') ? forms.get(request.id) : undefined;
  return form ? answer(request, form) : undefined;
});

/** Cancels every form waiting: the extension went away under the page. */
export function closeComposeRequests(): void {
  for (const form of [...forms.values()]) void form.submit(null);
}

/**
 * Asks for a form to be written in the Journey Lens panel (or the window the worker opens instead), and says so
 * in the page. The researcher types and reads only there: the page hears none of the keys and cannot
 * `window.find` the words (PRODUCT.md §5). Call it straight from the person's click, whose gesture the message
 * carries to the worker, which opens the panel with it.
 */
export function composeInPanel(context: ComposeContext, avoid: DOMRect | null, submit: ComposeSubmit): void {
  const id = crypto.randomUUID();
  const cancel = () => void forms.get(id)?.submit(null);
  const card = showPanelCard({ tag: TAGS[context.kind], title: t('composeWriteInPanel'), avoid, onCancel: cancel });
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    forms.delete(id);
    card.close();
  };
  forms.set(id, { context, submit: (result) => submit(result, close) });
  void sendMessage({ type: 'content.compose.open', id }).then(
    (reply) => (reply as { ok?: boolean } | undefined)?.ok || cancel(),
    cancel,
  );
}
