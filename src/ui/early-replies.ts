import type { UiRequest } from '../core/messages';
import type { Reply } from '../core/replies';
import { native } from '../platform/native';

/*
 * A UI page's first script (options/ask-early.ts, popup/ask-early.ts: classic scripts of their own, built beside the
 * observer and run from the page's head) asks the worker for what the page shows first, before the page's own
 * code (Preact, the schemas, the polyfill) has loaded, which took longer than the answers (PRODUCT.md §8: map and
 * popup budgets). The page's `api` takes an answer asked for early when it asks the very same, once. The first
 * scripts are built with this module alone: it imports no polyfill.
 */

const EARLY = Symbol.for('journey-lens.early-replies');
type Asked = { key: string; reply: Promise<Reply<unknown>> };
const page = globalThis as { [EARLY]?: Asked[] };

/** The first script's side: asks now, for the page's code to take. */
export function askEarly(request: UiRequest): void {
  const reply = native.runtime.sendMessage(request) as Promise<Reply<unknown>>;
  // Not taken (another study is shown, the page asked otherwise): its failure is nobody's.
  reply.catch(() => undefined);
  (page[EARLY] ??= []).push({ key: JSON.stringify(request), reply });
}

/** The page's side: the answer to this very request asked for early, once; undefined when there is none. */
export function takeEarly(request: UiRequest): Promise<Reply<unknown>> | undefined {
  const asked = page[EARLY];
  // Once the early answers are taken, a request (an imported study file, megabytes) is not serialised for nothing.
  if (!asked?.length) return undefined;
  const key = JSON.stringify(request);
  const found = asked.findIndex((early) => early.key === key);
  return found < 0 ? undefined : asked.splice(found, 1)[0]!.reply;
}
