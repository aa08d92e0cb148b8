import { eachEvent, OutboxEntry, type ContentEvent } from '../../core/messages';
import { inScope } from '../../core/journey/scope';
import { answerRefusal } from '../../core/surveys/instruments';
import { applyContentEvents } from './content-events';
import type { WorkerDeps } from '../deps';
import { UserError } from '../errors';
import { applyJournal, applyJournalSoon, journalBatch } from './journal';
import { forgetMaps } from '../map-cache';
import { promptFor } from '../prompts';
import type { Db } from '../store/schema';
import { sameOrigin } from '../sender';
import { storeFailureOf } from '../store-health';

/*
 * A page's events, from its message to the records: checked, acknowledged once journaled, applied soon after
 * (journal.ts), and the surveys their moments call for put on the page.
 */

/**
 * Applies the acknowledged batches (journal.ts); the surveys their moments call for are put on their tabs' pages,
 * as the page's reply no longer carries them (it is sent before the batch is applied).
 */
export function applyAcknowledged(deps: WorkerDeps): Promise<void> {
  return applyJournal(deps.db, async (tabId, moments) => {
    forgetMaps();
    const prompt = await promptFor(await deps.db(), moments, deps.now(), deps.translate);
    if (prompt) void deps.showPrompt(tabId, prompt);
  });
}

/**
 * A page writes only visits of its own origin that lie in the scope of the study it records for, and answers that
 * pass the same check as the popup's (`answerRefusal`): for a study that exists, on the survey's scale. Each
 * event is checked on its own: one refused costs no other (the refused are acknowledged unwritten, so the page
 * drops them), as does one the schema refuses (`eachEvent`).
 */
async function checkEvents(db: Db, sent: readonly unknown[], sender: { url: string }): Promise<{ events: ContentEvent[]; refused: string[] }> {
  const { valid, dropped } = eachEvent(sent);
  // Read only when needed: a running apply holds 'studies', and a burst of signals need not wait for it.
  if (!valid.some((event) => event.kind === 'visit.start' || event.kind === 'response')) return { events: valid, refused: dropped };
  const studies = new Map((await db.getAll('studies')).map((s) => [s.id, s]));
  const accepted = (event: ContentEvent): boolean => {
    if (event.kind === 'visit.start') {
      const study = studies.get(event.visit.studyId);
      return !!study && inScope(event.visit.url, study.scope) && sameOrigin(event.visit.url, sender.url);
    }
    if (event.kind !== 'response') return true;
    const { response } = event;
    const study = studies.get(response.studyId);
    // A card answered after its survey was edited out of the study still holds a real answer (its dismissal also
    // closes the prompt the throttle waits on): it is checked on its own instrument's scale.
    const rule = study?.surveys.find((survey) => survey.id === response.surveyId) ?? (study && { instrument: response.instrument });
    return !answerRefusal(rule, response);
  };
  const events = valid.filter(accepted);
  return { events, refused: [...dropped, ...valid.filter((event) => !accepted(event)).map((event) => event.eventId)] };
}

/** Acknowledges a batch once its accepted events are in the journal; they are applied (and their surveys decided) soon after. */
export async function recordEvents(db: Db, sent: readonly unknown[], sender: { url: string; tabId: number }, deps: WorkerDeps): Promise<{ acked: string[] }> {
  const { journaled, refused } = await journalEvents(db, sent, sender, deps);
  return { acked: [...journaled, ...refused] };
}

/** Puts a page's accepted events in the journal, to be applied soon after; says which were journaled, which refused. */
export async function journalEvents(db: Db, sent: readonly unknown[], sender: { url: string; tabId: number }, deps: WorkerDeps): Promise<{ journaled: string[]; refused: string[] }> {
  const { events, refused } = await checkEvents(db, sent, sender);
  if (refused.length) console.warn('[Journey Lens] events refused:', refused.length);
  if (events.length) {
    await journalBatch(db, sender.tabId, events);
    applyJournalSoon(() =>
      applyAcknowledged(deps).catch(async (error: unknown) => {
        const failure = storeFailureOf(error);
        if (failure) await deps.health.failed(failure, deps.now());
        console.warn('[Journey Lens] acknowledged events not applied yet:', error);
      }),
    );
  }
  return { journaled: events.map((event) => event.eventId), refused };
}

/**
 * Applies what a page left in the session outbox as its last message would have been (same checks, the entry's
 * tab and URL standing for the sender), without a survey: the page is gone. Returns the tab, or null when the
 * entry is malformed or refused, to be forgotten like a refused batch.
 */
export async function applyOutboxEntry(entry: unknown, deps: WorkerDeps): Promise<number | null> {
  const parsed = OutboxEntry.safeParse(entry);
  if (!parsed.success) return null;
  const { tabId, url, events } = parsed.data;
  // The page's last message comes after what it sent before: those are applied first.
  await applyAcknowledged(deps);
  const db = await deps.db();
  try {
    const { events: accepted } = await checkEvents(db, events, { url });
    if (accepted.length) await applyContentEvents(db, accepted, tabId);
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
  return tabId;
}
