import { ComposeContext, type UiRequest } from '../../core/messages';
import type { UiReplies } from '../../core/replies';
import type { HandlerTable } from '../handler';

type ComposeRequests = Extract<UiRequest, { type: 'ui.compose.open' | 'ui.compose.submit' | 'ui.compose.resize' }>;

/**
 * The compose frame's relay: the frame (an extension page) and the observer in its tab talk only through the
 * worker, never through the page's window, where the page would hear them. What the observer says is checked too.
 */
export const COMPOSE_HANDLERS: HandlerTable<ComposeRequests, UiReplies> = {
  'ui.compose.open': {
    effect: 'reads',
    run: async ({ tabId, id }, { deps }) => ComposeContext.nullable().parse(await deps.relayCompose(tabId, { type: 'tab.compose.open', id })),
  },
  'ui.compose.submit': {
    effect: 'changes',
    async run({ tabId, id, result }, { deps }) {
      const error = await deps.relayCompose(tabId, { type: 'tab.compose.submit', id, result });
      return typeof error === 'string' ? error.slice(0, 2000) : null;
    },
  },
  'ui.compose.resize': {
    effect: 'reads',
    async run({ tabId, id, height }, { deps }) {
      await deps.relayCompose(tabId, { type: 'tab.compose.resize', id, height });
      return null;
    },
  },
};
