import { z } from 'zod';
import { issuePath, type Issue } from '../core/issue';
import { ContentRequest, UiRequest } from '../core/messages';
import type { ErrorKey, Reply } from '../core/replies';
import type { WorkerDeps } from './deps';
import { UserError } from './errors';
import type { Handler, HandlerContext } from './handler';
import { CONTENT_HANDLERS, type ContentContext } from './handlers/content';
import { UI_HANDLERS } from './handlers/ui';
import { applyAcknowledged } from './recording/ingest';
import { forgetMaps } from './map-cache';
import { senderOf, type Sender, type SenderFacts } from './sender';
import { storeFailureOf } from './store-health';

/** What the dispatch reads of a handler besides calling it. */
type Traits = Pick<Handler<never, never>, 'effect' | 'beforeJournal'>;

function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issuePath(issue.path) || '(message)', message: issue.message }));
}

function refuse(error: ErrorKey, issues?: Issue[]): Reply<never> {
  return issues ? { ok: false, error, issues } : { ok: false, error };
}

/**
 * Everything but an acknowledgement waits for the acknowledged events, so it neither misses nor overtakes one. A
 * read goes on with what is applied when the store is too full to apply more: the popup must still say so.
 */
async function appliedFirst(handler: Traits, deps: WorkerDeps): Promise<void> {
  if (handler.beforeJournal) return;
  try {
    await applyAcknowledged(deps);
  } catch (error) {
    if (handler.effect !== 'reads' || storeFailureOf(error) !== 'quota') throw error;
    console.warn('[Journey Lens] acknowledged events not applied yet:', error);
  }
}

/** A page drops what is refused without a word (its console is the site's): the worker's console says why. */
function refused(sender: Sender, reply: Reply<never>): Reply<never> {
  if (sender.kind === 'content') console.warn('[Journey Lens] a page’s message refused:', reply);
  return reply;
}

/** Said wherever a write failed (popup, options page, in-page forms), with what the person can do. */
const FAILURE_KEY = { quota: 'storeFailedQuota', aborted: 'storeFailedOther', unknown: 'storeFailedOther', unavailable: 'storeFailedOther' } as const;

/**
 * Validates who is asking and what, then hands the request to its handler (handlers/). Anything that fails a
 * check is refused, with a message key, before any write.
 */
export async function handleMessage(message: unknown, facts: SenderFacts, deps: WorkerDeps): Promise<Reply<unknown>> {
  const sender = senderOf(facts, deps.extension.id, deps.extension.origin);
  if (!sender) return refuse('errorUnknownSender');
  const parsed = (sender.kind === 'ui' ? UiRequest : ContentRequest).safeParse(message);
  if (!parsed.success) return refused(sender, refuse('errorMalformedMessage', issuesOf(parsed.error)));
  const request = parsed.data;
  const { handler, run } = bind(request, sender, { deps, db: deps.db });
  if (handler.effect !== 'reads') forgetMaps();
  try {
    await appliedFirst(handler, deps);
    const data = await run();
    // Again once written: a map read while the write was under way may not have it.
    if (handler.effect !== 'reads') forgetMaps();
    if (handler.effect === 'adds') await deps.health.succeeded();
    if (handler.effect !== 'reads') deps.teamSync.changed();
    return { ok: true, data };
  } catch (error) {
    if (error instanceof UserError) return refused(sender, refuse(error.key));
    if (error instanceof z.ZodError) return refuse('errorInvalidData', issuesOf(error));
    const failure = storeFailureOf(error);
    if (!failure) throw error;
    // Not a refusal: the page keeps its events and sends them again; the popup says why nothing is saved.
    const page = request.type === 'content.events' && sender.kind === 'content' ? { tabId: sender.tabId, queued: request.queued } : undefined;
    await deps.health.failed(failure, deps.now(), page);
    console.warn('[Journey Lens] write failed:', failure, error);
    return { ok: false, error: FAILURE_KEY[failure], storeFailure: failure };
  }
}

/**
 * The request's handler, bound to it. The one cast of the worker's messaging: TypeScript cannot pair a union of
 * requests with a table's entries, so each table is checked entry by entry where it is written instead.
 */
function bind(request: UiRequest | ContentRequest, sender: Sender, context: HandlerContext): { handler: Traits; run: () => Promise<unknown> } {
  if (sender.kind === 'ui') {
    const handler = UI_HANDLERS[request.type as UiRequest['type']] as Handler<UiRequest, unknown>;
    return { handler, run: () => handler.run(request as UiRequest, context) };
  }
  const handler = CONTENT_HANDLERS[request.type as ContentRequest['type']] as Handler<ContentRequest, unknown, ContentContext>;
  return { handler, run: () => handler.run(request as ContentRequest, { ...context, sender: { url: sender.url, tabId: sender.tabId } }) };
}
