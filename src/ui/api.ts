import type { UiRequest } from '../core/messages';
import type { Issue } from '../core/issue';
import type { Reply, UiReplies } from '../core/replies';
import { browser } from '../platform/browser';
import { takeEarly } from './early-replies';
import { t } from '../shared/i18n';

/** The one way UI pages talk to the background: a typed request in, its typed reply or an ApiError (in the user's language) out. */
export async function api<R extends UiRequest>(request: R): Promise<UiReplies[R['type']]> {
  // The page's first script may have asked this very thing before the page's code loaded (early-replies.ts).
  const reply = (await (takeEarly(request) ?? browser.runtime.sendMessage(request))) as Reply<UiReplies[R['type']]>;
  if (!reply.ok) throw new ApiError(t(reply.error), reply.issues ?? []);
  return reply.data;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}

export function openOptions(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
