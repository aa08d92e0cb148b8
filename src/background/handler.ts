import type { WorkerDeps } from './deps';
import type { Db } from './store/schema';

/**
 * What a request does to the store, declared with its handler rather than in lists of request names:
 * - `reads` never changes what a journey map shows, so the cached maps stay; while the store is too full to apply
 *   acknowledged events, it answers from what is applied (the popup must still say so);
 * - `adds` always writes: one that works shows the store takes writes again (store-health.ts);
 * - `changes` anything else (deletions, settings, survey prompts).
 */
export type Effect = 'reads' | 'adds' | 'changes';

export interface HandlerContext {
  deps: WorkerDeps;
  /** The database, opened on first use: a handler that never touches it works while it fails to open. */
  db: () => Promise<Db>;
}

/** A page's content script, as the sender check established it. */
export interface PageSender {
  url: string;
  tabId: number;
}

export interface Handler<Request, Reply, Context = HandlerContext> {
  effect: Effect;
  /** Answered before the acknowledged events are applied (journal.ts): the acknowledgement itself, the store's health. */
  beforeJournal?: true;
  run: (request: Request, context: Context) => Promise<Reply>;
}

/**
 * One handler per request type of a direction, each typed by its own request and reply (as Hypothesis's PortRPC
 * call maps): a handler that returns another request's reply does not type-check.
 */
export type HandlerTable<Request extends { type: string }, Replies extends { [K in Request['type']]: unknown }, Context = HandlerContext> = {
  [K in Request['type']]: Handler<Extract<Request, { type: K }>, Replies[K], Context>;
};
