import { ComposeContext, type UiRequest } from '../../core/messages';
import type { UiReplies } from '../../core/replies';
import type { WorkerDeps } from '../deps';
import { UserError } from '../errors';
import type { HandlerTable } from '../handler';

type ComposeRequests = Extract<UiRequest, { type: 'ui.compose.pending' | 'ui.compose.open' | 'ui.compose.submit' }>;

/** What form `id` in tab `tabId` shows, as its page says (checked); null once the form or the page is gone. */
async function openForm(deps: WorkerDeps, tabId: number, id: string): Promise<ComposeContext | null> {
  // No part of the page answering for the form (undefined) is the form gone, as is the page.
  const context = await deps.relayCompose(tabId, { type: 'tab.compose.open', id }).catch(() => null);
  return ComposeContext.nullable().parse(context ?? null);
}

/**
 * The compose surfaces' relay: the side panel or a compose window (extension pages) and the page's observer talk
 * only through the worker, never through the page's window, where the page would hear them.
 */
export const COMPOSE_HANDLERS: HandlerTable<ComposeRequests, UiReplies> = {
  'ui.compose.pending': {
    effect: 'reads',
    async run({ tabId }, { deps }) {
      const id = await deps.pendingCompose.get(tabId);
      const context = id && (await openForm(deps, tabId, id));
      if (id && !context) await deps.pendingCompose.forget(tabId, id);
      return id && context ? { id, context } : null;
    },
  },
  'ui.compose.open': { effect: 'reads', run: async ({ tabId, id }, { deps }) => openForm(deps, tabId, id) },
  'ui.compose.submit': {
    effect: 'changes',
    async run({ tabId, id, result }, { deps }) {
      const error = await deps.relayCompose(tabId, { type: 'tab.compose.submit', id, result }).catch(() => {
        throw new UserError('errorComposeGone');
      });
      if (error === null) await deps.pendingCompose.forget(tabId, id);
      return typeof error === 'string' ? error.slice(0, 2000) : null;
    },
  },
};
