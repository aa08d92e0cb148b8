import type { UiRequest } from '../core/messages';
import type { Issue } from '../core/issue';
import type { Reply, UiReplies } from '../core/replies';
import { browser } from '../platform/browser';
import { t } from '../shared/i18n';

/** The one way UI pages talk to the background: a typed request in, its typed reply or an ApiError (in the user's language) out. */
export async function api<R extends UiRequest>(request: R): Promise<UiReplies[R['type']]> {
  return unwrap((await browser.runtime.sendMessage(request)) as Reply<UiReplies[R['type']]>);
}

/** A reply's data, or its refusal as an ApiError. */
export function unwrap<T>(reply: Reply<T>): T {
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

/**
 * The tab the popup is about: the one its address names (`?tab=<id>`), else the active tab of its window. A popup
 * page opened in a tab of its own is the active tab itself, so it must be told which page it describes; that is
 * how the Firefox test opens it (WebDriver cannot reach Firefox's toolbar popup).
 */
export async function popupTabId(): Promise<number | null> {
  const named = new URLSearchParams(location.search).get('tab');
  if (named !== null && /^\d{1,15}$/.test(named)) return Number(named);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function openOptions(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
