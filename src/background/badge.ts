import { badgeOf } from '../core/session/badge';
import { browser } from '../platform/browser';
import { sessionSummary } from './store/queries';
import { activeSession } from './store/records';
import type { Db } from './store/schema';

/** What may change the badge: a walk starting or ending, and the page's events (its signals). */
const MOVES_BADGE = new Set(['ui.session.start', 'ui.session.stop', 'content.events']);

export const movesBadge = (message: unknown) => MOVES_BADGE.has((message as { type?: unknown })?.type as string);

/** The toolbar button says a walk is being recorded, and how much friction it met, so no one records unawares. */
export async function showRecording(db: Db): Promise<void> {
  const session = await activeSession(db);
  const badge = badgeOf(session ? (await sessionSummary(db, session)).signalCounts : null);
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  const title = badge.count === null ? browser.i18n.getMessage('actionTitle') : browser.i18n.getMessage('badgeRecording', String(badge.count));
  await browser.action.setTitle({ title });
}
