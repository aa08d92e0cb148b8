import type { ContentRequest } from '../core/messages';
import type { ContentReplies, Reply } from '../core/replies';
import { sendMessage } from '../platform/page-runtime';

/** Asks the background; a refusal throws with the background's reason, a stopped worker rejects too. */
export async function ask<R extends ContentRequest>(request: R): Promise<ContentReplies[R['type']]> {
  const reply = (await sendMessage(request)) as Reply<ContentReplies[R['type']]> | undefined;
  // A message key: the in-page forms say it in the user's language (failureText, shared/i18n.ts).
  if (!reply) throw new Error('errorNoReply');
  if (!reply.ok) throw reply.storeFailure ? new StoreFailedError(reply.error) : new RefusedError(reply.error);
  return reply.data;
}

/** The background read the message and said no: sending it again will not help. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

/** The background could not write (its storage is full or failing): the same message may succeed later. */
export class StoreFailedError extends Error {
  override name = 'StoreFailedError';
}
