import type { ContentEvent } from '../core/messages';
import { applyContentEvents, type SurveyMoment } from './content-events';
import type { Db } from './schema';

/**
 * A page's batch is acknowledged once it is ONE record in the journal: hundreds of events are one put, where
 * writing them as records and rollups takes one request each (a few thousand events a second in Chromium). The
 * entries are applied into the store afterwards, oldest first, by `applyJournal`, which everything that reads or
 * changes the store waits for, so no reader misses an acknowledged event and no write overtakes one.
 */

export async function journalBatch(db: Db, tabId: number, events: readonly ContentEvent[]): Promise<void> {
  await db.add('journal', { tabId, events: [...events] });
}

/** Called after each entry is applied, with what in it may call for a survey. */
export type OnApplied = (tabId: number, moments: SurveyMoment[]) => Promise<void>;

async function applyPending(db: Db, onApplied: OnApplied): Promise<void> {
  for (;;) {
    const [entry] = await db.getAll('journal', null, 1);
    if (!entry) return;
    const { moments } = await applyContentEvents(db, entry.events, entry.tabId);
    // Removed in its own transaction, so acknowledgements never wait behind an apply (the apply does not cover
    // the journal). A worker stopped in between applies the entry again at its next start, which changes nothing:
    // applying is keyed by the records' ids, and nothing else wrote meanwhile (everything waits for this pass).
    await db.delete('journal', entry.seq!);
    await onApplied(entry.tabId, moments);
  }
}

let applying: Promise<void> = Promise.resolve();

/**
 * Applies every entry acknowledged so far, one transaction each, one pass at a time: a pass asked for after an
 * acknowledgement sees its entry. Entries a stopped worker left are applied by the next start's first pass.
 */
export function applyJournal(db: () => Promise<Db>, onApplied: OnApplied): Promise<void> {
  const pass = applying.then(async () => applyPending(await db(), onApplied));
  applying = pass.catch(() => undefined);
  return pass;
}

/** A burst is acknowledged first and applied once it calms down, or after `MAX_WAIT_MS` of a longer one. */
const SETTLE_MS = 50;
const MAX_WAIT_MS = 500;
let timer: ReturnType<typeof setTimeout> | undefined;
let waitingSince: number | null = null;

/**
 * Asks for a pass soon, not now: the store handles one request at a time, and an apply's hundreds of puts would
 * make the acknowledgements of the rest of a burst wait behind them. Nothing depends on when it runs: whatever
 * reads or changes the store runs a pass first, and a worker stopped before it comes applies at its next start.
 */
export function applyJournalSoon(pass: () => Promise<void>): void {
  const now = performance.now();
  waitingSince ??= now;
  clearTimeout(timer);
  timer = setTimeout(() => {
    waitingSince = null;
    void pass();
  }, Math.min(SETTLE_MS, Math.max(0, waitingSince + MAX_WAIT_MS - now)));
}
