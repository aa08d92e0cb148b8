import { z } from 'zod';
import type { ContentEvent } from '../../core/messages';
import { JournalEntry } from '../../core/records/journal';
import { applyContentEvents, type SurveyMoment } from './content-events';
import type { Db } from '../store/schema';
import { storeFailureOf } from '../store-health';

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

/**
 * Applies one entry. One that cannot be read or applied for a reason other than the store's own failure (which may
 * pass, and keeps it) is dropped with an error in the console: everything waits for the journal, so one bad entry
 * must not stop the store.
 */
async function applyEntry(db: Db, stored: unknown): Promise<{ tabId: number; moments: SurveyMoment[] } | null> {
  const entry = JournalEntry.safeParse(stored);
  if (!entry.success) {
    console.error('[Journey Lens] an unreadable journal entry was dropped:', z.prettifyError(entry.error));
    return null;
  }
  try {
    return { tabId: entry.data.tabId, moments: (await applyContentEvents(db, entry.data.events, entry.data.tabId)).moments };
  } catch (error) {
    if (storeFailureOf(error)) throw error;
    console.error('[Journey Lens] a journal entry that could not be applied was dropped:', error);
    return null;
  }
}

async function applyPending(db: Db, onApplied: OnApplied): Promise<void> {
  for (;;) {
    const [stored] = await db.getAll('journal', null, 1);
    if (!stored) return;
    const applied = await applyEntry(db, stored);
    // Removed in its own transaction, so acknowledgements never wait behind an apply (the apply does not cover
    // the journal). A worker stopped in between applies the entry again at its next start, which changes nothing:
    // applying is keyed by the records' ids, and nothing else wrote meanwhile (everything waits for this pass).
    await db.delete('journal', stored.seq!);
    if (applied) await onApplied(applied.tabId, applied.moments);
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
